/** What a learner does in a drill, as browser-test steps shared by the drill test files. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Grade = 'Again' | 'Hard' | 'Good' | 'Easy';
export type Counts = { new: number; learning: number; review: number };

/** The "new / learning / review" counters over the drill. */
export async function counts(page: Page): Promise<Counts> {
  const n = async (cls: string) => Number(/(\d+)/.exec((await page.locator(`.drill-counts .${cls}`).textContent()) ?? '')?.[1]);
  return { new: await n('count-new'), learning: await n('count-learning'), review: await n('count-review') };
}

/** Id of the card on screen, or null when none is (the session is over). */
export async function cardOn(page: Page): Promise<string | null> {
  return (await page.locator('.prompt').count()) ? page.locator('.prompt').getAttribute('data-card') : null;
}

/** Waits for a card and gives its id. */
export async function shownCard(page: Page): Promise<string> {
  await page.locator('.prompt[data-card]').waitFor();
  return (await page.locator('.prompt').getAttribute('data-card')) ?? '';
}

/** Answers whatever question is shown (typed, pick or plain reveal); resolves to the card id. */
export async function answer(page: Page, typed = 'docker'): Promise<string> {
  const id = await shownCard(page);
  const type = await page.locator('.prompt').getAttribute('data-prompt');
  if (type === 'typed-command') {
    await page.getByLabel('Your command').fill(typed);
    await page.getByRole('button', { name: 'Check' }).click();
  } else if (type === 'confusable') {
    await page.locator('.choice').first().click();
  } else {
    await page.getByRole('button', { name: 'Show answer' }).click();
  }
  await page.locator('.grades').waitFor();
  return id;
}

/** Waits until the card on screen is no longer `id` (the grade was stored and the next card shown). */
export async function nextCard(page: Page, id: string): Promise<void> {
  await expect.poll(() => cardOn(page)).not.toBe(id);
}

/** Answers the card on screen and grades it; resolves to its id once the next card is up. */
export async function grade(page: Page, grade: Grade = 'Good'): Promise<string> {
  const id = await answer(page);
  await page.locator('.grades').getByRole('button', { name: new RegExp(`^${grade}`) }).click();
  await nextCard(page, id);
  return id;
}
