#!/usr/bin/env python3
"""Applies a jsonpath-ng (extended syntax) query to a JSON file and prints the values as one
JSON array, like `ccs query`. usage: jsonpath_ng_query.py FILE QUERY"""
import json
import sys

from jsonpath_ng.ext import parse

with open(sys.argv[1], "rb") as source:
    document = json.loads(source.read())
print(json.dumps([match.value for match in parse(sys.argv[2]).find(document)], ensure_ascii=False, separators=(",", ":")))
