// Shared steps of the console's browser tests: Debian's Chromium driven by playwright-core (no browser download),
// sign-in on Keycloak's own page, screenshots as build artefacts, axe-core on every screen.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export const env = {
  webUrl: need('WEB_URL'),
  screenshots: need('SCREENSHOT_DIR'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function launch() {
  mkdirSync(env.screenshots, { recursive: true });
  // playwright-core gives every launch a new, throw-away user-data-dir
  return chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

/** A fresh browser profile at a viewport (375 px wide for grid workers' phones). */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // the console's own errors; Keycloak's pages are not ours to judge
  const origin = new URL(env.webUrl).origin;
  page.on('console', (m) => m.type() === 'error' && page.url().startsWith(origin)
    && problems.push(`console error: ${m.text()} (${m.location().url})`));
  page.problems = problems;
  return page;
}

export async function shot(page, name) {
  const path = join(env.screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  step(`screenshot ${path}`);
}

/** axe-core on the page as it is: no serious or critical violation allowed. */
export async function axe(page, name) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  step(`axe ${name}: ${result.length} violations, ${bad.length} serious or critical`);
  for (const v of result) step(`  ${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes)}`);
  if (bad.length > 0) throw new Error(`axe on ${name}: ${bad.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
}

/** Signs in through the console's button on Keycloak's own login page, back to the console signed in. */
export async function signIn(page, username, password = 'demo') {
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.waitForSelector('#username');
  step(`Keycloak login page ${new URL(page.url()).origin} for ${username}`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.getByTestId('signed-in-as').filter({ hasText: username }).waitFor();
  step(`signed in as ${username}`);
}

export async function signOut(page) {
  await page.getByRole('button', { name: /^(退出|Sign out)$/ }).click();
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).waitFor();
  step('signed out');
}

export function step(text) {
  console.log(`  - ${text}`);
}

/** Runs a scenario: exit code 0 when it passed, 1 with the reason (and a screenshot of where it stopped) if not. */
export async function scenario(name, body) {
  const browser = await launch();
  let page;
  try {
    await body(browser, (p) => (page = p));
    if (page && page.problems.length > 0) throw new Error(page.problems.join('\n'));
    console.log(`${name}: passed`);
  } catch (e) {
    if (page) await shot(page, `${name}-failed`).catch(() => {});
    console.error(`${name}: FAILED: ${e.stack || e}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
