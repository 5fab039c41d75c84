# Map-heavy word counting: 400,000 words from a 500-word vocabulary, counted, top 5 by count.
vocabulary = [f"w{(i * 7919) % 1000}" for i in range(500)]
counts = {}
seed = 42
for _ in range(400000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    word = vocabulary[seed % 500]
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), " ".join(f"{w}={n}" for w, n in top))
