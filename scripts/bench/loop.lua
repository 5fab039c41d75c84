local total = 0
for i = 0, 4999999 do
  total = total + i * 3 % 7 - 1
end
print(total)
