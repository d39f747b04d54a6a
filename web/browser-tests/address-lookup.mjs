// A signed-in district officer looks up an address's risk level, then the high-risk areas of 小店区; the same on a
// 375 px phone, in English.
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

// notice 194 (demo) made 书林苑小区 high-risk from 2022-11-30
const ADDRESS = '太原市小店区书林苑小区3号楼';

await scenario('address-lookup', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(env.webUrl);
  await signIn(page, 'officer');

  await page.getByLabel('地址', { exact: true }).fill(ADDRESS);
  await page.getByLabel('日期', { exact: true }).fill('2022-11-30');
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByTestId('risk-result');
  await result.getByText('高风险区').waitFor();
  const text = await result.innerText();
  step(`risk result: ${text.replace(/\s+/g, ' ')}`);
  for (const expected of ['书林苑小区', '第194号', '2022年11月30日']) {
    if (!text.includes(expected)) throw new Error(`the answer lacks ${expected}: ${text}`);
  }
  await shot(page, 'address-lookup-officer');
  await axe(page, 'risk look-up');

  await page.getByRole('link', { name: '高风险区' }).click();
  await page.getByLabel('日期', { exact: true }).fill('2022-11-30');
  await page.getByRole('button', { name: '查看小店区' }).click();
  const areas = page.getByTestId('district-areas');
  await areas.locator('li').first().waitFor();
  step(`小店区 high-risk areas listed: ${await areas.locator('li').count()}`);
  await shot(page, 'high-risk-areas-xiaodian');
  await axe(page, 'high-risk areas');

  // A grid worker's phone, in English: the same look-up at 375 px, nothing wider than the screen
  const phone = track(await newPage(browser, { width: 375, height: 812 }));
  await phone.goto(env.webUrl);
  await phone.getByRole('button', { name: 'English' }).click();
  await phone.getByLabel('Address', { exact: true }).fill(ADDRESS);
  await phone.getByLabel('As of', { exact: true }).fill('2022-11-30');
  await phone.getByLabel('As of', { exact: true }).press('Enter');
  await phone.getByTestId('risk-result').getByText('No. 194', { exact: false }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow} px wider than a 375 px screen`);
  await shot(phone, 'address-lookup-375px-en');
  await axe(phone, 'risk look-up at 375 px');
});
