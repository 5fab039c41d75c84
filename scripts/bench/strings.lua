-- String building: 300,000 appends of a formatted piece (a buffer table, as Lua code does).
local parts = {}
for i = 0, 299999 do
  parts[#parts + 1] = "x" .. (i % 10)
end
print(#table.concat(parts))
