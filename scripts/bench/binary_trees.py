# binary-trees: allocate and walk many small trees (a tree is a pair of subtrees, None for a leaf).
def make(depth):
    if depth == 0:
        return [None, None]
    return [make(depth - 1), make(depth - 1)]


def check(tree):
    if tree[0] is None:
        return 1
    return 1 + check(tree[0]) + check(tree[1])


max_depth = 14
print("stretch", max_depth + 1, check(make(max_depth + 1)))
long_lived = make(max_depth)
depth = 4
while depth <= max_depth:
    iterations = 1 << (max_depth - depth + 4)
    total = 0
    for _ in range(iterations):
        total += check(make(depth))
    print(iterations, depth, total)
    depth += 2
print("long lived", max_depth, check(long_lived))
