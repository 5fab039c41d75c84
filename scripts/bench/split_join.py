# String building and splitting: 200,000 CSV-like lines built, joined, split and parsed back.
lines = []
for i in range(200000):
    lines.append(f"queue-{i},{i % 97},team-{i % 13}")
text = "\n".join(lines)
total = 0
teams = 0
for line in text.split("\n"):
    fields = line.split(",")
    total += int(fields[1])
    if fields[2] == "team-7":
        teams += 1
print(len(text), total, teams)
