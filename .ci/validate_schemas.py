#!/usr/bin/env python3
"""Validate JSON outputs of gijiroku against the JSON Schemas (2020-12) in Schemas/ with the
real `jsonschema` validator. Usage: validate_schemas.py FILE... A file may hold one record
or an array of records; each record is checked against the schema of its `kind`
(minutes, plan, document, links, plan-links and plan-overview, directives, speakers, decisions, synonyms, stats, meetings, link-explanation, site), and a search result (no kind,
with `hits`) against search-result.
Exits 1 if any record is invalid or if nothing was checked."""
import json, os, sys
from jsonschema import Draft202012Validator

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Schemas")
names = ("minutes", "plan", "document", "search-result", "links", "directives", "speakers", "decisions", "synonyms", "stats", "meetings", "link-explanation", "site")
schemas = {n: json.load(open(os.path.join(here, f"{n}.schema.json"), encoding="utf-8")) for n in names}
validators = {}
for name, schema in schemas.items():
    Draft202012Validator.check_schema(schema)
    validators[name] = Draft202012Validator(schema)
validators["plan-links"] = validators["links"]
validators["plan-overview"] = validators["links"]

counts = {}
failed = 0
for path in sys.argv[1:]:
    data = json.load(open(path, encoding="utf-8"))
    for record in (data if isinstance(data, list) else [data]):
        name = record.get("kind") if isinstance(record, dict) and "kind" in record else "search-result"
        validator = validators.get(name)
        if validator is None:
            print(f"{path}: no schema for kind {name!r}", file=sys.stderr)
            failed += 1
            continue
        counts[name] = counts.get(name, 0) + 1
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        for e in errors:
            print(f"{path}: {name}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        failed += bool(errors)
summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
print(f"schemas: {summary} checked, {failed} invalid")
sys.exit(1 if failed or not counts else 0)
