// Four eyes on a published demo notice, as publisher: who drafted it (editor imported it) and who published it.
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

const ID = process.env.NOTICE_ID;

await scenario('notice-four-eyes', async (browser, track) => {
  if (!ID) throw new Error('NOTICE_ID is not set');
  const page = track(await newPage(browser));
  await page.goto(`${env.webUrl}#/notices/${encodeURIComponent(ID)}`);
  await signIn(page, 'publisher');
  const fourEyes = page.getByTestId('four-eyes');
  await fourEyes.getByText('发布人：publisher').waitFor();
  const text = await fourEyes.innerText();
  step(`four eyes as publisher: ${text.replace(/\s+/g, ' ')}`);
  if (!text.includes('起草人：editor')) throw new Error(`who drafted is not shown: ${text}`);
  if (await fourEyes.getByRole('button').count() > 0) throw new Error('a published notice offers publishing');
  await shot(page, 'notice-four-eyes-publisher');
  await axe(page, 'published notice as publisher');
});
