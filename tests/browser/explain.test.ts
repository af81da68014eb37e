import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grade } from './drill-steps.ts';
import { closeBrowser, openBrowser, phoneContext, seriousViolations, type TestServer, waitForServiceWorker, watchErrors } from './harness.ts';

let server: TestServer;
let chromium: Browser;

beforeAll(async () => ({ server, chromium } = await openBrowser()));

afterAll(() => closeBrowser(server, chromium));

const LINE = "docker run -d --name web -p 127.0.0.1:8080:80 -v data:/var/lib/data:ro --restart unless-stopped nginx:1.27 nginx -g 'daemon off;'";

const rows = (page: Page) => page.locator('.explain .explain-row');

/** The text of the explanation row whose part is `part`. */
async function rowText(page: Page, part: string): Promise<string> {
  const row = rows(page).filter({ has: page.locator('code', { hasText: part }) }).first();
  return (await row.textContent()) ?? '';
}

describe('a pasted command explained, part by part', () => {
  it('shows the breakdown above the results on a phone, and a part opens its card', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search cards' }).fill(LINE);

    await expect.poll(() => rows(page).count()).toBe(9);
    // The explanation comes first, above the usual results.
    const explainTop = await page.locator('.explain').boundingBox();
    const resultsTop = await page.locator('.results').boundingBox();
    expect(explainTop!.y).toBeLessThan(resultsTop!.y);

    expect(await rowText(page, '-p 127.0.0.1:8080:80')).toContain('host address 127.0.0.1 · host port 8080 · container port 80 · protocol tcp');
    expect(await rowText(page, '-v data:/var/lib/data:ro')).toContain('mounted at /var/lib/data · read-only');
    expect(await rowText(page, 'nginx:1.27')).toContain('tag 1.27');
    expect(await rowText(page, "nginx -g 'daemon off;'")).toContain("the container's own command");
    expect(await seriousViolations(page)).toEqual([]);

    // Tap the -p part: its card opens, the one the deck teaches for -p.
    await rows(page).filter({ has: page.locator('code', { hasText: '-p 127.0.0.1' }) }).locator('a').tap();
    await page.waitForURL(/\/card\//);
    await expect.poll(() => page.locator('.card-view .card-key code').first().textContent()).toBe('docker run -p');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a mistake plainly, with the fix, in zh too', async () => {
    const context = await phoneContext(chromium, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox').fill('docker run --detatch –rm nginx');
    await expect.poll(() => page.locator('.explain .explain-problem').count()).toBe(2);
    const problems = await page.locator('.explain .explain-problem').allTextContents();
    expect(problems[0]).toContain('是不是 --detach');
    expect(problems[1]).toContain('应输入 --rm');
    await context.close();
  });

  it('works offline: /explain?cmd= opens from the service worker and the search explains with zero requests', async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
    await waitForServiceWorker(page);

    await context.setOffline(true);
    const before = server.requests.length;

    await page.goto(`${server.url}/explain?cmd=${encodeURIComponent('docker ps -aq | xargs docker rm -f')}`);
    await expect.poll(() => page.locator('.explain .explain-rows').count()).toBe(2);
    expect(await rowText(page, '-f')).toContain('Force');
    expect(await page.locator('#explain-input').inputValue()).toBe('docker ps -aq | xargs docker rm -f');

    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('docker compose -f prod.yml up -d');
    await expect.poll(() => rows(page).count()).toBe(5);
    await rows(page).filter({ has: page.locator('code', { hasText: /^up$/ }) }).locator('a').tap();
    await page.waitForURL(/\/card\//);
    // The card's own example can be explained in place too.
    await page.getByRole('button', { name: 'Explain this command' }).first().tap();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(2);

    expect(server.requests.slice(before)).toEqual([]);
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });

  it("in a drill, the answer to 'What does this do?' explains the example shown", async () => {
    const context = await phoneContext(chromium);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt[data-card]').waitFor();
    const isIt = async () =>
      (await page.locator('.prompt').getAttribute('data-prompt')) === 'meaning-from-command' &&
      /^docker /.test((await page.locator('.prompt-code').textContent().catch(() => '')) ?? '');
    for (let i = 0; i < 30 && !(await isIt()); i++) await grade(page);
    expect(await isIt()).toBe(true);
    const shown = (await page.locator('.prompt-code').textContent())!;
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(1);
    // Every part of the example shown is a row, in order: the whole line, not only its base command.
    const parts = await page.locator('.explain .explain-part > code').allTextContents();
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(shown.trim().replace(/\s+/g, ' '));
    expect(errors).toEqual([]);
    await context.close();
  });
});
