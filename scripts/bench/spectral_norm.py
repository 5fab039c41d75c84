# spectral-norm: the largest eigenvalue of an infinite matrix, by the power method on n = 130.
import math


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)


def times(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out.append(s)
    return out


def times_transposed(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out.append(s)
    return out


def times_at_a(v, n):
    return times_transposed(times(v, n), n)


n = 130
u = [1.0] * n
v = None
for _ in range(10):
    v = times_at_a(u, n)
    u = times_at_a(v, n)
vbv = 0.0
vv = 0.0
for i in range(n):
    vbv += u[i] * v[i]
    vv += v[i] * v[i]
print(int(math.sqrt(vbv / vv) * 1e9))
