#!/usr/bin/env python3
"""sarif-validate.py MULTITOOL FILE.sarif

Validates a SARIF log with Microsoft's SARIF Multitool and GitHub's rules
(--rule-kind "Gh;Sarif").  The Multitool exits 0 even when it finds problems,
so this reads its output log and fails, listing them, if it holds any result.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    tool, sarif = sys.argv[1], sys.argv[2]
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "validation.sarif")
        run = subprocess.run([tool, "validate", "--rule-kind", "Gh;Sarif", "-o", out, sarif],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0 or not os.path.exists(out):
            sys.stderr.write(run.stdout + run.stderr)
            print("sarif-validate: the Multitool failed (exit %d)" % run.returncode)
            return 1
        with open(out) as f:
            results = [r for run_ in json.load(f).get("runs", []) for r in run_.get("results", [])]
    for r in results:
        msg = r.get("message", {})
        text = msg.get("text") or "%s %s" % (msg.get("id", ""), msg.get("arguments", ""))
        print("%s %s: %s" % (r.get("level", "warning"), r.get("ruleId"), text))
    print("sarif-validate: %d problem(s) in %s" % (len(results), sarif))
    return 1 if results else 0


if __name__ == "__main__":
    sys.exit(main())
