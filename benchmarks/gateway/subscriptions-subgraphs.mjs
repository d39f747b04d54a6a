// Two subgraphs for the subscription benchmark (not a test): `notices` serves Subscription.noticePublished over
// graphql-transport-ws (as SmallRye GraphQL does) and publishes one event to every open subscription on
// POST /publish; `volunteers` answers _entities for Notice.volunteersOnCall over HTTP and counts the requests.
// Usage: node subscriptions-subgraphs.mjs <notices port> <volunteers port>
import http from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../web/package.json', import.meta.url)));
const { WebSocketServer } = require('ws');

const [noticesPort, volunteersPort] = process.argv.slice(2).map(Number);
const subscriptions = new Map(); // socket -> ids
let entityRequests = 0;

const notices = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/publish') {
      let sent = 0;
      for (const [ws, ids] of subscriptions) {
        for (const id of ids) {
          ws.send(JSON.stringify({ id, type: 'next', payload: { data: JSON.parse(body) } }));
          sent++;
        }
      }
      res.end(JSON.stringify({ sent }));
    } else if (req.url === '/stats') {
      let n = 0;
      for (const ids of subscriptions.values()) n += ids.size;
      res.end(JSON.stringify({ subscriptions: n, sockets: subscriptions.size }));
    } else {
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{}}');
    }
  });
});
const wss = new WebSocketServer({ server: notices, handleProtocols: (p) => (p.has('graphql-transport-ws') ? 'graphql-transport-ws' : false) });
wss.on('connection', (ws) => {
  subscriptions.set(ws, new Set());
  ws.on('close', () => subscriptions.delete(ws));
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.type === 'connection_init') ws.send('{"type":"connection_ack"}');
    else if (m.type === 'ping') ws.send('{"type":"pong"}');
    else if (m.type === 'subscribe') subscriptions.get(ws).add(m.id);
    else if (m.type === 'complete') subscriptions.get(ws).delete(m.id);
  });
});
notices.listen(noticesPort, '127.0.0.1');

const volunteers = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/stats') return res.end(JSON.stringify({ entityRequests }));
    entityRequests++;
    const { variables } = JSON.parse(body);
    const reps = (variables && variables.representations) || [];
    res.end(JSON.stringify({ data: { _entities: reps.map((r) => ({ __typename: 'Notice', id: r.id, volunteersOnCall: 12 })) } }));
  });
});
volunteers.listen(volunteersPort, '127.0.0.1');
console.error(`subgraphs: notices ${noticesPort} (graphql-transport-ws), volunteers ${volunteersPort}`);
