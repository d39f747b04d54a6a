-- wrk script: POSTs GraphQL queries with variables drawn at random per request.
--   wrk ... -s graphql.lua <url> -- riskLevel <addresses file>
--   wrk ... -s graphql.lua <url> -- riskAreas
--   wrk ... -s graphql.lua <url> -- riskCounts
-- Counts responses that are not HTTP 200 or carry GraphQL "errors", so that a fast error is never taken for a
-- fast answer.

local RISK_LEVEL = "query($address: String!, $asOf: Date) { riskLevel(address: $address, asOf: $asOf) "
  .. "{ designated level { code } notice { number } since } }"
local RISK_AREAS = "query($asOf: Date, $district: String, $level: String) "
  .. "{ riskAreas(asOf: $asOf, district: $district, level: $level, first: 50) "
  .. "{ edges { node { area { id fullName } level { code } } } pageInfo { hasNextPage endCursor } } }"
local RISK_COUNTS = "query($asOf: Date) { riskCounts(asOf: $asOf) { district level areas } }"
local DISTRICTS = { "小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区", "清徐县" }
local LEVELS = { "HIGH", "MEDIUM", "LOW" }

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local mode, addresses
bad = 0 -- global: done() reads it from each thread with thread:get

function init(args)
  mode = args[1]
  math.randomseed(os.time() * 100 + id) -- each thread its own sequence
  if mode == "riskLevel" then
    addresses = {}
    for line in io.lines(args[2]) do
      addresses[#addresses + 1] = line
    end
  elseif mode ~= "riskAreas" and mode ~= "riskCounts" then
    error("mode must be riskLevel, riskAreas or riskCounts")
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  -- the access token from the benchmark's Keycloak (run.sh exports it), checked by the service on every request
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

-- A date in 2022, the year the generated notices cover.
local function as_of()
  return os.date("!%Y-%m-%d", os.time({ year = 2022, month = 1, day = 1, hour = 12 }) + math.random(0, 364) * 86400)
end

-- Addresses and district names contain no quote or backslash, so plain quoting is valid JSON.
function request()
  local query, variables
  if mode == "riskLevel" then
    query = RISK_LEVEL
    variables = string.format('{"address":"%s","asOf":"%s"}', addresses[math.random(#addresses)], as_of())
  elseif mode == "riskCounts" then
    query = RISK_COUNTS
    variables = string.format('{"asOf":"%s"}', as_of())
  else
    query = RISK_AREAS
    variables = string.format('{"asOf":"%s","district":"%s","level":"%s"}', as_of(),
      DISTRICTS[math.random(#DISTRICTS)], LEVELS[math.random(#LEVELS)])
  end
  return wrk.format(nil, nil, nil, string.format('{"query":"%s","variables":%s}', query, variables))
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    bad = bad + 1
    if bad == 1 then
      io.stderr:write("first failed response: " .. status .. " " .. body:sub(1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  io.write(string.format("failed responses: %d\n", total))
end
