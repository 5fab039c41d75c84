-- Method calls over resource-like records: 20,000 queues with tags, asked for their tags, names
-- and settings through methods, ten rounds.
local Queue = {}
Queue.__index = Queue

function Queue.new(i)
  local env = (i % 3 == 0) and "prod" or "dev"
  return setmetatable({
    identifier = "https://sqs.local/123456789012/queue-" .. i,
    name = env .. "-queue-" .. i,
    visibility = 30 + i % 60,
    tags = { { Key = "team", Value = "team-" .. (i % 13) }, { Key = "env", Value = env } },
  }, Queue)
end

function Queue:tag(key)
  for _, t in ipairs(self.tags) do
    if t.Key == key then return t.Value end
  end
  return nil
end

function Queue:is_prod() return string.sub(self.name, 1, 5) == "prod-" end

function Queue:timeout_over(limit) return self.visibility > limit end

local queues = {}
for i = 0, 19999 do queues[#queues + 1] = Queue.new(i) end
local prod, slow, owned = 0, 0, 0
for _ = 1, 10 do
  for _, q in ipairs(queues) do
    if q:is_prod() then prod = prod + 1 end
    if q:timeout_over(60) then slow = slow + 1 end
    if q:tag("team") == "team-7" and q:tag("env") == "dev" then owned = owned + 1 end
  end
end
print(prod, slow, owned)
