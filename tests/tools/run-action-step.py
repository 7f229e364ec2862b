#!/usr/bin/env python3
"""run-action-step.py ACTION_YML STEP_NAME KEY=VALUE...

Runs one `run:` step of a composite action.yml with bash, the way the
Actions runner would: ${{ inputs.x }}, ${{ github.* }} and ${{ runner.* }}
expressions are replaced by the KEY=VALUE pairs (inputs.x=..., runner.temp=...).
Python has no YAML parser in its standard library; the steps of our
action.yml are simple enough to read by indentation."""
import re
import subprocess
import sys


def steps(text):
    """Yields (name, script) for each step with a `run: |` block."""
    name, lines, in_run, indent = None, [], False, 0
    for line in text.splitlines():
        m = re.match(r"^(\s*)- name: (.*)$", line)
        if m:
            if name and lines:
                yield name, "\n".join(lines)
            name, lines, in_run = m.group(2).strip(), [], False
            continue
        m = re.match(r"^(\s*)run: \|\s*$", line)
        if m:
            in_run, indent = True, None
            continue
        if in_run:
            if line.strip() == "":
                lines.append("")
                continue
            lead = len(line) - len(line.lstrip())
            if indent is None:
                indent = lead
            if lead < indent:
                in_run = False
                continue
            lines.append(line[indent:])
    if name and lines:
        yield name, "\n".join(lines)


def main():
    action, wanted = sys.argv[1], sys.argv[2]
    values = dict(arg.split("=", 1) for arg in sys.argv[3:])
    for name, script in steps(open(action).read()):
        if name != wanted:
            continue
        def expand(m):
            key = m.group(1).strip()
            if key not in values:
                sys.exit("run-action-step.py: no value for %s" % key)
            return values[key]
        script = re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", expand, script)
        return subprocess.run(["bash", "-e", "-c", script]).returncode
    sys.exit("run-action-step.py: no step named %r" % wanted)


if __name__ == "__main__":
    sys.exit(main())
