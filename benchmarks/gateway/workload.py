#!/usr/bin/env python3
"""The benchmark's requests: the fixed queries, the mixed rotation, and the check that a target answers them alike.

usage:
  workload.py queries WORK NOTICES DISTRICT     writes WORK/{deep,single}.{json,graphql}
  workload.py mixed WORK URL COUNT              writes WORK/mixed.jsonl: COUNT request bodies, one a line, in rotation
                                                look-up / entity / deep, no two with the same variables (area ids and
                                                districts found through URL, our verified gateway)
  workload.py same WORK URL [OURS_OUT]          sends a sample of the mixed bodies to URL; exit 0 when every answer
                                                has data and no errors (OURS_OUT unset: writes it) or equals OURS_OUT's
The token is $BENCH_TOKEN.
"""
import json
import os
import sys
import urllib.request

# notice-service, then the Area entity jump into volunteer-service, and on inside it to posts, grids, people.
AREA_WORK = """
          dutyPosts { id name kind community { name } }
          responsibleGrid { name community { name } responsibleWorkers { name } }
          onDutyNow { from until post { name } volunteer { name kinds community { name } } }"""
DEEP = """query Deep%s {
  notices(first: %s) {
    edges { node {
      number title
      designations%s {
        ordinal level { code }
        areas {
          id fullName%s
        }
      }
    } }
  }
}"""
SINGLE = """query Single {
  notices(first: 10) { edges { node { id number title issuer issueDate effectiveDate status legalBasis } } }
  riskLevels { code name }
}"""
# The mixed rotation. $first of notices() beyond the number of notices (the demo has 2) changes no answer, only the
# request: with it no request is like another in flight (the deep ones: first 3..10 times the districts).
LOOKUP = """query Lookup($id: ID!, $first: Int) {
  area(id: $id) { id district kind name fullName depth }
  notices(first: $first) { edges { node { number title status issueDate } } }
}"""
ENTITY = """query AreaWork($id: ID!, $first: Int) {
  area(id: $id) { id fullName%s }
  notices(first: $first) { edges { node { number } } }
}""" % AREA_WORK
DEEP_VARIABLES = DEEP % ("($first: Int, $district: String)", "$first", "(district: $district)", AREA_WORK)


def post(url, body):
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(), method="POST", headers={
        "Content-Type": "application/json", "Accept": "application/json",
        "Authorization": "Bearer " + os.environ.get("BENCH_TOKEN", "")})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return {"errors": [{"message": f"HTTP {e.code}: {e.read()[:300]!r}"}]}


def queries(work, notices, district):
    filt = f"(district: {json.dumps(district, ensure_ascii=False)})" if district else ""
    for name, q in (("deep", DEEP % ("", notices, filt, AREA_WORK)), ("single", SINGLE)):
        with open(f"{work}/{name}.json", "w") as f:
            json.dump({"query": q, "operationName": name.capitalize()}, f, ensure_ascii=False)
        with open(f"{work}/{name}.graphql", "w") as f:
            f.write(q + "\n")


def mixed(work, url, count):
    found = post(url, {"query": "{ notices(first: 10) { edges { node { designations { district areas { id } } } } } }"})
    if found.get("errors") or not found.get("data"):
        sys.exit(f"cannot list the areas through {url}: {json.dumps(found, ensure_ascii=False)[:500]}")
    ids, districts = [], []
    for edge in found["data"]["notices"]["edges"]:
        for d in edge["node"]["designations"] or []:
            if d["district"] and d["district"] not in districts:
                districts.append(d["district"])
            ids += [a["id"] for a in d["areas"] or [] if a["id"] not in ids]
    if not ids:
        sys.exit("no areas in the notices")
    with open(f"{work}/mixed.jsonl", "w") as f:
        for i in range(count):
            first = 10 + (i // 3) % 490  # notices(first:) takes 1..500; the look-ups cost little
            kind = i % 3
            if kind == 0:
                body = {"query": LOOKUP, "operationName": "Lookup", "variables": {"id": ids[i % len(ids)], "first": first}}
            elif kind == 1:
                body = {"query": ENTITY, "operationName": "AreaWork",
                        "variables": {"id": ids[(i * 7) % len(ids)], "first": first}}
            else:
                # notice-service's cost limit (50,000 estimated) allows the deep query up to notices(first: 10)
                k = i // 3
                body = {"query": DEEP_VARIABLES, "operationName": "Deep",
                        "variables": {"first": 3 + (k // len(districts)) % 8, "district": districts[k % len(districts)]}}
            f.write(json.dumps(body, ensure_ascii=False) + "\n")
    print(f"mixed: {count} requests over {len(ids)} areas and {len(districts)} districts", file=sys.stderr)


def sample(work):
    with open(f"{work}/mixed.jsonl") as f:
        bodies = [json.loads(line) for line in f]
    step = max(1, len(bodies) // 60)
    return bodies[::step][:60]


def same(work, url, ours_out=None):
    answers = [post(url, b) for b in sample(work)]
    if ours_out is None:
        bad = [a for a in answers if a.get("errors") or not a.get("data")]
        with open(f"{work}/mixed.ours.json", "w") as f:
            json.dump(answers, f, ensure_ascii=False)
        if bad:
            print(f"{len(bad)} of {len(answers)} answers with errors, e.g. {json.dumps(bad[0], ensure_ascii=False)[:500]}",
                  file=sys.stderr)
        return 1 if bad else 0
    with open(ours_out) as f:
        ours = json.load(f)
    for i, (a, b) in enumerate(zip(ours, answers)):
        if json.dumps(a) != json.dumps(b):
            print(f"answer {i} differs: ours {json.dumps(a, ensure_ascii=False)[:300]} / "
                  f"{json.dumps(b, ensure_ascii=False)[:300]}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "queries":
        queries(args[0], args[1], args[2])
    elif cmd == "mixed":
        mixed(args[0], args[1], int(args[2]))
    elif cmd == "same":
        sys.exit(same(args[0], args[1], args[2] if len(args) > 2 else None))
    else:
        sys.exit(__doc__)
