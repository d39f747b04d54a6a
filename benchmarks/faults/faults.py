#!/usr/bin/env python3
"""Mixed load through the gateway, the writes under idempotency keys, and the check of what the database holds.

    faults.py seed  STATE_DIR               demo-independent data for the load (a community, posts, shifts, people)
    faults.py load  STATE_DIR PHASE SECONDS  runs the load; appends every operation's outcome to STATE_DIR/ops.jsonl
    faults.py check STATE_DIR               reads both databases, prints the table fault x operations (Markdown)

Environment: GATEWAY_URL, OIDC_URL (the realm's URL), PGHOST, PGPORT, PGUSER (databases notices and volunteers),
FAULT_WORKERS (default 6), FAULT_TIMEOUT (seconds a client waits for one answer, default 3), FAULT_GIVE_UP (seconds a
client keeps retrying one write, default 90).

A write is sent with a fresh Idempotency-Key and retried under the same key after a timeout, a connection error, an
HTTP 5xx, an error without a domain code (the gateway's own, a subgraph down) or IDEMPOTENCY_KEY_IN_PROGRESS. Its
outcome: acknowledged (an answer with data; IDEMPOTENCY_KEY_ANSWER_LOST counts, the write was done), failed (a typed
domain error: the write was refused) or unknown (still no answer when the client gave up).
"""
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

GATEWAY = os.environ.get("GATEWAY_URL", "http://localhost:8080/graphql")
OIDC = os.environ.get("OIDC_URL", "http://127.0.0.1:8180/realms/epidemic")
WORKERS = int(os.environ.get("FAULT_WORKERS", "6"))
TIMEOUT = float(os.environ.get("FAULT_TIMEOUT", "3"))
GIVE_UP = float(os.environ.get("FAULT_GIVE_UP", "90"))
RETRYABLE_CODES = {"IDEMPOTENCY_KEY_IN_PROGRESS", "UNAUTHENTICATED"}
DONE_CODES = {"IDEMPOTENCY_KEY_ANSWER_LOST"}

SIGN_UP = "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id status } }"
PROPOSE = "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id status } }"
ACCEPT = "mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { id status } }"
IMPORT = "mutation($text: String!, $year: Int) { importNotice(text: $text, year: $year) { created notice { id number } } }"
LOOKUP = "query($a: String!) { riskLevel(address: $a, asOf: \"2022-11-30\") { designated level { code } } }"
SHIFT = "query($s: ID!) { shift(id: $s) { id assignments { volunteer { id } } } }"


