-- Sieve of Eratosthenes: the primes below 1,000,000, counted and summed, with explicit loops.
local limit = 1000000
local composite = {}
for i = 1, limit do composite[i] = false end
local count, total = 0, 0
local i = 2
while i < limit do
  if not composite[i] then
    count = count + 1
    total = total + i
    local j = i * i
    while j < limit do
      composite[j] = true
      j = j + i
    end
  end
  i = i + 1
end
print(count, total)
