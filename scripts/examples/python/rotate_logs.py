"""Arguments, environment, files, dates and strings (Python version)."""
import argparse
import csv
import datetime
import os
import re
import sys

parser = argparse.ArgumentParser(description="Summarise log groups due for review.")
parser.add_argument("csv")
parser.add_argument("--out-dir", default=os.environ.get("TMPDIR", "/tmp"))
parser.add_argument("--today")
options = parser.parse_args()

if options.today:
    today = datetime.datetime.fromisoformat(options.today).replace(tzinfo=datetime.timezone.utc)
else:
    today = datetime.datetime.now(datetime.timezone.utc)
due = []
with open(options.csv, newline="") as f:
    for row in csv.DictReader(line for line in f if line.strip() and not line.startswith("#")):
        row = {k: v.strip() for k, v in row.items()}
        if not re.match(r"^[A-Za-z0-9_./-]+$", row["name"]):
            sys.exit(f"bad name '{row['name']}'")
        review = datetime.datetime.strptime(row["review"], "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
        if review <= today:
            due.append(row)
os.makedirs(options.out_dir, exist_ok=True)
path = f"{options.out_dir}/due-{today:%Y%m%d}.txt"
body = f"Log groups due for review on {today:%A %d %B %Y}\n"
for row in sorted(due, key=lambda r: (r["review"], r["name"])):
    body += f"{row['name']:<24} {int(row['days']):>5} days  since {row['review']}\n"
with open(path, "w") as f:
    f.write(body)
print("wrote", path, "with", len(due), "row(s)")
