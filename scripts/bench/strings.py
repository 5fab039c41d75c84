# String building: 300,000 appends of an interpolated piece.
s = ""
for i in range(300000):
    s += f"x{i % 10}"
print(len(s))
