-- A Cloud Control shaped workload: 10,000 resource descriptions (ListResources pages whose
-- Properties are JSON strings) decoded, filtered, grouped by a tag, diffed against a desired
-- state as RFC 6902 patches, and the report encoded as JSON (lua-cjson, the usual Lua choice).
local cjson = require("cjson")

local function is_object(v)
  return type(v) == "table" and v[1] == nil and next(v) ~= nil
end

-- Objects key by key; anything else replaced whole when it differs. cjson decodes objects to
-- tables without order, so keys are visited in sorted order for a deterministic patch.
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end

local function equal(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do if not equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function diff(old, new, path, ops)
  if is_object(old) and is_object(new) then
    for _, key in ipairs(sorted_keys(old)) do
      if new[key] == nil then ops[#ops + 1] = { op = "remove", path = path .. "/" .. key } end
    end
    for _, key in ipairs(sorted_keys(new)) do
      if old[key] == nil then
        ops[#ops + 1] = { op = "add", path = path .. "/" .. key, value = new[key] }
      else
        diff(old[key], new[key], path .. "/" .. key, ops)
      end
    end
  elseif not equal(old, new) then
    ops[#ops + 1] = { op = "replace", path = path, value = new }
  end
  return ops
end

local pages = {}
for p = 0, 99 do
  local descriptions = {}
  for k = 0, 99 do
    local i = p * 100 + k
    local props = {
      QueueName = "queue-" .. i,
      Arn = "arn:aws:sqs:us-east-1:123456789012:queue-" .. i,
      VisibilityTimeout = 30 + i % 90,
      MessageRetentionPeriod = 345600,
      Tags = { { Key = "team", Value = "team-" .. (i % 13) }, { Key = "env", Value = (i % 4 == 0) and "prod" or "dev" } },
    }
    descriptions[#descriptions + 1] = {
      Identifier = "https://sqs.us-east-1.amazonaws.com/123456789012/queue-" .. i,
      Properties = cjson.encode(props),
    }
  end
  pages[#pages + 1] = cjson.encode({ TypeName = "AWS::SQS::Queue", ResourceDescriptions = descriptions })
end

local groups, group_count, patches, operations = {}, 0, 0, 0
for _, page in ipairs(pages) do
  for _, d in ipairs(cjson.decode(page).ResourceDescriptions) do
    local props = cjson.decode(d.Properties)
    if props.VisibilityTimeout > 60 then
      local team
      for _, t in ipairs(props.Tags) do
        if t.Key == "team" then team = t.Value end
      end
      if groups[team] == nil then
        groups[team] = {}
        group_count = group_count + 1
      end
      local ids = groups[team]
      ids[#ids + 1] = d.Identifier
      local desired = {}
      for k, v in pairs(props) do desired[k] = v end
      desired.VisibilityTimeout = 60
      desired.MessageRetentionPeriod = nil
      desired.DelaySeconds = 5
      local ops = diff(props, desired, "", {})
      patches = patches + 1
      operations = operations + #ops
    end
  end
end
local sizes = {}
for team, ids in pairs(groups) do sizes[team] = #ids end
local report = cjson.encode({ groups = sizes, patches = patches })
print(group_count, patches, operations, #report)
