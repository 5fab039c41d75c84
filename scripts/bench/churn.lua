-- Map and list churn: counting keys in a map, building and draining a list of small maps.
local counts = {}
local ncounts = 0
local items = {}
for i = 0, 499999 do
  local key = "k" .. (i % 1000)
  local c = counts[key]
  if c == nil then ncounts = ncounts + 1; c = 0 end
  counts[key] = c + 1
  items[#items + 1] = {id = i, key = key}
end
local total = 0
for _, item in ipairs(items) do
  total = total + item.id % 7
end
while #items > 0 do
  items[#items] = nil
end
print(ncounts, counts.k7, total)
