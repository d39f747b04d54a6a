// A volunteer's own work in the browser: volunteer-li signs in on Keycloak's page, opens 我的值守, takes an open shift
// (it moves to her shifts), then tries a second shift overlapping it and sees the OVERLAPPING_SHIFT rule's message at
// that shift, nothing else changed; the same screen on a 375 px phone. The two shifts are made by the Java test
// (SelfServiceBrowserTest) on posts of their own: SHIFT_A and SHIFT_B.
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

const FIRST = need('SHIFT_A');
const SECOND = need('SHIFT_B');

function need(name) {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
}

async function openMyWork(page) {
  await page.getByRole('link', { name: '我的值守' }).click();
  await page.getByRole('heading', { level: 1, name: '我的值守' }).waitFor();
  await page.getByTestId('open-shifts').waitFor();
}

await scenario('self-service', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(env.webUrl);
  await signIn(page, 'volunteer-li');
  await openMyWork(page);

  const first = page.getByTestId(`open-shift-${FIRST}`);
  const second = page.getByTestId(`open-shift-${SECOND}`);
  await first.waitFor();
  await second.waitFor();
  step(`offered: ${(await first.innerText()).replace(/\s+/g, ' ')} | ${(await second.innerText()).replace(/\s+/g, ' ')}`);
  await shot(page, 'self-service-open-shifts');
  await axe(page, 'my duty');

  await first.getByRole('button', { name: /^认领/ }).click();
  await page.getByTestId(`my-shift-${FIRST}`).waitFor();
  await first.waitFor({ state: 'detached' });
  step(`taken: ${(await page.getByRole('status').filter({ hasText: '已认领' }).innerText())}`);

  await second.getByRole('button', { name: /^认领/ }).click();
  const refusal = second.getByRole('alert');
  await refusal.waitFor();
  const code = await refusal.getAttribute('data-code');
  const text = await refusal.innerText();
  step(`refused at the second shift: ${text}`);
  if (code !== 'OVERLAPPING_SHIFT') throw new Error(`expected OVERLAPPING_SHIFT at the second shift, got ${code}: ${text}`);
  if (!text.includes('与您已有的班次时间重叠')) throw new Error(`the rule's message is missing: ${text}`);
  // nothing else changed: the second shift is still offered, the first still hers, the second not
  if ((await page.getByTestId(`my-shift-${SECOND}`).count()) !== 0) throw new Error('the second shift became hers');
  await page.getByTestId(`my-shift-${FIRST}`).waitFor();
  await second.getByRole('button', { name: /^认领/ }).waitFor();
  await shot(page, 'self-service-overlap-refused');
  await axe(page, 'my duty with a refusal');

  // her phone: the same screen at 375 px, nothing wider than the screen
  const phone = track(await newPage(browser, { width: 375, height: 812 }));
  await phone.goto(env.webUrl);
  await signIn(phone, 'volunteer-li');
  await openMyWork(phone);
  await phone.getByTestId(`my-shift-${FIRST}`).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow} px wider than a 375 px screen`);
  await shot(phone, 'self-service-375px');
  await axe(phone, 'my duty at 375 px');
});
