#!/usr/bin/env python3
"""Validate JSON outputs of gijiroku against a JSON Schema (2020-12) with the real
`jsonschema` validator. Usage: validate_schemas.py SCHEMA FILE... (a file may hold one
record or an array of records). Exits 1 on the first invalid file, listing every error."""
import json, sys
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
checked = failed = 0
for path in sys.argv[2:]:
    data = json.load(open(path, encoding="utf-8"))
    for record in (data if isinstance(data, list) else [data]):
        checked += 1
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        for e in errors:
            print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        failed += bool(errors)
print(f"schema {sys.argv[1]}: {checked} records checked, {failed} invalid")
sys.exit(1 if failed or checked == 0 else 0)
