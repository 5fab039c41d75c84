#!/usr/bin/env python3
"""Decodes a JSON file with CPython's json module (the JSON decode benchmark's baseline).
Prints "[]" like `ccs query '$.none'`, so both sides do the same I/O."""
import json
import sys

with open(sys.argv[1], "rb") as source:
    json.loads(source.read())
print("[]")
