import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine's network is closed; without these Chromium keeps trying to reach out.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fills the console's login form (in Chinese) and submits it. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A browser context signed in through the API; the session cookie lands in the context. */
export async function signedInContext(browser: Browser, baseUrl: string, user: { username: string; password: string }, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username: user.username, password: user.password } });
  if (response.status() !== 200) throw new Error(`signing in as ${user.username} answered ${response.status()}`);
  return context;
}

/** The paths of the scripts a page requests from now on. */
export function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

/** A page on a 360×740 touch phone whose browser is set to English, as many raters use. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  return context.newPage();
}
