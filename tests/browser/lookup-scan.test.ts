/**
 * Scanning on a phone (390 × 844): a topic is a dense cheat sheet, results carry their example
 * command, a corrected query says so, back restores the results where they were, and a laptop
 * keyboard moves through the results.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePhone, watchErrors } from './harness.ts';

const PHONE_390 = { width: 390, height: 844 };
const RUN_TOPIC = `/topics/${encodeURIComponent('Run · 运行')}`;

const phone = usePhone({ viewport: PHONE_390, permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = () => phone.page.evaluate(() => navigator.clipboard.readText());

describe('a topic as a cheat sheet', () => {
  it('shows at least 15 command/flag rows with their meaning on one phone screen', async () => {
    await phone.page.goto(phone.server.url + RUN_TOPIC);
    await phone.page.locator('.sheet-row').first().waitFor();
    const onScreen = await phone.page.evaluate(() => {
      const nav = document.querySelector('.top nav')!.getBoundingClientRect();
      const bottom = Math.min(innerHeight, nav.top);
      return [...document.querySelectorAll('.sheet-row')].filter((row) => {
        const r = row.getBoundingClientRect();
        const key = row.querySelector('.sheet-key')?.textContent?.trim();
        const meaning = row.querySelector('.sheet-title')?.textContent?.trim();
        return r.top >= 0 && r.bottom <= bottom && !!key && !!meaning;
      }).length;
    });
    expect(onScreen).toBeGreaterThanOrEqual(15);
    // grouped: the note's sub-sections (ports, volumes, …) are headed sections of their own
    expect(await phone.page.locator('.sheet-section h2').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ports/)]));
  });

  it('copies a row’s example with one tap, without the row changing size', async () => {
    const row = phone.page.locator('.sheet-row').filter({ has: phone.page.locator('.sheet-key', { hasText: /^-d$/ }) });
    const copy = row.getByRole('button', { name: /^Copy: docker run .*-d\b/ });
    const label = (await copy.getAttribute('aria-label'))!;
    const before = await row.boundingBox();
    await copy.click();
    await expect.poll(clipboard).toBe(label.replace(/^Copy: /, ''));
    expect(await row.boundingBox()).toEqual(before);
  });

  it('offers "Drill this topic", which starts a drill of just this topic', async () => {
    await phone.page.getByRole('button', { name: 'Drill this topic' }).click();
    await phone.page.waitForURL(/\/drill$/);
    await phone.page.goto(`${phone.server.url}/settings`);
    const summary = phone.page.locator('.topics-picker summary');
    await expect.poll(() => summary.textContent()).toMatch(/: Run$/);
  });
});

describe('results', () => {
  it('each shows its example command, copyable from the results', async () => {
    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('docker run -P')}`);
    const first = phone.page.locator('.results > li').first();
    const command = first.locator('.result-command code');
    await expect.poll(() => command.textContent()).toMatch(/^docker run .*-P\b/);
    const copyButton = first.locator('.result-command').getByRole('button');
    // A command query also brings its explanation above the results (loaded on demand): measure
    // once the page has settled, so only the Copy button itself could move what follows.
    let before = await copyButton.boundingBox();
    await expect
      .poll(async () => {
        const now = await copyButton.boundingBox();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      }, { interval: 400 })
      .toBe(true);
    await copyButton.click();
    await expect.poll(clipboard).toBe(await command.textContent());
    expect(await copyButton.boundingBox()).toEqual(before);
  });

  it('says what a misspelt query was read as', async () => {
    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('dokcer rnu')}`);
    const line = phone.page.locator('.corrected');
    await expect.poll(() => line.textContent()).toMatch(/^\s*Showing results for docker run — searched dokcer rnu\s*$/);
    expect(await line.locator('code').allTextContents()).toEqual(['docker run', 'dokcer rnu']);
    expect(await phone.page.locator('.results .result-key').first().textContent()).toBe('docker run');

    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('docker run')}`);
    await phone.page.locator('.results li').first().waitFor();
    expect(await phone.page.locator('.corrected').count()).toBe(0);
  });

  it('offers the closest cards and their topics when nothing matches', async () => {
    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('容噐')}`);
    await expect.poll(() => phone.page.locator('.empty').textContent()).toContain('No card matches');
    const closest = phone.page.locator('.closest a');
    expect(await closest.count()).toBeGreaterThan(0);
    expect(await closest.first().getAttribute('href')).toMatch(/^\/card\//);
    const topics = phone.page.locator('.empty .topic-chip');
    expect(await topics.allTextContents()).toContain('Containers');
    expect(await topics.first().getAttribute('href')).toMatch(/^\/topics\//);
  });

  it('comes back from a card to the same results, scrolled where they were', async () => {
    await phone.page.goto(`${phone.server.url}/?q=run`);
    const items = phone.page.locator('.results > li');
    await expect.poll(() => items.count()).toBeGreaterThan(12);
    await items.nth(10).scrollIntoViewIfNeeded();
    await phone.page.evaluate(() => scrollBy(0, 37));
    const y = await phone.page.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(300);
    const href = await items.nth(10).locator('a.result').getAttribute('href');
    await items.nth(10).locator('a.result').click();
    await phone.page.waitForURL(phone.server.url + href);
    await phone.page.locator('.card-view h1').waitFor();

    await phone.page.goBack();
    await phone.page.waitForURL(`${phone.server.url}/?q=run`);
    await expect.poll(() => phone.page.evaluate(() => scrollY)).toBe(y);
    expect(await items.count()).toBeGreaterThan(12);
  });
});

describe('a laptop keyboard', () => {
  let laptop: BrowserContext;
  let tab: Page;
  let tabErrors: string[];

  beforeAll(async () => {
    laptop = await phone.chromium.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    tab = await laptop.newPage();
    tabErrors = watchErrors(tab);
  });

  afterAll(async () => {
    await laptop.close();
    expect(tabErrors).toEqual([]);
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    await tab.goto(`${phone.server.url}/?q=rmi`);
    const links = tab.locator('.results a.result');
    await links.nth(2).waitFor();
    const focusedHref = () => tab.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
    await tab.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(await links.nth(0).getAttribute('href'));
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('ArrowUp');
    const second = await links.nth(1).getAttribute('href');
    expect(await focusedHref()).toBe(second);
    await tab.keyboard.press('Enter');
    await tab.waitForURL(phone.server.url + second);
  });

  it('focuses the search box with "/" from any screen', async () => {
    await tab.goto(`${phone.server.url}/topics`);
    await tab.locator('.topics a').first().waitFor();
    await tab.keyboard.press('/');
    await tab.waitForURL(/\/(\?q=.*)?$/);
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await tab.locator('#search-input').inputValue()).toBe(''); // "/" is not typed into it
  });

  it('shows the keys hint, not the swipe hint, in a drill', async () => {
    await tab.goto(`${phone.server.url}/drill`);
    await tab.locator('.keys-hint').waitFor();
    expect(await tab.locator('.swipe-hint').isVisible()).toBe(false);
    expect(await tab.locator('.keys-hint').isVisible()).toBe(true);
  });
});

describe('on a touch screen', () => {
  it('shows the swipe hint in a drill', async () => {
    await phone.page.goto(`${phone.server.url}/drill`);
    await phone.page.locator('.swipe-hint').waitFor();
    expect(await phone.page.locator('.swipe-hint').isVisible()).toBe(true);
  });

  it('fits the Chinese placeholder in the search box', async () => {
    const zh = await phone.chromium.newContext({ viewport: PHONE_390, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const p = await zh.newPage();
    await p.goto(phone.server.url);
    const box = p.getByRole('searchbox', { name: '搜索卡片' });
    await box.waitFor();
    const fits = await box.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24; // the clear button
      // Chinese glyphs are a full em in every CJK font (this machine may have none to measure)
      const width = [...input.placeholder].reduce(
        (sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? parseFloat(style.fontSize) : ctx.measureText(ch).width),
        0,
      );
      return width <= room;
    });
    expect(fits).toBe(true);
    await zh.close();
  });

  it('keeps a flag on one line in the results', async () => {
    await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent('--expose')}`);
    const key = phone.page.locator('.results .result-key').first();
    await expect.poll(() => key.textContent()).toContain('--expose');
    expect(await key.locator('.nobr', { hasText: '--expose' }).evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  });

  it('ran without page errors', () => {
    expect(phone.errors).toEqual([]);
  });
});
