-- wrk script: POSTs the JSON body in $BODY_FILE, or with $BODIES_FILE its bodies (one a line) in rotation, each
-- thread from its own offset, so that concurrent requests differ (the mixed workload).
-- Counts answers that are not HTTP 200, carry "errors", or (one body) whose length differs from $EXPECT_BYTES (the
-- verified answer's length), so a gateway failing under load is not counted as fast.
-- Every request carries "Authorization: Bearer $BENCH_TOKEN" (a staff token from the suite's Keycloak):
-- the gateways verify and forward it, the subgraphs check it and answer the staff-only fields.
local bodies = {}
if os.getenv("BODIES_FILE") then
  for line in io.lines(os.getenv("BODIES_FILE")) do
    bodies[#bodies + 1] = line
  end
else
  local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
  bodies[1] = f:read("*a")
  f:close()
end
local expected = tonumber(os.getenv("EXPECT_BYTES") or "0")

wrk.method = "POST"
wrk.body = bodies[1]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 997)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  next_body = offset or 0
end

if #bodies > 1 then
  function request()
    next_body = next_body + 1
    return wrk.format(nil, nil, nil, bodies[(next_body % #bodies) + 1])
  end
end

function response(status, headers, resp)
  if status ~= 200 or string.find(resp, '"errors"', 1, true) or (expected > 0 and #resp ~= expected) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
  end
  io.write(string.format("BENCH requests=%d rps=%.2f p50_us=%d p90_us=%d p99_us=%d bad=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
