#!/usr/bin/env python3
"""validate-json.py SCHEMA DOCUMENT [--unique KEY]

Checks a JSON document against a JSON schema that uses only the keywords of
the schemas in this directory (type, required, properties, items, enum,
minLength, minimum), without third-party packages; with --unique KEY, also
that every item of the top-level array has a different KEY.  Prints each
problem with its JSON path and "N problem(s)"; exits 1 if there is any.
"""
import json
import sys

TYPES = {"object": dict, "array": list, "string": str, "integer": int}


def check(schema, value, path, problems):
    expected = schema.get("type")
    if expected and (not isinstance(value, TYPES[expected]) or (expected == "integer" and isinstance(value, bool))):
        problems.append("%s: expected %s, got %r" % (path, expected, value))
        return
    if "enum" in schema and value not in schema["enum"]:
        problems.append("%s: %r is not one of %s" % (path, value, schema["enum"]))
    if "minLength" in schema and len(value) < schema["minLength"]:
        problems.append("%s: shorter than %d" % (path, schema["minLength"]))
    if "minimum" in schema and value < schema["minimum"]:
        problems.append("%s: %r is below %r" % (path, value, schema["minimum"]))
    for key in schema.get("required", []):
        if key not in value:
            problems.append("%s: missing %r" % (path, key))
    for key, sub in schema.get("properties", {}).items():
        if isinstance(value, dict) and key in value:
            check(sub, value[key], "%s.%s" % (path, key), problems)
    if "items" in schema:
        for i, item in enumerate(value):
            check(schema["items"], item, "%s[%d]" % (path, i), problems)


def main():
    schema = json.load(open(sys.argv[1]))
    document = json.load(open(sys.argv[2]))
    problems = []
    check(schema, document, "$", problems)
    if len(sys.argv) > 4 and sys.argv[3] == "--unique":
        key = sys.argv[4]
        seen = [item.get(key) for item in document if isinstance(item, dict)]
        for value in sorted(set(v for v in seen if seen.count(v) > 1)):
            problems.append("$: %s %r appears %d times" % (key, value, seen.count(value)))
    for p in problems:
        print(p)
    print("%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
