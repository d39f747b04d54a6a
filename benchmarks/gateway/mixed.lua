-- wrk script for the mixed workload: POSTs the JSON bodies of $BODIES_FILE (one a line) in rotation, each thread from
-- its own offset, so that concurrent requests differ. Counts answers that are not HTTP 200 or carry "errors".
-- Every request carries "Authorization: Bearer $BENCH_TOKEN".
local bodies = {}
for line in io.lines(os.getenv("BODIES_FILE")) do
  bodies[#bodies + 1] = line
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
local counter = 0
function setup(thread)
  thread:set("offset", counter * 997)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  next_body = offset or 0
end

function request()
  next_body = next_body + 1
  return wrk.format(nil, nil, nil, bodies[(next_body % #bodies) + 1])
end

function response(status, headers, resp)
  if status ~= 200 or string.find(resp, '"errors"', 1, true) then
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
