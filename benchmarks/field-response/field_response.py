"""Driver of benchmarks/field-response/run.sh (stdlib only).

Rounds of two notices on one compound the demo organisation has linked (西贾社区水木云天小区 by default): a notice
lowering it (调整为低风险区), then one making it high-risk again (新增高风险区), each imported by `editor` and published
by `publisher` through the gateway, as staff do it. After each publication it polls the compound's `response`
through the gateway (as `admin-xijia`, every 20 ms) until the response is LIFTED, or open with its posts, shifts,
testing rounds and tasks; the time from the publish call's answer to that is printed per round, with p50/max.
The feed's own lag (`notice_feed_lag_seconds`, notice-service's commit to all handlers done) is read from
volunteer-service's Prometheus histogram before and after, and its quantiles over the run's events are printed.
"""
import datetime
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request

ROOT = sys.argv[1]
GATEWAY = os.environ.get("GATEWAY", "http://localhost:8080/graphql")
METRICS = os.environ.get("VOLUNTEER_METRICS", "http://localhost:8082/q/metrics")
KEYCLOAK = os.environ.get("KEYCLOAK", "http://127.0.0.1:8180/realms/epidemic")
COMPOUND = os.environ.get("COMPOUND", "西贾社区水木云天小区")
ROUNDS = int(os.environ.get("ROUNDS", "5"))
TIMEOUT_S = float(os.environ.get("TIMEOUT_S", "60"))
CITY = datetime.timezone(datetime.timedelta(hours=8))
TEMPLATES = os.path.join(ROOT, "e2e-tests/src/test/resources/notices")


def token(user):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "epidemic-cli", "username": user,
                                   "password": "demo"}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/protocol/openid-connect/token", body) as r:
        return json.load(r)["access_token"]


def gql(user, query, variables=None):
    req = urllib.request.Request(GATEWAY, json.dumps({"query": query, "variables": variables or {}}).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + TOKENS[user]})
    with urllib.request.urlopen(req) as r:
        answer = json.load(r)
    if answer.get("errors"):
        raise RuntimeError(json.dumps(answer["errors"], ensure_ascii=False)[:500])
    return answer["data"]


def notice_text(template, number, items):
    today = datetime.datetime.now(CITY).date()
    with open(os.path.join(TEMPLATES, template), encoding="utf-8") as f:
        text = f.read()
    return (text.replace("{number}", str(number)).replace("{month}", str(today.month))
            .replace("{day}", str(today.day)).replace("{count}", str(len(items))).replace("{areas}", ",".join(items)))


def publish(template, number):
    today = datetime.datetime.now(CITY).date()
    imported = gql("editor", "mutation($t: String!, $y: Int) { importNotice(text: $t, year: $y) { notice { id } } }",
                   {"t": notice_text(template, number, [COMPOUND]), "y": today.year})
    notice = imported["importNotice"]["notice"]["id"]
    gql("publisher", "mutation($id: ID!) { publishNotice(id: $id) { id } }", {"id": notice})
    return time.monotonic()


RESPONSE = """query($t: String!) { searchAreas(text: $t, first: 1) { fullName response { id state
  posts { id activeUntil } testingRounds { id } tasks { id } } } }"""


def wait_for(predicate, since):
    while time.monotonic() - since < TIMEOUT_S:
        areas = gql("admin-xijia", RESPONSE, {"t": COMPOUND})["searchAreas"]
        response = areas[0]["response"] if areas else None
        if predicate(response):
            return time.monotonic() - since
        time.sleep(0.02)
    raise RuntimeError("no answer within %s s" % TIMEOUT_S)


def set_up(r):
    return (r is not None and r["state"] != "LIFTED" and r["posts"] and r["testingRounds"] and r["tasks"]
            and all(p["activeUntil"] is None for p in r["posts"]))


def lifted(r):
    return r is None or r["state"] == "LIFTED"


def lag_buckets():
    with urllib.request.urlopen(METRICS) as r:
        text = r.read().decode()
    buckets = {}
    for line in text.splitlines():
        m = re.match(r'notice_feed_lag_seconds_bucket\{.*le="([^"]+)".*\} ([0-9.eE+]+)', line)
        if m:
            le = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
            buckets[le] = buckets.get(le, 0) + float(m.group(2))
    return buckets


def quantile(delta, q):
    total = delta.get(float("inf"), 0)
    if total == 0:
        return None
    for le in sorted(delta):
        if delta[le] >= q * total:
            return le
    return float("inf")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


TOKENS = {u: token(u) for u in ("editor", "publisher", "admin-xijia")}
base = int(os.environ.get("NOTICE_BASE", 20000 + int(time.time()) // 10 % 60000))
before = lag_buckets()
opened, closed = [], []
for i in range(ROUNDS):
    t = publish("low-risk.txt", base + 2 * i)
    closed.append(wait_for(lifted, t))
    t = publish("high-risk.txt", base + 2 * i + 1)
    opened.append(wait_for(set_up, t))
    print("round %d: closed in %.3f s, set up again in %.3f s" % (i + 1, closed[-1], opened[-1]), flush=True)
after = lag_buckets()
delta = {le: after.get(le, 0) - before.get(le, 0) for le in after}
print("publish -> response lifted (posts closed, shifts cancelled): p50 %.3f s, max %.3f s over %d" %
      (pct(closed, 0.5), max(closed), len(closed)))
print("publish -> response open with posts, shifts, testing rounds, tasks: p50 %.3f s, max %.3f s over %d" %
      (pct(opened, 0.5), max(opened), len(opened)))
events = int(delta.get(float("inf"), 0))
if events:
    print("feed lag (notice-service commit -> handled), %d events, histogram upper bounds: p50 <= %s s, p99 <= %s s"
          % (events, quantile(delta, 0.5), quantile(delta, 0.99)))
else:
    print("feed lag: no notice_feed_lag_seconds_bucket histogram on %s" % METRICS)
print("machine load average after: %s" % open("/proc/loadavg").read().split()[:3])
