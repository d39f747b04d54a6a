// The audit trail as 西贾社区's community admin: the roster trail of the community (the demo seeded it), newest first,
// then filtered by actor; no notices' tab (system administrators only).
import { axe, env, newPage, scenario, shot, signIn, step } from './lib.mjs';

await scenario('audit-trail', async (browser, track) => {
  const page = track(await newPage(browser));
  await page.goto(`${env.webUrl}#/audit`);
  await signIn(page, 'admin-xijia');
  await page.getByRole('heading', { name: '操作记录', level: 1 }).waitFor();
  const events = page.getByTestId('audit-event');
  await events.first().waitFor();
  step(`events shown: ${await events.count()}; newest: ${(await events.first().innerText()).replace(/\s+/g, ' ')}`);
  if (await page.getByRole('tab').count() > 0) throw new Error("a community admin is offered the notices' trail");
  await shot(page, 'audit-trail-admin-xijia');
  await axe(page, 'audit trail');

  await page.getByLabel('操作人（用户名）', { exact: true }).fill('admin-xijia');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  // the list is read again under the filter: wait until what it shows is the filtered answer
  await page.waitForFunction(() => {
    const shown = [...document.querySelectorAll('[data-testid="audit-event"] dd:nth-of-type(2)')].map((d) => d.textContent);
    return shown.length > 0 && shown.every((a) => a === 'admin-xijia');
  });
  const actors = await events.evaluateAll((nodes) => nodes.map((n) => n.querySelector('dd:nth-of-type(2)').textContent));
  step(`filtered by actor: ${actors.length} events by ${[...new Set(actors)].join(', ')}`);
  if (actors.some((a) => a !== 'admin-xijia')) throw new Error(`the filter let through ${actors}`);
  await shot(page, 'audit-trail-admin-xijia-by-actor');
});
