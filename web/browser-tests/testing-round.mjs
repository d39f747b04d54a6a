// A grid worker's phone (375 px): grid-xijia-1 signs in, opens 入户核酸, the round of the building the e2e test set up
// in his grid, and records two households in two taps each (one tested, one not at home); the progress moves.
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

const BUILDING = process.env.BUILDING;
if (!BUILDING) throw new Error('BUILDING is not set');

async function noWiderThanTheScreen(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${where}: the page is ${overflow} px wider than a 375 px screen`);
}

/** Two taps: the household's row, then its status. */
async function record(page, door, status) {
  const row = page.getByTestId('household').and(page.locator(`[data-door="${door}"]`));
  await row.getByRole('button', { name: new RegExp(`登记 ${door}$`) }).click();
  await row.getByRole('button', { name: status.label, exact: true }).click();
  await page.locator(`[data-testid="household"][data-door="${door}"][data-status="${status.code}"]`).waitFor();
  step(`recorded ${door}: ${status.label}`);
}

await scenario('testing-round', async (browser, track) => {
  const page = track(await newPage(browser, { width: 375, height: 812 }));
  await page.goto(env.webUrl);
  await signIn(page, 'grid-xijia-1');

  await page.getByRole('link', { name: '入户核酸' }).click();
  const roundLink = page.getByRole('link', { name: `${BUILDING} 第1轮（共1轮）` });
  await roundLink.waitFor();
  step(`rounds listed: ${await page.locator('.round-link').count()}`);
  await noWiderThanTheScreen(page, 'the rounds');
  await shot(page, 'testing-rounds-375px');
  await axe(page, 'testing rounds at 375 px');

  await roundLink.click();
  const progress = page.getByTestId('round-progress');
  await progress.getByText('已完成 0/8 户').first().waitFor();
  await page.getByTestId('household').first().waitFor();
  step(`households listed: ${await page.getByTestId('household').count()}`);
  await noWiderThanTheScreen(page, 'the round');
  await shot(page, 'testing-round-before-375px');

  // the status panel open, as the grid worker sees it at the door
  const first = `${BUILDING} 1单元101`;
  await page.locator(`[data-testid="household"][data-door="${first}"]`).getByRole('button', { name: new RegExp(`登记 ${first}$`) }).click();
  await page.getByRole('group', { name: `选择 ${first} 的检测情况` }).waitFor();
  await noWiderThanTheScreen(page, 'the status choices');
  await shot(page, 'testing-round-choices-375px');
  await axe(page, 'status choices at 375 px');
  await page.getByRole('group', { name: `选择 ${first} 的检测情况` }).getByRole('button', { name: '已检测', exact: true }).click();
  await page.locator(`[data-testid="household"][data-door="${first}"][data-status="TESTED"]`).waitFor();
  step(`recorded ${first}: 已检测`);

  await record(page, `${BUILDING} 1单元102`, { label: '不在家', code: 'NOT_AT_HOME' });

  // one household accounted for (not at home without a reason is not), its 3 people tested
  await progress.getByText('已完成 1/8 户').first().waitFor();
  await progress.getByText('已检测 3/22 人').first().waitFor();
  step(`progress: ${(await progress.locator('p').first().innerText()).replace(/\s+/g, ' ')}`);
  await page.getByLabel('只看未完成的住户').check();
  const missed = await page.getByTestId('household').count();
  if (missed !== 7) throw new Error(`7 households should be left to visit, ${missed} are listed`);
  await noWiderThanTheScreen(page, 'the round after recording');
  await shot(page, 'testing-round-after-375px');
  await axe(page, 'testing round at 375 px');
});
