// The community dashboard's time to data after sign-in, in headless Chromium (Debian's /usr/bin/chromium through the
// web module's playwright-core), against a running suite (./run-suite): N sign-ins of admin-xijia on fresh profiles,
// each measured with the Performance API (web/browser-tests/measure-dashboard.mjs). Goal (issue 14): data shown
// ≤ 1.5 s after sign-in. Figures only, nothing asserted.
// Usage: node benchmarks/web/dashboard.mjs [console URL, default http://localhost:8083] [runs, default 10] [user]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
process.env.WEB_URL = (process.argv[2] || process.env.WEB_URL || 'http://localhost:8083').replace(/\/$/, '');
process.env.SCREENSHOT_DIR ||= join(here, 'target');
const runs = Number(process.argv[3] || process.env.RUNS || 10);
const user = process.argv[4] || 'admin-xijia';

// after the environment is set: lib.mjs reads it when loaded
const { launch } = await import('../../web/browser-tests/lib.mjs');
const { measureDashboard } = await import('../../web/browser-tests/measure-dashboard.mjs');
const { loadavg, cpus } = await import('node:os');

console.log(`dashboard of ${user} at ${process.env.WEB_URL}, ${runs} runs; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
const browser = await launch();
try {
  // one sign-in first to warm the suite (JIT, connection pools); not counted
  await measureDashboard(browser, { user, runs: 1 });
  const summary = await measureDashboard(browser, { user, runs });
  const s = summary.dataShownMs;
  console.log(`data shown after sign-in: median ${s.median} ms, p90 ${s.p90} ms (min ${s.min}, max ${s.max}); goal ≤ 1500 ms`);
  console.log(`GraphQL requests until then: ${summary.graphqlRequests.median} (max ${summary.graphqlRequests.max})`);
} finally {
  await browser.close();
}
