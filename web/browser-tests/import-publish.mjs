// Four eyes in the browser: editor pastes a printed notice, sees its parse and warnings and saves the draft; signs
// out; publisher signs in, finds the draft and publishes it; the public look-up then answers with the new notice.
import { axe, env, newPage, scenario, shot, signIn, signOut, step } from './lib.mjs';

const NUMBER = process.env.NOTICE_NUMBER || '1401';
const AREA = '网页测试家园';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
const TEXT = `## 市疫情防控办发布第${NUMBER}号通告:

### 小店区新增高风险区1个

本报讯(记者 刘涛)${today[1]}月${today[2]}日,市疫情防控办发布第${NUMBER}号通告,经专家组研判,即日起小店区新增高风险区1个。新增高风险区1个,分别是:

小店区(1个):${AREA}(3号楼除外)。`;

await scenario('import-publish', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(`${env.webUrl}#/import`);
  await signIn(page, 'editor');

  await page.getByLabel('通告原文（粘贴）', { exact: true }).fill(TEXT);
  await page.getByLabel('年份（原文未写明时）', { exact: true }).fill(String(today[0]));
  await page.getByRole('button', { name: '解析并保存草稿' }).click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  const parsed = await result.innerText();
  step(`parse: ${parsed.replace(/\s+/g, ' ').slice(0, 300)}`);
  for (const expected of ['草稿', AREA, '除外', '解析提示']) {
    if (!parsed.includes(expected)) throw new Error(`the parse shown lacks ${expected}: ${parsed}`);
  }
  await shot(page, 'import-parsed-draft');
  await axe(page, 'import with its parse');

  await result.getByRole('link', { name: '打开草稿' }).click();
  const fourEyes = page.getByTestId('four-eyes');
  await fourEyes.waitFor();
  const draftUrl = page.url();
  const seenByEditor = await fourEyes.innerText();
  step(`four eyes as editor: ${seenByEditor.replace(/\s+/g, ' ')}`);
  if (!seenByEditor.includes('须由起草人以外的通告发布员发布')) throw new Error('who may publish is not shown');
  if (await fourEyes.getByRole('button', { name: '发布' }).count() > 0) throw new Error('an editor is offered to publish');
  await shot(page, 'draft-as-editor');
  await axe(page, 'draft as editor');
  await signOut(page);

  await page.goto(draftUrl);
  await signIn(page, 'publisher');
  await fourEyes.getByRole('button', { name: '发布' }).click();
  await fourEyes.getByRole('status').waitFor();
  await page.getByRole('heading', { name: /已发布/ }).waitFor();
  step('published by publisher');
  await shot(page, 'published-by-publisher');
  await axe(page, 'notice published');

  await page.getByRole('link', { name: '风险查询' }).click();
  await page.getByLabel('地址', { exact: true }).fill(`太原市小店区${AREA}1号楼`);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('risk-result').getByText(`第${NUMBER}号`, { exact: false }).waitFor();
  step('the public look-up answers with the new notice');
  await shot(page, 'lookup-after-publish');
});
