#!/usr/bin/env python3
"""check-ci-docs.py REPO_ROOT

docs/ci.md must not drift from what it documents: its copy-paste workflow is
docs/ci/github.yml (comments aside), its table of the action's inputs names
exactly the inputs of action.yml with their defaults, and every --format it
describes is one stallcheck accepts (the usage text)."""
import re
import subprocess
import sys

root, stallcheck = sys.argv[1], sys.argv[2]
doc = open(root + "/docs/ci.md").read()
workflow = open(root + "/docs/ci/github.yml").read()
action = open(root + "/action.yml").read()
problems = []

block = re.search(r"```yaml\n(name: stallcheck.*?)```", doc, re.S)
body = "\n".join(l for l in workflow.splitlines() if not l.startswith("#")) + "\n"
if not block or block.group(1) != body:
    problems.append("the workflow in docs/ci.md is not docs/ci/github.yml")

# action.yml inputs: "  name:" under "inputs:", with "default:" lines.
inputs_text = action.split("\ninputs:\n", 1)[1].split("\nruns:", 1)[0]
inputs = {}
for m in re.finditer(r"^  ([a-z-]+):\n((?:    .*\n?)*)", inputs_text, re.M):
    d = re.search(r'default: "?([^"\n]*)"?', m.group(2))
    inputs[m.group(1)] = d.group(1) if d else None
documented = {}
for m in re.finditer(r"^\| `([a-z-]+)` \| ([^|]*) \|", doc, re.M):
    default = m.group(2).strip()
    documented[m.group(1)] = None if default == "(required)" else "" if default == "empty" else default.strip("`")
if documented != inputs:
    problems.append("inputs: action.yml has %s, docs/ci.md documents %s" % (inputs, documented))

usage = subprocess.run([stallcheck, "--help"], capture_output=True, text=True).stdout
accepted = set(re.search(r"--format=([a-z|]+)", usage).group(1).split("|"))
described = set(re.findall(r"^- `--format=([a-z]+)`", doc, re.M))
if described != accepted:
    problems.append("formats: stallcheck accepts %s, docs/ci.md describes %s" % (sorted(accepted), sorted(described)))

for p in problems:
    print(p)
print("%d problem(s)" % len(problems))
sys.exit(1 if problems else 0)
