// The subscription benchmark's load (not a test): N graphql-transport-ws clients of the gateway, each subscribed to
// noticePublished with an entity field of the other subgraph; once every subscription is in place (each client's
// query after its subscribe answered), asks the notices subgraph to publish one event and reports when each client
// had it. Prints one JSON line of figures.
// Usage: node subscriptions-clients.mjs <gateway ws url> <subscribers> <notices control url> <ready file>
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(fileURLToPath(new URL('../../web/package.json', import.meta.url)));
const WebSocket = require('ws');

const [url, countText, control, readyFile] = process.argv.slice(2);
const count = Number(countText);
const QUERY = 'subscription { noticePublished { id title volunteersOnCall } }';
const EVENT = { noticePublished: { __typename: 'Notice', id: 'n1', title: 'Flood warning' } };
const OPEN_AT_ONCE = 200; // connections being opened at a time

let ready = 0;
let t0 = 0;
const arrivals = [];
const failures = [];
const sockets = [];

function open(i) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    sockets.push(ws);
    ws.on('open', () => ws.send('{"type":"connection_init"}'));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: QUERY } }));
        ws.send(JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ __typename }' } }));
      } else if (m.type === 'ping') {
        ws.send('{"type":"pong"}');
      } else if (m.id === 'q' && m.type === 'complete') {
        ready++;
        resolve();
      } else if (m.id === 's' && m.type === 'next') {
        const ok = m.payload?.data?.noticePublished?.volunteersOnCall === 12;
        if (ok) arrivals.push(performance.now() - t0);
        else failures.push(JSON.stringify(m));
      } else if (m.type === 'error') {
        failures.push(JSON.stringify(m));
        resolve();
      }
    });
    ws.on('error', (e) => { failures.push(`client ${i}: ${e.message}`); resolve(); });
  });
}

const started = performance.now();
for (let i = 0; i < count; i += OPEN_AT_ONCE) {
  await Promise.all(Array.from({ length: Math.min(OPEN_AT_ONCE, count - i) }, (_, k) => open(i + k)));
}
const subscribeSeconds = (performance.now() - started) / 1000;
fs.writeFileSync(readyFile, String(ready));
// the script measures the gateway's memory now; it removes the file when done
while (fs.existsSync(readyFile)) await new Promise((r) => setTimeout(r, 100));

t0 = performance.now();
await fetch(`${control}/publish`, { method: 'POST', body: JSON.stringify(EVENT) });
const deadline = performance.now() + 60_000;
while (arrivals.length + failures.length < ready && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));

arrivals.sort((a, b) => a - b);
const pct = (p) => (arrivals.length ? arrivals[Math.min(arrivals.length - 1, Math.ceil((p / 100) * arrivals.length) - 1)] : null);
console.log(JSON.stringify({
  subscribers: count, subscribed: ready, received: arrivals.length, failures: failures.length,
  firstFailure: failures[0] ?? null, subscribeSeconds: +subscribeSeconds.toFixed(1),
  arrivalMs: { p50: pct(50)?.toFixed(1), p99: pct(99)?.toFixed(1), last: arrivals.at(-1)?.toFixed(1) },
}));
sockets.forEach((s) => s.terminate());
process.exit(0);
