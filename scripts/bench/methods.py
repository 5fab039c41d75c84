# Method calls over resource-like records: 20,000 queues with tags, asked for their tags, names
# and settings through methods, ten rounds.
class Queue:
    def __init__(self, i):
        self.identifier = f"https://sqs.local/123456789012/queue-{i}"
        self.name = f"{'prod' if i % 3 == 0 else 'dev'}-queue-{i}"
        self.visibility = 30 + i % 60
        self.tags = [{"Key": "team", "Value": f"team-{i % 13}"}, {"Key": "env", "Value": "prod" if i % 3 == 0 else "dev"}]

    def tag(self, key):
        for t in self.tags:
            if t["Key"] == key:
                return t["Value"]
        return None

    def is_prod(self):
        return self.name.startswith("prod-")

    def timeout_over(self, limit):
        return self.visibility > limit


queues = [Queue(i) for i in range(20000)]
prod = 0
slow = 0
owned = 0
for _ in range(10):
    for q in queues:
        if q.is_prod():
            prod += 1
        if q.timeout_over(60):
            slow += 1
        if q.tag("team") == "team-7" and q.tag("env") == "dev":
            owned += 1
print(prod, slow, owned)
