/**
 * Issue 17 on a phone: what Anki users look for — bury and suspend (from the drill and the card
 * page) listed and undone in the card browser, reset progress, study more today, settings that
 * say why they refuse a value and what the browser answered, words for question types; and the
 * drill's typed feedback (one line per flag) and example flags.
 */
import { describe, expect, it } from 'vitest';
import { usePhone } from './harness.ts';
import { answer, grade, nextCard, shownCard } from './drill-steps.ts';

const phone = usePhone();

describe('setting cards aside on a phone', () => {
  it('buries and suspends from the drill, lists them in the browser, and puts them back', async () => {
    await phone.page.goto(`${phone.server.url}/drill`);
    const buried = await shownCard(phone.page);
    await phone.page.getByRole('button', { name: 'Bury until tomorrow' }).click();
    await nextCard(phone.page, buried);
    expect(await phone.page.locator('.drill-foot [role=status]').textContent()).toContain('comes back tomorrow');
    const suspended = await shownCard(phone.page);
    await phone.page.getByRole('button', { name: 'Suspend' }).click();
    await nextCard(phone.page, suspended);

    // "Put it back" undoes the last one at once.
    await phone.page.getByRole('button', { name: 'Put it back' }).click();
    await expect.poll(() => phone.page.getByRole('button', { name: 'Put it back' }).count()).toBe(0);
    await phone.page.goto(`${phone.server.url}/card/${encodeURIComponent(suspended)}`);
    await phone.page.getByRole('button', { name: 'Suspend' }).click();
    await phone.page.getByText('Suspended: left out of drills.').waitFor();

    // The browser lists them by state; Unsuspend there brings the card back.
    await phone.page.goto(`${phone.server.url}/browse?deck=docker&state=suspended`);
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(1);
    expect(await phone.page.locator('.browse-row').getAttribute('data-card')).toBe(suspended);
    await phone.page.goto(`${phone.server.url}/browse?deck=docker&state=buried`);
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(1);
    expect(await phone.page.locator('.browse-row').getAttribute('data-card')).toBe(buried);
    await phone.page.locator('.browse-row').getByRole('button', { name: 'Unbury' }).click();
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(0);
    await phone.page.goto(`${phone.server.url}/browse?deck=docker&state=suspended`);
    await phone.page.locator('.browse-row').getByRole('button', { name: 'Unsuspend' }).click();
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(0);
    expect(phone.errors).toEqual([]);
  });

  it('browses a deck with search, opens a card, and resets a graded card to new', async () => {
    await phone.page.goto(`${phone.server.url}/drill`);
    const graded = await grade(phone.page, 'Good');
    await phone.page.goto(`${phone.server.url}/browse?deck=docker&state=learning`);
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(1);
    const row = phone.page.locator('.browse-row').first();
    expect(await row.getAttribute('data-card')).toBe(graded);
    expect(await row.locator('.browse-meta').textContent()).toMatch(/Learning · due .* · 0 lapses/);
    await row.getByRole('button', { name: 'Reset progress' }).click();
    await row.getByRole('button', { name: 'Reset: make it new again' }).click();
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBe(0);

    await phone.page.goto(`${phone.server.url}/browse?deck=docker`);
    await phone.page.getByLabel('Search these cards').fill('publish all');
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBeGreaterThan(0);
    await phone.page.locator('.browse-row a').first().click();
    await phone.page.locator('.card-view').waitFor();
    expect(new URL(phone.page.url()).pathname).toMatch(/^\/card\//);
  });
});

describe('study more today', () => {
  it('gives ten more new cards once the day is done', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    const input = phone.page.getByLabel('New cards per day', { exact: true });
    await input.fill('0');
    await input.press('Tab');
    await expect.poll(() => phone.page.locator('.drill-settings [role=status]').textContent()).toContain('Saved');
    await phone.page.goto(`${phone.server.url}/drill`);
    await phone.page.locator('.summary').waitFor();
    const before = await phone.page.locator('.drill-counts .count-new').textContent();
    await phone.page.getByRole('button', { name: '10 more new cards' }).click();
    await shownCard(phone.page);
    expect(before).toMatch(/^0/);
    await expect.poll(() => phone.page.locator('.drill-counts .count-new').textContent()).toMatch(/^10/);
  });
});

describe('settings', () => {
  it('say why a daily limit of −5 is refused, label question types as words, and report the browser’s answer', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    await phone.page.locator('#drill-settings[aria-busy="false"]').waitFor();
    const input = phone.page.getByLabel('New cards per day', { exact: true });
    const kept = await input.inputValue();
    await input.fill('-5');
    await input.press('Tab');
    await expect.poll(() => phone.page.locator('.settings-refused').textContent()).toBe(`“-5” was not saved: enter a whole number from 0 to 9,999. Kept ${kept}.`);
    expect(await input.inputValue()).toBe(kept);

    await phone.page.locator('.prompt-picker summary').click();
    expect(await phone.page.locator('.prompt-picker legend').allTextContents()).toEqual(['Commands', 'Flags', 'Comparisons']);

    const ask = phone.page.getByRole('button', { name: 'Ask to keep my data' });
    if (await ask.count()) {
      await ask.click();
      await expect.poll(() => phone.page.locator('.persist-answer').textContent()).toMatch(/^The browser said (yes|no)/);
    } else {
      expect(await phone.page.locator('.persist-state').getAttribute('data-persist')).toBe('persisted');
    }
  });
});

describe('typed answers and example flags', () => {
  it('shows one line per flag for an answer with extra flags, and calls it wrong', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    const input = phone.page.getByLabel('New cards per day', { exact: true });
    await input.fill('400');
    await input.press('Tab');
    await phone.page.locator('.prompt-picker summary').click();
    const commands = phone.page.locator('.prompt-picker fieldset').filter({ has: phone.page.locator('legend', { hasText: /^Commands$/ }) });
    for (const label of ['Meaning from command', 'Command from meaning']) {
      const box = commands.getByLabel(label);
      if (await box.isChecked()) await box.uncheck();
      await expect.poll(() => box.isChecked()).toBe(false);
    }
    await phone.page.goto(`${phone.server.url}/drill`);
    for (let i = 0; i < 40 && (await phone.page.locator('.prompt').getAttribute('data-prompt')) !== 'typed-command'; i++) await grade(phone.page, 'Easy');
    expect(await phone.page.locator('.prompt').getAttribute('data-prompt')).toBe('typed-command');
    await answer(phone.page, 'docker system prune -af --volumes');
    expect(await phone.page.locator('.typed-feedback .verdict').textContent()).toBe('Not quite');
    const extra = phone.page.locator('.typed-line.extra');
    expect(await extra.locator('code').allTextContents()).toEqual(expect.arrayContaining(['-a', '-f', '--volumes']));
    expect(await extra.first().locator('.line-note').textContent()).toBe('extra: changes what the command does');
  });
});

describe('the forecast on a phone', () => {
  it('reads the week ahead without hover', async () => {
    await phone.page.goto(`${phone.server.url}/stats`);
    await phone.page.locator('[data-stats-ready]').waitFor();
    const days = await phone.page.locator('.forecast-week li').allTextContents();
    expect(days).toHaveLength(7);
    expect(days[0]).toMatch(/^Today \d+$/);
    expect(days[1]).toMatch(/^Tomorrow \d+$/);
  });
});
