# Closures and higher-order functions: map, filter and reduce with lambdas, and counters made
# by closures, over 200,000 numbers, ten rounds.
from functools import reduce


def make_adder(k):
    return lambda x: x + k


numbers = list(range(200000))
total = 0
for round_ in range(10):
    add = make_adder(round_)
    evens = filter(lambda x: x % 2 == 0, map(add, numbers))
    total += reduce(lambda acc, x: acc + x, map(lambda x: x * 3, evens), 0)
print(total)
