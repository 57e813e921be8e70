"""Judge documents with Python's jsonschema, a validator that is not Go.

Usage: python3 jsonschema_check.py SCHEMA CASES

SCHEMA is the JSON Schema of `connectuser schema`; CASES a JSON object of
name to document. Writes one JSON object on standard output:
{"check_schema": null or the error, "results": {name: null or the error}}.
The schema's "regex" formats are checked too (FormatChecker), as editors and
CI tools that use jsonschema do. The Go test (schema_python_test.go)
compares the results with the Go validator's.
"""
import json
import sys
import warnings

import jsonschema

# A pattern that Python reads differently from ECMA-262 (a nested set, a
# set operation) warns with FutureWarning: treat it as an error.
warnings.simplefilter("error", FutureWarning)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        cases = json.load(f)
    cls = jsonschema.Draft202012Validator
    out = {"check_schema": None, "results": {}}
    try:
        cls.check_schema(schema, format_checker=cls.FORMAT_CHECKER)
    except Exception as e:  # the schema is judged, not the script
        out["check_schema"] = str(e)[:500]
        json.dump(out, sys.stdout)
        return
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for name, doc in cases.items():
        try:
            err = jsonschema.exceptions.best_match(validator.iter_errors(doc))
            out["results"][name] = None if err is None else str(err.message)[:200]
        except Exception as e:
            out["results"][name] = "exception: " + repr(e)[:200]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
