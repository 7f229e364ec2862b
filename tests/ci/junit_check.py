#!/usr/bin/env python3
"""junit_check.py REPORT

Checks a --format=junit report the way Jenkins' junit step and GitLab's
JUnit parser read it: well-formed XML (xml.etree), a <testsuites> root with
one <testsuite name="stallcheck">, tests/failures/errors/skipped counts that
match the test cases on both levels, test cases named uniquely within their
class, and every failure carrying its location in `message` and the
location, notes, remedy and rule page in its text.  Prints the suite's counts,
one line per test case, then "N problem(s)"; exits 1 on any problem."""
import re
import sys
import xml.etree.ElementTree as ET

problems = []
try:
    root = ET.parse(sys.argv[1]).getroot()
except ET.ParseError as e:
    print("not well-formed: %s" % e)
    print("1 problem(s)")
    sys.exit(1)


def counts(element, cases):
    want = {"tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for key, value in want.items():
        if element.get(key) != str(value):
            problems.append("<%s> %s=%r, has %d" % (element.tag, key, element.get(key), value))


if root.tag != "testsuites":
    problems.append("root is <%s>, not <testsuites>" % root.tag)
suites = root.findall("testsuite")
if len(suites) != 1 or suites[0].get("name") != "stallcheck":
    problems.append("want one <testsuite name=\"stallcheck\">, have %s" % [s.get("name") for s in suites])
cases = [c for s in suites for c in s.findall("testcase")]
counts(root, cases)
for s in suites:
    counts(s, s.findall("testcase"))
print("suite %s: tests %s failures %s errors %s skipped %s" % (
    root.get("name"), root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")))

seen = set()
for c in cases:
    key = (c.get("classname"), c.get("name"))
    if key in seen:
        problems.append("two test cases named %r" % (key,))
    seen.add(key)
    failure, skipped = c.find("failure"), c.find("skipped")
    state = "failure" if failure is not None else "skipped" if skipped is not None else "passed"
    print("case %s | %s | %s" % (c.get("classname"), c.get("name"), state))
    if c.get("classname") == "stallcheck":
        continue  # the passing case of a run without findings
    if not (c.get("classname") or "").startswith("stallcheck.") or not c.get("file") or not c.get("line", "").isdigit():
        problems.append("test case %r lacks classname, file or line" % (key,))
    if failure is not None:
        message, text = failure.get("message") or "", failure.text or ""
        location = "%s:%s:" % (c.get("file"), c.get("line"))
        if failure.get("type") not in ("error", "warning", "note"):
            problems.append("%r: failure type %r" % (key, failure.get("type")))
        if not message.startswith(location):
            problems.append("%r: message does not start with %s" % (key, location))
        if not text.startswith(location) or "\nremedy: " not in text or "\nrule: " not in text:
            problems.append("%r: text lacks the location, remedy or rule page" % (key,))
        if not re.search(r"^.*:\d+:\d+: note: ", text, re.M):
            problems.append("%r: text lacks the path's notes" % (key,))
    elif skipped is not None and not skipped.get("message"):
        problems.append("%r: skipped without a message" % (key,))

for p in problems:
    print(p)
print("%d problem(s)" % len(problems))
sys.exit(1 if problems else 0)