class Tokens:
    """Password-grant tokens of demo users, fetched again when refused (Keycloak restarted, token expired)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tokens = {}

    def get(self, user, fresh=False):
        with self.lock:
            if fresh or user not in self.tokens:
                self.tokens[user] = self._fetch(user)
            return self.tokens[user]

    @staticmethod
    def _fetch(user):
        body = ("grant_type=password&client_id=epidemic-cli&username=%s&password=demo" % user).encode()
        for _ in range(60):
            try:
                with urllib.request.urlopen(OIDC + "/protocol/openid-connect/token", body, timeout=5) as r:
                    return json.load(r)["access_token"]
            except (urllib.error.URLError, OSError, KeyError, ValueError):
                time.sleep(2)  # Keycloak stopped: wait for it
        return None


TOKENS = Tokens()


def post(query, variables, user=None, key=None, timeout=TIMEOUT):
    """One HTTP request; answers (http status or None, parsed body or None, latency ms)."""
    headers = {"Content-Type": "application/json"}
    if user:
        token = TOKENS.get(user)
        if token:
            headers["Authorization"] = "Bearer " + token
    if key:
        headers["Idempotency-Key"] = key
    data = json.dumps({"query": query, "variables": variables}).encode()
    start = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(GATEWAY, data, headers), timeout=timeout) as r:
            return r.status, json.load(r), (time.monotonic() - start) * 1000
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.load(e), (time.monotonic() - start) * 1000
        except ValueError:
            return e.code, None, (time.monotonic() - start) * 1000
    except (urllib.error.URLError, OSError, ValueError):
        return None, None, (time.monotonic() - start) * 1000


def write(field, query, variables, user):
    """A write under one idempotency key, retried until an answer or GIVE_UP: (outcome, data or code, key, tries)."""
    key = "fault-" + uuid.uuid4().hex
    deadline = time.monotonic() + GIVE_UP
    tries = 0
    last = "no answer"
    while time.monotonic() < deadline:
        tries += 1
        status, body, _ = post(query, variables, user, key)
        if status is not None and status < 500 and body is not None:
            errors = body.get("errors") or []
            data = (body.get("data") or {}).get(field)
            if data is not None and not errors:
                return "acknowledged", data, key, tries
            codes = [((e.get("extensions") or {}).get("code")) for e in errors]
            if any(c in DONE_CODES for c in codes):
                return "acknowledged", None, key, tries
            if "UNAUTHENTICATED" in codes:
                TOKENS.get(user, fresh=True)
            domain = [c for c in codes if c and c not in RETRYABLE_CODES and not retryable_code(c)]
            if domain and data is None:
                return "failed", domain[0], key, tries
            last = ",".join(str(c) for c in codes) or "error without code"
        else:
            last = "http %s" % status
        time.sleep(min(2.0, 0.2 * tries))
    return "unknown", last, key, tries


def retryable_code(code):
    return any(part in code for part in ("SUBGRAPH", "SUBREQUEST", "UNAVAILABLE", "INTERNAL", "TIMEOUT", "DOWNSTREAM", "FETCH",
                                          "closed-connection", "CONNECTION"))


def psql(database, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-d", database, "-c", sql], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def seed(state):
    admin = "sysadmin"

    def data(query, variables, field):
        status, body, _ = post(query, variables, admin, timeout=30)
        if not body or body.get("errors"):
            raise SystemExit("seed failed: %s %s" % (status, body))
        return body["data"][field]

    def unit(kind, name, parent):
        return data("mutation($k: OrgKind!, $n: String!, $p: ID) { createOrgUnit(kind: $k, name: $n, parentId: $p)"
                    " { id } }", {"k": kind, "n": name, "p": parent}, "createOrgUnit")["id"]

    tag = uuid.uuid4().hex[:6]
    community = unit("COMMUNITY", "故障社区" + tag, unit("STREET", "故障街道" + tag, unit("DISTRICT", "故障区" + tag, None)))
    shifts = []
    for p in range(4):
        post_id = data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", {"in": {
            "communityId": community, "name": "故障岗%d-%s" % (p, tag), "kind": "PATROL", "requiredHeadcount": 3,
            "allowedKinds": [], "aroundTheClock": False}}, "createDutyPost")["id"]
        for day in range(1, 29):
            for start, end in (("08", "12"), ("13", "17")):
                shifts.append(data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p,"
                                   " startsAt: $s, endsAt: $e) { id } }",
                                   {"p": post_id, "s": "2031-%02d-%02dT%s:00:00+08:00" % (5 + p, day, start),
                                    "e": "2031-%02d-%02dT%s:00:00+08:00" % (5 + p, day, end)}, "createShift")["id"])
    volunteers = [data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }", {"in": {
        "name": "故障志愿者%d-%s" % (i, tag), "phone": "13800000000", "communityId": community, "kinds": []}},
        "createVolunteer")["id"] for i in range(60)]
    with open(os.path.join(state, "seed.json"), "w") as f:
        json.dump({"community": community, "shifts": shifts, "volunteers": volunteers}, f)
    print("seeded community %s: %d shifts, %d volunteers" % (community, len(shifts), len(volunteers)))


class Load:
    def __init__(self, state, phase):
        with open(os.path.join(state, "seed.json")) as f:
            self.seed = json.load(f)
        self.phase = phase
        self.out = open(os.path.join(state, "ops.jsonl"), "a")
        self.lock = threading.Lock()
        self.pairs = set()
        self.assignments = []  # acknowledged sign-ups: (assignment id, volunteer id)
        self.latencies = []
        numbers_file = os.path.join(state, "next-number")
        self.number = int(open(numbers_file).read()) if os.path.exists(numbers_file) else 50000 + random.randrange(1000) * 10
        self.numbers_file = numbers_file
        if os.path.exists(os.path.join(state, "pairs.json")):
            self.pairs = set(tuple(p) for p in json.load(open(os.path.join(state, "pairs.json"))))

    def record(self, kind, variables, outcome, result, key, tries):
        with self.lock:
            self.out.write(json.dumps({"phase": self.phase, "kind": kind, "vars": variables, "outcome": outcome,
                                       "result": result, "key": key, "tries": tries}) + "\n")
            self.out.flush()

    def fresh_pair(self):
        with self.lock:
            for _ in range(1000):
                pair = (random.choice(self.seed["shifts"]), random.choice(self.seed["volunteers"]))
                if pair not in self.pairs:
                    self.pairs.add(pair)
                    return pair
        return None

    def sign_up(self):
        pair = self.fresh_pair()
        if pair is None:
            return
        variables = {"s": pair[0], "v": pair[1]}
        outcome, result, key, tries = write("signUp", SIGN_UP, variables, "sysadmin")
        self.record("signUp", variables, outcome, result, key, tries)
        if outcome == "acknowledged" and isinstance(result, dict):
            with self.lock:
                self.assignments.append((result["id"], pair[1]))

    def swap(self):
        with self.lock:
            if not self.assignments:
                return
            assignment, giver = self.assignments.pop(random.randrange(len(self.assignments)))
        taker = random.choice([v for v in self.seed["volunteers"] if v != giver])
        variables = {"a": assignment, "to": taker}
        outcome, result, key, tries = write("proposeSwap", PROPOSE, variables, "sysadmin")
        self.record("proposeSwap", variables, outcome, result, key, tries)
        if outcome == "acknowledged" and isinstance(result, dict):
            accept = {"s": result["id"], "v": taker}
            outcome, result, key, tries = write("acceptSwap", ACCEPT, accept, "sysadmin")
            self.record("acceptSwap", accept, outcome, result, key, tries)

    def import_notice(self):
        with self.lock:
            self.number += 1
            number = self.number
        text = ("## 市疫情防控办发布第%d号通告:\n\n本报讯 3月1日,市疫情防控办发布第%d号通告,即日起我市调整为低风险区1个。"
                "调整为低风险区1个,分别是:\n\n试验县(1个):故障小区%d。\n" % (number, number, number))
        variables = {"text": text, "year": 2021}
        outcome, result, key, tries = write("importNotice", IMPORT, variables, "editor")
        self.record("importNotice", {"number": number, "year": 2021}, outcome, result, key, tries)

    def lookup(self):
        if random.random() < 0.5:
            status, body, ms = post(LOOKUP, {"a": "太原市小店区晋阳紫城4号楼10单元"})
        else:
            status, body, ms = post(SHIFT, {"s": random.choice(self.seed["shifts"])}, "sysadmin")
        ok = status == 200 and body is not None and not body.get("errors")
        with self.lock:
            self.latencies.append(ms)
        self.record("lookup", {}, "acknowledged" if ok else "failed", None, None, 1)

    def run(self, seconds):
        end = time.monotonic() + seconds
        ops = [(self.lookup, 40), (self.sign_up, 35), (self.swap, 10), (self.import_notice, 15)]
        choices = [op for op, weight in ops for _ in range(weight)]

        def worker():
            while time.monotonic() < end:
                random.choice(choices)()

        threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with open(self.numbers_file, "w") as f:
            f.write(str(self.number))
        json.dump(sorted(self.pairs), open(os.path.join(os.path.dirname(self.numbers_file), "pairs.json"), "w"))
        lat = sorted(self.latencies) or [0]
        print("phase %s: %d look-ups, p50 %.0f ms, p99 %.0f ms" % (self.phase, len(self.latencies),
                                                                   lat[len(lat) // 2],
                                                                   lat[min(len(lat) - 1, int(len(lat) * 0.99))]))


def check(state):
    ops = [json.loads(line) for line in open(os.path.join(state, "ops.jsonl"))]
    signups = {}
    for shift, volunteer, assignment in psql("volunteers", "select shift_id, volunteer_id, id from assignment"
                                                           " where source = 'SIGN_UP'"):
        signups.setdefault((shift, volunteer), []).append(assignment)
    swaps = {}
    for assignment, taker, swap, status in psql("volunteers", "select from_assignment_id, to_volunteer_id, id, status"
                                                              " from swap_request"):
        swaps.setdefault((assignment, taker), []).append((swap, status))
    notices = {}
    for number, year, nid in psql("notices", "select number, year, id from notice where issuer is not null"):
        notices.setdefault((int(number), int(year)), []).append(nid)
    audit_v = {}
    for action, target in psql("volunteers", "select action, target_id from audit_event"):
        audit_v[(action, target)] = audit_v.get((action, target), 0) + 1
    audit_n = {}
    for action, target in psql("notices", "select action, target_id from audit_event"):
        audit_n[(action, target)] = audit_n.get((action, target), 0) + 1
    keys = set(k for (k,) in psql("volunteers", "select key from idempotency_key")) \
        | set(k for (k,) in psql("notices", "select key from idempotency_key"))

    def stored(op):
        v = op["vars"]
        if op["kind"] == "signUp":
            rows = signups.get((v["s"], v["v"]), [])
            audits = sum(audit_v.get(("SIGN_UP", a), 0) for a in rows)
            return len(rows), audits
        if op["kind"] == "proposeSwap":
            rows = swaps.get((v["a"], v["to"]), [])
            return len(rows), sum(audit_v.get(("PROPOSE_SWAP", s), 0) for s, _ in rows)
        if op["kind"] == "acceptSwap":
            accepted = [1 for rows in swaps.values() for s, status in rows if s == v["s"] and status == "ACCEPTED"]
            return len(accepted), audit_v.get(("HAND_OVER", v["s"]), 0) + audit_v.get(("SWAP", v["s"]), 0)
        if op["kind"] == "importNotice":
            rows = notices.get((v["number"], v["year"]), [])
            return len(rows), sum(audit_n.get(("IMPORT", n), 0) for n in rows)
        return 0, 0

    phases = []
    table = {}
    for op in ops:
        if op["kind"] == "lookup":
            row = table.setdefault((op["phase"], "look-ups"), [0] * 8)
            row[0] += 1
            row[1] += op["outcome"] == "acknowledged"
        else:
            row = table.setdefault((op["phase"], "writes"), [0] * 8)
            n, audits = stored(op)
            row[0] += 1
            if op["outcome"] == "acknowledged":
                row[1] += 1
                row[2] += n >= 1
                row[3] += n == 0
                row[4] += n > 1
                row[7] += op["key"] not in keys and n >= 1
            elif op["outcome"] == "failed":
                row[5] += n > 0
            else:
                row[6] += 1
                row[2] += n >= 1
            if n >= 1 and audits != n:
                row[7] += 1
        if op["phase"] not in phases:
            phases.append(op["phase"])
    over = psql("volunteers", "select count(*) from shift s where (select count(*) from assignment a where"
                              " a.shift_id = s.id and a.status = 'ACTIVE') > s.required_headcount")[0][0]
    double = psql("volunteers", "select count(*) from assignment a join assignment b on a.volunteer_id ="
                                " b.volunteer_id and a.id < b.id and a.status = 'ACTIVE' and b.status = 'ACTIVE'"
                                " and a.during && b.during")[0][0]
    print("| fault | operations | tried | acknowledged | stored | lost | doubled | failed but stored | unknown |"
          " audit/key mismatch |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    bad = 0
    for phase in phases:
        for kind in ("look-ups", "writes"):
            row = table.get((phase, kind))
            if not row:
                continue
            if kind == "look-ups":
                print("| %s | look-ups | %d | %d | | | | | | |" % (phase, row[0], row[1]))
            else:
                print("| %s | writes | %d | %d | %d | %d | %d | %d | %d | %d |" % ((phase,) + tuple(row)))
                bad += row[3] + row[4] + row[5] + row[7]
    print()
    print("shifts over their headcount: %s; volunteers double-booked: %s" % (over, double))
    by_kind = {}
    for op in ops:
        if op["kind"] != "lookup":
            k = by_kind.setdefault(op["kind"], {"acknowledged": 0, "failed": 0, "unknown": 0})
            k[op["outcome"]] += 1
    print("writes by kind: " + "; ".join("%s %s" % (k, v) for k, v in sorted(by_kind.items())))
    return 1 if bad or over != "0" or double != "0" else 0


def main():
    command, state = sys.argv[1], sys.argv[2]
    if command == "seed":
        seed(state)
    elif command == "load":
        Load(state, sys.argv[3]).run(float(sys.argv[4]))
    elif command == "check":
        sys.exit(check(state))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
