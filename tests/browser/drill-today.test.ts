/**
 * Issue 17 on a phone: the drill's summary and the Stats screen count today from the review log
 * (the same figures, each said what it means, unchanged by a reload); the four grade buttons
 * always read four different intervals; decks are listed by name, never by id.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePhone } from './harness.ts';
import { answer, nextCard } from './drill-steps.ts';

const phone = usePhone();

/** Answers the card on screen, checks its four buttons, grades it; resolves to its id. */
async function gradeChecked(grade: 'Again' | 'Hard' | 'Good' | 'Easy'): Promise<string> {
  const id = await answer(phone.page);
  const labels = await phone.page.locator('.grade-interval').allTextContents();
  expect(new Set(labels).size, labels.join(' ')).toBe(4);
  await phone.page.locator('.grades').getByRole('button', { name: new RegExp(`^${grade}`) }).click();
  await nextCard(phone.page, id);
  return id;
}

async function setNumber(label: string, value: string): Promise<void> {
  const input = phone.page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Tab');
}

describe("today's figures on a phone", () => {
  it('come from the review log: the summary survives a reload and Stats tells the same story', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    await setNumber('New cards per day', '2');
    await expect.poll(() => phone.page.locator('.drill-settings [role=status]').textContent()).toContain('Saved');

    // Two new cards: Again then Easy on the first, Hard then Easy on the second.
    await phone.page.goto(`${phone.server.url}/drill`);
    const first = await gradeChecked('Again');
    const second = await gradeChecked('Hard');
    expect(await phone.page.locator('.prompt').getAttribute('data-card')).toBe(first); // back early (learn-ahead)
    await gradeChecked('Easy');
    expect(await phone.page.locator('.prompt').getAttribute('data-card')).toBe(second);
    await gradeChecked('Easy');

    const summary = phone.page.locator('.summary');
    const read = async () => ({
      graded: await summary.locator('.summary-graded').textContent(),
      breakdown: await summary.locator('.summary-breakdown').textContent(),
      remembered: await summary.locator('.summary-remembered').textContent(),
      ratings: await summary.locator('.summary-ratings li').allTextContents(),
    });
    await summary.waitFor();
    const before = await read();
    expect(before.graded).toMatch(/^Today: 4 grades in 1 min/);
    expect(before.breakdown).toBe('2 new cards seen for the first time · 2 learning steps · 0 reviews of cards that came due');
    expect(before.remembered).toBe('75% remembered (not Again)');
    expect(before.ratings).toEqual(['Again: 1', 'Hard: 1', 'Good: 0', 'Easy: 2']);

    await phone.page.reload();
    await summary.waitFor();
    expect(await read()).toEqual(before);

    await phone.page.getByRole('link', { name: 'Stats' }).first().click();
    await phone.page.locator('[data-stats-ready]').waitFor();
    expect(await phone.page.locator('.stat-today').textContent()).toBe('4');
    expect(await phone.page.locator('.stat-today-detail').textContent()).toBe(before.breakdown);
    expect(await phone.page.locator('.stat-retention').textContent()).toBe('75.0%');
    expect(phone.errors).toEqual([]);
  });
});

describe('decks on a phone', () => {
  it('are listed by name in "Decks to study": the bundled deck, a note named from its file, two same names told apart', async () => {
    const text = readFileSync('tests/fixtures/import/shell-snippets.txt');
    await phone.page.goto(`${phone.server.url}/decks`);
    await phone.page.locator('.import-panel input[type=file]').setInputFiles([
      { name: 'shell-snippets 3f2a9c8b1e7d.txt', mimeType: 'text/plain', buffer: text },
      { name: 'shell-snippets.txt', mimeType: 'text/plain', buffer: text },
    ]);
    await expect.poll(() => phone.page.locator('.draft-ready').count(), { timeout: 20_000 }).toBe(2);
    await phone.page.locator('.save-decks').click();
    await expect.poll(() => phone.page.locator('.saved-deck').count()).toBe(2);
    expect((await phone.page.locator('.saved-deck h3').allTextContents()).sort()).toEqual([
      'shell-snippets — shell-snippets 3f2a9c8b1e7d.txt',
      'shell-snippets — shell-snippets.txt',
    ]);

    // A saved deck opens from Notes to its cards (and its topics).
    await phone.page.locator('.saved-deck').first().getByRole('link', { name: 'Browse cards' }).click();
    await expect.poll(() => phone.page.locator('.browse-row').count()).toBeGreaterThan(0);
    expect(await phone.page.locator('h1').textContent()).toMatch(/^Cards of shell-snippets — /);
    expect(await phone.page.locator('.browse-row[data-state=new]').count()).toBe(await phone.page.locator('.browse-row').count());

    await phone.page.goto(`${phone.server.url}/settings`);
    const decks = phone.page.getByRole('group', { name: 'Decks to study' });
    await decks.waitFor();
    const labels = (await decks.locator('label').allTextContents()).map((l) => l.trim());
    expect(labels.slice(0, 2)).toEqual(['Everything', 'Docker (built-in)']);
    expect(labels.slice(2).sort()).toEqual(['shell-snippets — shell-snippets 3f2a9c8b1e7d.txt', 'shell-snippets — shell-snippets.txt']);
  });
});
