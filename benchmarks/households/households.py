"""Driver of benchmarks/households/run.sh (stdlib only). Talks GraphQL over HTTP to volunteer-service.

record   URL TOKEN FILE RECORDERS   FILE: lines "round household head_count", one block per round (the first block
         warms up). For each round, RECORDERS threads (one keep-alive connection each, as phones are) record every
         household of the round TESTED with its head count, the households dealt out in turn; the next round starts
         when all are done. Prints one line: writes, failed, p50 p90 p99 max (ms, per write), seconds per round.
missed   URL TOKEN STREET DATE ROUNDS_FILE REQUESTS CONNECTIONS   the street's rounds of DATE with their missed
         households (first page of 50 and the count), and one community's round alone (ids from ROUNDS_FILE, in
         turn); prints "street" and "community" lines: requests, failed, p50 p90 p99 max (ms).
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

RECORD = """mutation($r: ID!, $h: ID!, $n: Int) { recordHouseholdTest(roundId: $r, householdId: $h, status: TESTED,
  testedCount: $n) { status accounted } }"""
STREET = """query($u: ID!, $d: Date!) { testingRounds(unitId: $u, from: $d, to: $d) { id round
  missedHouseholds(first: 50) { totalCount edges { node { household { id unitLabel room } status } } } } }"""
ROUND = """query($id: ID!) { testingRound(id: $id) { id
  missedHouseholds(first: 50) { totalCount edges { node { household { id unitLabel room } status } } } } }"""


class Client:
    """One keep-alive connection; post() answers (milliseconds, ok)."""

    def __init__(self, url, token):
        self.url = urllib.parse.urlparse(url)
        self.token = token
        self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)

    def post(self, query, variables):
        body = json.dumps({"query": query, "variables": variables})
        start = time.perf_counter()
        self.conn.request("POST", self.url.path, body, {"Content-Type": "application/json",
                                                        "Authorization": "Bearer " + self.token})
        response = self.conn.getresponse()
        answer = response.read()
        ms = (time.perf_counter() - start) * 1000
        ok = response.status == 200 and b'"errors"' not in answer
        if not ok and not getattr(self, "shown", False):
            self.shown = True
            print("first failure: %s %s" % (response.status, answer[:400].decode("utf-8", "replace")), file=sys.stderr)
        return ms, ok


def quantiles(samples):
    s = sorted(samples)
    if not s:
        return "0 0 0 0"
    at = lambda q: s[min(len(s) - 1, int(q * len(s)))]
    return "%.2f %.2f %.2f %.2f" % (at(0.5), at(0.9), at(0.99), s[-1])


def record(url, token, path, recorders):
    rounds = {}
    for line in open(path):
        r, h, n = line.split()
        rounds.setdefault(r, []).append((h, int(n)))
    clients = [Client(url, token) for _ in range(recorders)]
    samples, failed, seconds = [], 0, []
    for index, (round_id, households) in enumerate(rounds.items()):
        shares = [households[i::recorders] for i in range(recorders)]
        results = [[] for _ in range(recorders)]

        def work(i):
            for h, n in shares[i]:
                results[i].append(clients[i].post(RECORD, {"r": round_id, "h": h, "n": n}))

        threads = [threading.Thread(target=work, args=(i,)) for i in range(recorders)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if index == 0:
            continue  # warm-up
        seconds.append(time.perf_counter() - start)
        for result in results:
            samples += [ms for ms, ok in result]
            failed += sum(1 for _, ok in result if not ok)
    print("%d %d %s %.2f" % (len(samples), failed, quantiles(samples), sum(seconds) / max(1, len(seconds))))


def missed(url, token, street, date, rounds_file, requests, connections):
    rounds = [line.strip() for line in open(rounds_file) if line.strip()]
    for name, query, variables in (
            ("street", STREET, lambda i: {"u": street, "d": date}),
            ("community", ROUND, lambda i: {"id": rounds[i % len(rounds)]})):
        clients = [Client(url, token) for _ in range(connections)]
        for i in range(20):  # warm-up
            clients[0].post(query, variables(i))
        samples, failures = [], []

        def work(c):
            for i in range(c, requests, connections):
                ms, ok = clients[c].post(query, variables(i))
                samples.append(ms)
                if not ok:
                    failures.append(i)

        threads = [threading.Thread(target=work, args=(c,)) for c in range(connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("%s %d %d %s" % (name, len(samples), len(failures), quantiles(samples)))


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        missed(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]), int(sys.argv[8]))
