-- String building and splitting: 200,000 CSV-like lines built, joined, split and parsed back.
local lines = {}
for i = 0, 199999 do
  lines[#lines + 1] = "queue-" .. i .. "," .. (i % 97) .. ",team-" .. (i % 13)
end
local text = table.concat(lines, "\n")
local total, teams = 0, 0
for line in string.gmatch(text, "[^\n]+") do
  local name, weight, team = string.match(line, "^([^,]*),([^,]*),([^,]*)$")
  total = total + tonumber(weight)
  if team == "team-7" then teams = teams + 1 end
end
print(#text, total, teams)
