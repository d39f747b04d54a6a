// A community admin fills a coverage gap and sees it close: admin-xijia opens the roster, the test's own post, the
// week of its day shift (free places highlighted), assigns 徐磊 and 孙涛 until the shift is full and the day covered;
// then 徐磊 on the night shift before it breaks the 24 h rule: the rule's message shows at that shift. Also at 375 px.
// The post and its shifts come from RosterBoardBrowserTest's set-up (POST_NAME, DAY, DAY_SHIFT, NIGHT_SHIFT).
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

const POST_NAME = need('POST_NAME');
const DAY = need('DAY');
const DAY_SHIFT = need('DAY_SHIFT');
const NIGHT_SHIFT = need('NIGHT_SHIFT');

function need(name) {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
}

async function expectText(locator, text, what) {
  try {
    await locator.filter({ hasText: text }).waitFor();
  } catch (e) {
    throw new Error(`${what}: expected "${text}", shown "${(await locator.innerText()).replace(/\s+/g, ' ')}"`, { cause: e });
  }
}

/** Puts a volunteer on a shift through the card's searchable select, and waits for the outcome there. */
async function assign(card, name) {
  await card.getByLabel('查找志愿者', { exact: true }).fill(name);
  await card.getByRole('button', { name: '安排上岗' }).click();
  await Promise.race([card.getByRole('status').waitFor(), card.getByRole('alert').waitFor()]);
}

await scenario('roster-board', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(`${env.webUrl}#/roster`);
  await signIn(page, 'admin-xijia');
  const posts = page.getByTestId('post-list');
  await posts.getByRole('link', { name: POST_NAME, exact: true }).waitFor();
  step(`posts of 西贾社区: ${(await posts.innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
  await shot(page, 'roster-posts');
  await axe(page, 'roster posts');

  await posts.getByRole('link', { name: POST_NAME, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: POST_NAME }).waitFor();
  // this week by default: go on to the week holding the test's day
  for (let i = 0; i < 3 && (await page.locator(`[data-date="${DAY}"]`).count()) === 0; i++) {
    await page.getByRole('button', { name: '下一周' }).click();
  }
  const card = page.locator(`[data-shift-id="${DAY_SHIFT}"]`);
  const night = page.locator(`[data-shift-id="${NIGHT_SHIFT}"]`);
  const dayBadge = page.locator(`[data-date="${DAY}"]`).getByTestId('day-gaps');
  await card.waitFor();
  await expectText(card, '空缺2个', 'the day shift before');
  await expectText(dayBadge, '缺2人', "the day's gap before");
  if (!(await card.getAttribute('class')).includes('gap')) throw new Error('the free places are not highlighted');
  step(`shift ${DAY_SHIFT} on ${DAY}: ${(await card.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
  await shot(page, 'roster-week-with-gap');
  await axe(page, 'roster week with a gap');

  await assign(card, '徐磊');
  await expectText(card, '空缺1个', 'after the first assignment');
  await assign(card, '孙涛');
  await expectText(card, '已满员', 'after the second assignment');
  await expectText(dayBadge, '已排满', "the day's gap after");
  for (const name of ['徐磊', '孙涛']) await expectText(card, name, 'who is on the shift');
  step('the shift is full and the day covered');
  await shot(page, 'roster-gap-closed');
  await axe(page, 'roster gap closed');

  // 徐磊 on the night before: 24 h in a row, refused by the working-time rule, shown at that shift
  await assign(night, '徐磊');
  const refusal = night.getByRole('alert');
  await expectText(refusal, '超出24小时内最长值守时长', 'the refusal at the night shift');
  if ((await refusal.getAttribute('data-code')) !== 'MAX_HOURS_EXCEEDED') throw new Error('the refusal lacks its code');
  if ((await card.getByRole('alert').count()) > 0) throw new Error('the refusal shows at another shift too');
  step(`refused in place: ${(await refusal.innerText()).replace(/\s+/g, ' ')}`);
  await shot(page, 'roster-rule-refused');
  await axe(page, 'roster rule refused');

  // a phone: the week is a list of days, nothing wider than the screen
  await page.setViewportSize({ width: 375, height: 812 });
  await card.waitFor();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  if (widths.page > widths.screen) throw new Error(`wider than the phone: ${JSON.stringify(widths)}`);
  step(`375 px: ${JSON.stringify(widths)}`);
  await shot(page, 'roster-phone');
  await axe(page, 'roster at 375 px');
});
