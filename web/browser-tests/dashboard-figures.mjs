// The dashboard benchmark's measurement, run once against the suite of the e2e tests (DashboardBrowserTest): proves
// the measuring module works and prints one figure; the benchmark proper (benchmarks/web/) runs it N times.
import { scenario } from './lib.mjs';
import { measureDashboard } from './measure-dashboard.mjs';

await scenario('dashboard-figures', async (browser) => {
  const summary = await measureDashboard(browser, { user: 'admin-xijia', runs: Number(process.env.RUNS || 1) });
  if (!(summary.graphqlRequests.max >= 1)) throw new Error('no GraphQL request was seen before the data was shown');
});
