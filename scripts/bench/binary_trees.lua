-- binary-trees: allocate and walk many small trees (a tree is a pair of subtrees, false for a leaf).
local function make(depth)
  if depth == 0 then return { false, false } end
  return { make(depth - 1), make(depth - 1) }
end

local function check(tree)
  if not tree[1] then return 1 end
  return 1 + check(tree[1]) + check(tree[2])
end

local max_depth = 14
print("stretch", max_depth + 1, check(make(max_depth + 1)))
local long_lived = make(max_depth)
local depth = 4
while depth <= max_depth do
  local iterations = 1 << (max_depth - depth + 4)
  local total = 0
  for _ = 1, iterations do total = total + check(make(depth)) end
  print(iterations, depth, total)
  depth = depth + 2
end
print("long lived", max_depth, check(long_lived))
