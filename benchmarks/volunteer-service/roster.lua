-- wrk script for volunteer-service.
--   -- gaps <ids file> <from> <to>   coverageGaps for a unit drawn at random from the file
--   -- signUp <shifts file> <first volunteer id> <volunteer count>
--   -- areas <representations file> <areas per request> grid|all   _entities of Areas drawn at random (issue 12)
-- Counts responses that are not HTTP 200 or carry an error other than a rule refusal (for signUp, a refusal
-- such as SHIFT_FULL is an answer: every rule was checked), and tallies sign-up outcomes by code.

local GAPS = "query($c: ID!, $from: DateTime!, $to: DateTime!) { coverageGaps(community: $c, from: $from, to: $to) "
  .. "{ from until required staffed hours } }"
local SIGN_UP = "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }"
local AREA_FIELDS = {
  grid = "responsibleGrid { name }",
  all = "responsibleGrid { name } dutyPosts { name } onDutyNow { from } openTasks { household }" }
local RULES = { SHIFT_FULL = true, OVERLAPPING_SHIFT = true, MIN_REST_VIOLATED = true, MAX_HOURS_EXCEEDED = true,
  NOT_QUALIFIED = true, ALREADY_ON_SHIFT = true, SHIFT_ENDED = true }

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local mode, ids, from, to, first_volunteer, volunteers, per_request, area_query
bad, accepted, refused = 0, 0, 0

local function lines(file)
  local list = {}
  for line in io.lines(file) do list[#list + 1] = line end
  return list
end

function init(args)
  mode = args[1]
  math.randomseed(os.time() * 100 + id)
  ids = lines(args[2])
  if mode == "gaps" then
    from, to = args[3], args[4]
  elseif mode == "areas" then
    per_request = tonumber(args[3])
    area_query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { " .. AREA_FIELDS[args[4]]
      .. " } } }"
  else
    first_volunteer, volunteers = tonumber(args[3]), tonumber(args[4])
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  -- the access token from the benchmark's Keycloak (run.sh exports it), checked by the service on every request
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  local body
  if mode == "gaps" then
    body = string.format('{"query":"%s","variables":{"c":"%s","from":"%s","to":"%s"}}', GAPS,
      ids[math.random(#ids)], from, to)
  elseif mode == "areas" then
    local reps = {}
    for i = 1, per_request do reps[i] = ids[math.random(#ids)] end
    body = string.format('{"query":"%s","variables":{"r":[%s]}}', area_query, table.concat(reps, ","))
  else
    body = string.format('{"query":"%s","variables":{"s":"%s","v":"%d"}}', SIGN_UP,
      ids[math.random(#ids)], first_volunteer + math.random(0, volunteers - 1))
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    return
  end
  if not body:find('"errors"', 1, true) then
    accepted = accepted + 1
    return
  end
  local code = body:match('"code":"([A-Z_]+)"')
  if mode == "signUp" and code and RULES[code] then
    refused = refused + 1
  else
    bad = bad + 1
    if bad == 1 then io.stderr:write("first failed response: " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local b, a, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    b, a, r = b + thread:get("bad"), a + thread:get("accepted"), r + thread:get("refused")
  end
  io.write(string.format("failed responses: %d\naccepted: %d\nrefused by a rule: %d\n", b, a, r))
end
