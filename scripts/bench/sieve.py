# Sieve of Eratosthenes: the primes below 1,000,000, counted and summed, with explicit loops.
limit = 1000000
composite = [False] * limit
count = 0
total = 0
i = 2
while i < limit:
    if not composite[i]:
        count += 1
        total += i
        j = i * i
        while j < limit:
            composite[j] = True
            j += i
    i += 1
print(count, total)
