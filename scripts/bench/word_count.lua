-- Map-heavy word counting: 400,000 words from a 500-word vocabulary, counted, top 5 by count.
local vocabulary = {}
for i = 0, 499 do vocabulary[i] = "w" .. ((i * 7919) % 1000) end
local counts = {}
local seed = 42
for _ = 1, 400000 do
  seed = (seed * 1103515245 + 12345) % 2147483648
  local word = vocabulary[seed % 500]
  counts[word] = (counts[word] or 0) + 1
end
local pairs_list, distinct = {}, 0
for w, n in pairs(counts) do
  pairs_list[#pairs_list + 1] = { w, n }
  distinct = distinct + 1
end
table.sort(pairs_list, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] < b[1]
end)
local top = {}
for i = 1, 5 do top[i] = pairs_list[i][1] .. "=" .. pairs_list[i][2] end
print(distinct .. " " .. table.concat(top, " "))
