# Map and list churn: counting keys in a map, building and draining a list of small maps.
counts = {}
items = []
for i in range(500000):
    key = f"k{i % 1000}"
    counts[key] = counts.get(key, 0) + 1
    items.append({"id": i, "key": key})
total = 0
for item in items:
    total += item["id"] % 7
while len(items) > 0:
    items.pop()
print(len(counts), counts["k7"], total)
