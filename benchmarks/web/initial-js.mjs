// Initial JavaScript of the web console, gzipped: what index.html loads before any lazy screen (its module script and
// modulepreloads), from the build's output (web/target/classes/META-INF/resources). Budget (issue 14): 200 KB.
// Usage: node benchmarks/web/initial-js.mjs [resources dir]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] || join(here, '../../web/target/classes/META-INF/resources'));
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)]
  .map((m) => m[1].replace(/^\//, ''));
if (initial.length === 0) throw new Error(`no module script in ${dir}/index.html: build the web module first`);
const gz = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
let total = 0;
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`initial  ${file}: ${kb(size)} KB gzipped`);
}
const lazy = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
for (const f of lazy) console.log(`lazy     assets/${f}: ${kb(gz(`assets/${f}`))} KB gzipped`);
console.log(`initial JavaScript: ${kb(total)} KB gzipped (budget 200 KB) ${total <= 200 * 1024 ? 'within' : 'OVER'} budget`);
