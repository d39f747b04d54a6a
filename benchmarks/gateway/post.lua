-- wrk script: POSTs the JSON body in $BODY_FILE; counts answers that carry "errors" or whose length differs from
-- $EXPECT_BYTES (the verified answer's length), so a gateway failing under load is not counted as fast.
-- Every request carries "Authorization: Bearer $BENCH_TOKEN" (a district officer's token from the suite's Keycloak):
-- the gateways verify and forward it, the subgraphs check it and answer the staff-only fields.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
local body = f:read("*a")
f:close()
local expected = tonumber(os.getenv("EXPECT_BYTES") or "0")

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
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
