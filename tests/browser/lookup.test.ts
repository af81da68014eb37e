import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, usePhone, watchErrors } from './harness.ts';

const phone = usePhone({ permissions: ['clipboard-read', 'clipboard-write'] });

describe('looking a card up on a phone', () => {
  it('focuses the labelled search box on open', async () => {
    await phone.page.goto(phone.server.url);
    const box = phone.page.getByRole('searchbox', { name: 'Search cards' });
    await box.waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.getAttribute('type')).toBe('search');
  });

  it('finds the publish-all card first for -P, opens it and copies its command', async () => {
    await phone.page.getByRole('searchbox', { name: 'Search cards' }).fill('-P');
    const first = phone.page.locator('.results li').first();
    await expect.poll(() => first.locator('.result-key').textContent()).toContain('-P');
    expect(await first.locator('.result-key').textContent()).not.toMatch(/-p\b/);
    expect(phone.page.url()).toBe(`${phone.server.url}/?q=-P`);

    await first.locator('a').click();
    await phone.page.waitForURL(/\/card\//);
    const command = (await phone.page.locator('.command-line code').first().textContent()) ?? '';
    expect(command).toMatch(/docker (container )?(run|create) .*-P\b/);
    await phone.page.locator('.command-line').first().getByRole('button', { name: /Copy/ }).click();
    await expect.poll(() => phone.page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    await expect.poll(async () => (await phone.page.locator('.command-line .copy').first().innerText()).trim()).toBe('Copied');
  });

  it('keeps -p and -P apart', async () => {
    await phone.page.goto(`${phone.server.url}/?q=-p`);
    const key = await phone.page.locator('.results li .result-key').first().textContent();
    expect(key).toMatch(/-p\b/);
    expect(key).not.toContain('-P');
  });

  it('opens a deep link directly and says "not found" for an unknown card, offering search', async () => {
    await phone.page.goto(`${phone.server.url}/?q=rmi`);
    const href = await phone.page.locator('.results li a').first().getAttribute('href');
    expect(href).toMatch(/^\/card\//);
    await phone.page.goto(phone.server.url + href);
    await expect.poll(() => phone.page.locator('.card-view h1').textContent()).toBeTruthy();

    await phone.page.goto(`${phone.server.url}/card/no-such-card`);
    await expect.poll(() => phone.page.getByRole('heading', { name: 'Card not found' }).count()).toBe(1);
    await phone.page.getByRole('link', { name: 'Search' }).last().click();
    await phone.page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
  });

  it('puts the compare card first for "A B" and highlights both sides', async () => {
    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('save export')}`);
    const first = phone.page.locator('.results li').first();
    await expect.poll(() => first.locator('.kind').textContent()).toBe('compare');
    const marked = await first.locator('.result-key mark').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['save', 'export']));
  });

  it('browses by topic when you do not know what to type', async () => {
    await phone.page.goto(`${phone.server.url}/topics`);
    const topics = phone.page.locator('.topics a');
    await topics.first().waitFor();
    expect(await topics.count()).toBeGreaterThan(3);
    await topics.first().click();
    await phone.page.waitForURL(/\/topics\/.+/);
    await phone.page.locator('.sheet-row').first().waitFor();
    expect(await phone.page.locator('.sheet-row').count()).toBeGreaterThan(0);
  });

  it('switches the interface between Chinese and English, and remembers it', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    await phone.page.getByLabel('中文').check();
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('设置');
    expect(await phone.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await phone.page.goto(phone.server.url);
    await phone.page.getByRole('searchbox', { name: '搜索卡片' }).waitFor();
    await phone.page.getByRole('searchbox').fill('-P');
    const title = await phone.page.locator('.results .result-title').first().textContent();
    expect(title).toMatch(/[\u4e00-\u9fff]/);

    await phone.page.goto(`${phone.server.url}/settings`);
    await phone.page.getByLabel('English').check();
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
  });

  it('follows the system theme unless overridden, and remembers the override', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    const background = () => phone.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const themes = phone.page.getByRole('group', { name: 'Theme' });
    await themes.getByLabel('Dark').check();
    expect(await phone.page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(light);
    await phone.page.reload();
    await themes.getByLabel('Dark').waitFor();
    expect(await phone.page.locator('html').getAttribute('data-theme')).toBe('dark');
    await themes.getByLabel('System').check();
    expect(await phone.page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await background()).toBe(light);
  });

  it('ran without page errors', () => {
    expect(phone.errors).toEqual([]);
  });
});

describe('the browser language picks the default', () => {
  it('opens in Chinese for a zh-CN browser', async () => {
    const zh = await phoneContext(phone.chromium, { locale: 'zh-CN' });
    const zhPage = await zh.newPage();
    await zhPage.goto(phone.server.url);
    await zhPage.getByRole('searchbox', { name: '搜索卡片' }).waitFor();
    expect(await zhPage.locator('html').getAttribute('lang')).toBe('zh-CN');
    await zh.close();
  });
});

describe('bad card data', () => {
  it('shows a clear message with a retry instead of a blank page, and recovers', async () => {
    const ctx = await phoneContext(phone.chromium);
    const p = await ctx.newPage();
    let broken = true;
    await p.route(/\/assets\/cards-.*\.json$/, (route) =>
      broken ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"cards": [trunc' }) : route.continue(),
    );
    await p.goto(phone.server.url);
    const alert = p.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('could not be loaded');
    broken = false;
    await p.getByRole('button', { name: 'Try again' }).click();
    await p.getByRole('searchbox', { name: 'Search cards' }).waitFor();
    await ctx.close();
  });
});

describe('typing before the app is ready', () => {
  /** Holds every response whose URL matches until `release()`; `held()` says once one is waiting. */
  async function hold(p: Page, url: RegExp) {
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    let waiting = false;
    await p.route(url, async (route) => {
      waiting = true;
      await released;
      await route.continue();
    });
    return { release, held: () => waiting };
  }

  it('answers a query typed while the cards download, once they are in', async () => {
    const ctx = await phoneContext(phone.chromium);
    const p = await ctx.newPage();
    const pageErrors = watchErrors(p);
    const cards = await hold(p, /\/assets\/cards-[\w-]+\.json$/);
    await p.goto(phone.server.url);
    await expect.poll(cards.held).toBe(true);
    const box = p.getByRole('searchbox', { name: 'Search cards' });
    await box.fill('rmi');
    await expect.poll(() => p.getByRole('status').first().textContent()).toBe('Loading cards…');
    cards.release();
    await expect.poll(() => p.locator('.results li .result-key').first().textContent(), { timeout: 30_000 }).toContain('docker rmi');
    expect(await box.inputValue()).toBe('rmi');
    expect(await p.locator('.empty').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });

  it('keeps what was typed into the painted page before its script ran, and answers it', async () => {
    const ctx = await phoneContext(phone.chromium);
    const p = await ctx.newPage();
    const pageErrors = watchErrors(p);
    const script = await hold(p, /\/assets\/index-[\w-]+\.js$/);
    await p.goto(phone.server.url, { waitUntil: 'commit' });
    await expect.poll(script.held).toBe(true);
    const box = p.getByRole('searchbox', { name: 'Search cards' });
    await box.fill('docker rmi');
    script.release();
    await expect.poll(() => p.locator('.results li .result-key').first().textContent(), { timeout: 30_000 }).toContain('docker rmi');
    expect(await box.inputValue()).toBe('docker rmi');
    expect(p.url()).toBe(`${phone.server.url}/?q=docker%20rmi`);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});
