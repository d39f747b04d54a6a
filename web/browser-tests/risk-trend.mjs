// Risk over time, signed out: the last 30 days in the city, one line chart and one table per district of the demo's
// notices (194 and 195 are still in force); the same on a 375 px phone, nothing wider than the screen.
import { axe, env, newPage, scenario, shot, step } from './lib.mjs';

const DISTRICTS = (process.env.TREND_DISTRICTS || '小店区,万柏林区').split(',');

async function seeTrend(page, name) {
  const trend = page.getByTestId('risk-trend');
  for (const district of DISTRICTS) {
    const section = trend.getByRole('region', { name: district, exact: true });
    await section.getByRole('img').waitFor();
    const points = await section.locator('polyline[data-level="HIGH"]').getAttribute('points');
    if (points.split(' ').length !== 30) throw new Error(`${district}: the chart has ${points.split(' ').length} days, not 30`);
    await section.locator('summary').click();
    const rows = section.getByRole('table').locator('tbody tr');
    if (await rows.count() !== 30) throw new Error(`${district}: the table has ${await rows.count()} days, not 30`);
    const [high, low] = (await rows.first().locator('td').allInnerTexts()).map(Number);
    step(`${name}: ${district} today ${high} high-risk, ${low} low-risk areas`);
    if (!(high + low > 0)) throw new Error(`${district} shows no designated area today`);
  }
}

await scenario('risk-trend', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(env.webUrl);
  await page.getByRole('link', { name: '风险趋势' }).click();
  await page.getByRole('heading', { name: '风险趋势', level: 1 }).waitFor();
  await seeTrend(page, 'desktop');
  await shot(page, 'risk-trend');
  await axe(page, 'risk over time');

  const phone = track(await newPage(browser, { width: 375, height: 812 }));
  await phone.goto(`${env.webUrl}#/trend`);
  await seeTrend(phone, '375 px');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow} px wider than a 375 px screen`);
  await shot(phone, 'risk-trend-375px');
  await axe(phone, 'risk over time at 375 px');
});
