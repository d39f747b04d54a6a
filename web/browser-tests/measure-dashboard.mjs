// The community dashboard's figures, measured in the browser with the Performance API: from the return to the console
// after signing in on Keycloak's page (the navigation start of the document Keycloak sends back) to the dashboard's
// first data on screen (its 'dashboard:data-shown' mark), and the GraphQL requests made until then. Shared by the
// browser test (DashboardBrowserTest, once) and the benchmark (benchmarks/web/dashboard.mjs, N runs).
import { env, newPage, signIn, step } from './lib.mjs';

export const DATA_SHOWN_MARK = 'dashboard:data-shown';

/** One sign-in on a fresh profile (no cache, no session), to the dashboard's data. */
export async function measureOnce(browser, { user = 'admin-xijia', width = 1280 } = {}) {
  const page = await newPage(browser, { width });
  try {
    await page.goto(new URL('#/dashboard', env.webUrl).href);
    await signIn(page, user);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, DATA_SHOWN_MARK);
    const figures = await page.evaluate((mark) => {
      const shown = performance.getEntriesByName(mark)[0].startTime;
      const graphql = performance.getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('/graphql') && e.startTime <= shown);
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        dataShownMs: Math.round(shown),
        graphqlRequests: graphql.length,
        graphqlMs: graphql.map((e) => Math.round(e.duration)),
        pageLoadedMs: navigation ? Math.round(navigation.loadEventEnd) : null,
      };
    }, DATA_SHOWN_MARK);
    if (page.problems.length > 0) throw new Error(page.problems.join('\n'));
    return figures;
  } finally {
    await page.context().close();
  }
}

/** Median and 90th percentile (nearest rank) of numbers. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { median: rank(0.5), p90: rank(0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** N runs, each printed, then the summary: data shown (median, p90) and GraphQL requests per first paint. */
export async function measureDashboard(browser, { user = 'admin-xijia', runs = 1, width = 1280 } = {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const figures = await measureOnce(browser, { user, width });
    step(`run ${i + 1}/${runs}: data shown ${figures.dataShownMs} ms after the return from Keycloak, `
      + `${figures.graphqlRequests} GraphQL requests (${figures.graphqlMs.join(', ')} ms)`);
    all.push(figures);
  }
  const shown = percentiles(all.map((f) => f.dataShownMs));
  const requests = percentiles(all.map((f) => f.graphqlRequests));
  const summary = { user, runs, dataShownMs: shown, graphqlRequests: requests };
  console.log(`dashboard figures: ${JSON.stringify(summary)}`);
  return summary;
}
