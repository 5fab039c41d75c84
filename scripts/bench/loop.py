total = 0
for i in range(5000000):
    total = total + i * 3 % 7 - 1
print(total)
