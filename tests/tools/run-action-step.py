#!/usr/bin/env python3
"""run-action-step.py ACTION_YML STEP_NAME KEY=VALUE...

Runs one `run:` step of a composite action.yml with bash, the way the
Actions runner would: `bash --noprofile --norc -eo pipefail`, with the
step's `env:` block in the environment after its ${{ inputs.x }},
${{ github.* }} and ${{ runner.* }} expressions are replaced by the KEY=VALUE
pairs (inputs.x=..., runner.temp=...).  Upper-case keys (GITHUB_WORKSPACE,
RUNNER_TEMP, GITHUB_STEP_SUMMARY, ...) are the runner's own environment
variables and go into the environment as they are.  Python has no YAML parser
in its standard library; the steps of our action.yml are simple enough to
read by indentation."""
import os
import re
import subprocess
import sys


def steps(text):
    """Yields (name, env, script) for each step with a `run: |` block."""
    name, env, lines, block, indent = None, {}, [], None, None
    for line in text.splitlines():
        m = re.match(r"^\s*- name: (.*)$", line)
        if m:
            if name and lines:
                yield name, env, "\n".join(lines)
            name, env, lines, block = m.group(1).strip(), {}, [], None
            continue
        m = re.match(r"^(\s*)(run: \||env:)\s*$", line)
        if m and name:
            block, indent = m.group(2), None
            continue
        if block is None:
            continue
        lead = len(line) - len(line.lstrip())
        if line.strip() and indent is None:
            indent = lead
        if line.strip() and lead < indent:
            block = None
            continue
        if block == "env:" and line.strip():
            key, value = line.strip().split(":", 1)
            env[key.strip()] = value.strip()
        elif block != "env:":
            lines.append(line[indent:] if line.strip() else "")
    if name and lines:
        yield name, env, "\n".join(lines)


def main():
    action, wanted = sys.argv[1], sys.argv[2]
    values = dict(arg.split("=", 1) for arg in sys.argv[3:])

    def expand(text):
        def one(m):
            key = m.group(1).strip()
            if key not in values:
                sys.exit("run-action-step.py: no value for %s" % key)
            return values[key]
        return re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", one, text)

    for name, env, script in steps(open(action).read()):
        if name != wanted:
            continue
        environment = dict(os.environ)
        environment.update({k: v for k, v in values.items() if k.isupper()})
        environment.update({k: expand(v) for k, v in env.items()})
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(script)],
                              env=environment).returncode
    sys.exit("run-action-step.py: no step named %r" % wanted)


if __name__ == "__main__":
    sys.exit(main())
