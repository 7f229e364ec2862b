"""Prints "valid" or "invalid: <why>" for a configuration against the schema.
Uses the jsonschema module when it is installed; otherwise checks the part
that matters most to an editor: no key the schema does not list."""
import json
import sys

schema = json.load(open(sys.argv[1]))
config = json.load(open(sys.argv[2]))


def resolve(node):
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node


def unknown_keys(value, node):
    node = resolve(node)
    for alt in node.get("oneOf", []):
        if isinstance(value, dict) and resolve(alt).get("type") == "object":
            return unknown_keys(value, alt)
    if isinstance(value, dict) and node.get("additionalProperties") is False:
        for key, item in value.items():
            if key not in node.get("properties", {}):
                return key
            found = unknown_keys(item, node["properties"][key])
            if found:
                return found
    if isinstance(value, list) and "items" in node:
        for item in value:
            found = unknown_keys(item, node["items"])
            if found:
                return found
    return None


try:
    import jsonschema
except ImportError:
    key = unknown_keys(config, schema)
    print("invalid: unknown key " + key if key else "valid")
    sys.exit(0)
try:
    jsonschema.validate(config, schema, cls=jsonschema.Draft202012Validator)
    print("valid")
except jsonschema.ValidationError as e:
    print("invalid:", e.message)
