-- Closures and higher-order functions: map, filter and reduce with lambdas, and counters made
-- by closures, over 200,000 numbers, ten rounds.
local function map(xs, f)
  local out = {}
  for i = 1, #xs do out[i] = f(xs[i]) end
  return out
end

local function filter(xs, f)
  local out = {}
  for i = 1, #xs do
    local x = xs[i]
    if f(x) then out[#out + 1] = x end
  end
  return out
end

local function reduce(xs, f, acc)
  for i = 1, #xs do acc = f(acc, xs[i]) end
  return acc
end

local function make_adder(k) return function(x) return x + k end end

local numbers = {}
for i = 1, 200000 do numbers[i] = i - 1 end
local total = 0
for round = 0, 9 do
  local add = make_adder(round)
  local evens = filter(map(numbers, add), function(x) return x % 2 == 0 end)
  total = total + reduce(map(evens, function(x) return x * 3 end), function(acc, x) return acc + x end, 0)
end
print(total)
