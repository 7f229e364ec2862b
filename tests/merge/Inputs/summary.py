#!/usr/bin/env python3
"""summary.py LOG.sarif: one line per run and per result, for FileCheck.

Also checks what a merged log promises, and fails if it does not hold:
every ruleIndex names the rule of the result's ruleId, every artifact
index names the artifact with that uri.
"""
import json
import sys


def artifact_locations(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "artifactLocation" and isinstance(value, dict):
                yield value
            else:
                yield from artifact_locations(value)
    elif isinstance(node, list):
        for value in node:
            yield from artifact_locations(value)


def main():
    log = json.load(open(sys.argv[1]))
    problems = []
    print("version %s, %d run(s)" % (log["version"], len(log["runs"])))
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        rules = [r["id"] for r in driver.get("rules", [])]
        bases = {k: v.get("uri") for k, v in run.get("originalUriBaseIds", {}).items()}
        artifacts = [a["location"] for a in run.get("artifacts", [])]
        print("tool %s, rules %s" % (driver["name"], " ".join(rules)))
        print("bases %s" % " ".join("%s=%s" % kv for kv in sorted(bases.items())))
        if artifacts:
            print("artifacts %s" % " ".join(a.get("uriBaseId", "") + ":" + a["uri"] for a in artifacts))
        for inv in run.get("invocations", []):
            notes = inv.get("toolExecutionNotifications", [])
            print("invocation successful=%s notifications=%d" % (inv["executionSuccessful"], len(notes)))
        for r in run.get("results", []):
            loc = r["locations"][0]["physicalLocation"]
            where = loc["artifactLocation"]
            print("result %s %s%s:%d:%d %s" % (r.get("ruleId"), where.get("uriBaseId", "") + ":" if where.get("uriBaseId") else "",
                                              where.get("uri"), loc.get("region", {}).get("startLine", 0),
                                              loc.get("region", {}).get("startColumn", 0),
                                              r.get("partialFingerprints", {}).get("stallcheck/v1", "-")))
            if "ruleIndex" in r and rules[r["ruleIndex"]] != r["ruleId"]:
                problems.append("ruleIndex %d is %s, not %s" % (r["ruleIndex"], rules[r["ruleIndex"]], r["ruleId"]))
        for where in artifact_locations(run):
            if "index" in where and artifacts[where["index"]]["uri"] != where["uri"]:
                problems.append("artifact index %d is %s, not %s" % (where["index"], artifacts[where["index"]]["uri"],
                                                                     where["uri"]))
        print("results %d" % len(run.get("results", [])))
    for p in problems:
        print("problem: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
