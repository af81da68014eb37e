/**
 * A note is untrusted input. Notes full of script payloads — script tags, onerror attributes,
 * javascript: links, SVG onload, HTML in code blocks, in titles, headings, front matter and
 * file names — are imported, previewed, searched, opened, browsed and exported, and nothing runs:
 * no dialog, no global flag, not even an attempt stopped by the Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePhone } from './harness.ts';

interface StoredDeck {
  id: string;
  name: string;
  cards: Array<{ id: string; key: string; tags: string[] }>;
}

const payloadNote = readFileSync('tests/fixtures/import/xss-note.md');
const payloadName = `<img src=x onerror="window.__xss='file name';alert('file name')">.md`;

const phone = usePhone();
const dialogs: string[] = [];

beforeAll(async () => {
  // Record anything that tries to run inline script, before any page script starts.
  await phone.context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective}: ${e.sample}`));
  });
  phone.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

/** Nothing from the notes ran, and no markup from them reached the page. */
async function assertNothingRan(where: string) {
  const state = await phone.page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __violations: string[] };
    return {
      flag: w.__xss ?? null,
      violations: w.__violations,
      injected: document.querySelectorAll('main img, main iframe, main object, main embed, main script, main form[action], main math, main details[ontoggle], main [onerror], main [onload], main [onmouseover], main a[href^="javascript:" i]').length,
    };
  });
  expect({ where, ...state, dialogs }).toEqual({ where, flag: null, violations: [], injected: 0, dialogs: [] });
}

function savedDecks(): Promise<StoredDeck[]> {
  return phone.page.evaluate(
    () =>
      new Promise<StoredDeck[]>((resolve, reject) => {
        const open = indexedDB.open('deckhand');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('decks').objectStore('decks').getAll();
          r.onsuccess = () => (open.result.close(), resolve(r.result as StoredDeck[]));
        };
      }),
  );
}

describe('notes full of script payloads', () => {
  it('ships a Content-Security-Policy that allows only the app\'s own scripts', async () => {
    const html = await (await fetch(phone.server.url)).text();
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('previews them as text', async () => {
    await phone.page.goto(`${phone.server.url}/decks`);
    await phone.page.locator('.import-panel input[type=file]').setInputFiles([
      { name: 'xss-note.md', mimeType: 'text/markdown', buffer: payloadNote },
      { name: payloadName, mimeType: 'text/markdown', buffer: payloadNote },
    ]);
    await expect.poll(() => phone.page.locator('.draft-ready').count(), { timeout: 20_000 }).toBe(2);
    for (const details of await phone.page.locator('.draft details summary').all()) await details.click();
    // The payloads are there, as visible text.
    expect(await phone.page.locator('.drafts').textContent()).toContain('<img src=x onerror=');
    expect(await phone.page.locator('.drafts').textContent()).toContain(payloadName);
    await assertNothingRan('preview');
  });

  it('saves them, and lists them by their payload names', async () => {
    await phone.page.locator('.save-decks').click();
    await expect.poll(() => phone.page.locator('.saved-deck').count()).toBeGreaterThanOrEqual(2);
    expect(await phone.page.locator('.saved-decks').textContent()).toContain('<img src=x onerror=');
    await assertNothingRan('saved list');
  });

  it('searches them, with payload deck names in the deck filter', async () => {
    for (const q of ['img onerror', 'script', 'svg onload', 'javascript', 'alert', 'docker run -P', 'Publish ports', 'docker exec']) {
      await phone.page.goto(`${phone.server.url}/?q=${encodeURIComponent(q)}`);
      await phone.page.locator('.results li, .empty').first().waitFor();
      await assertNothingRan(`search ${q}`);
    }
    const options = await phone.page.locator('#deck-filter option').allTextContents();
    expect(options.some((o) => o.includes('<img'))).toBe(true);
  });

  it('opens every imported card and browses every imported topic', async () => {
    const decks = (await savedDecks()).filter((d) => d.cards.some((c) => c.key.includes('<') || c.tags.some((t) => t.includes('<'))) || d.name.includes('<'));
    expect(decks.length).toBe(2);
    const cards = decks.flatMap((d) => d.cards);
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      await phone.page.goto(`${phone.server.url}/card/${encodeURIComponent(card.id)}`);
      await phone.page.locator('.card-view h1').waitFor();
      await assertNothingRan(`card ${card.key}`);
    }
    for (const topic of new Set(cards.map((c) => c.tags[0]).filter((t): t is string => !!t))) {
      await phone.page.goto(`${phone.server.url}/topics/${encodeURIComponent(topic)}`);
      await phone.page.locator('main h1').waitFor();
      await assertNothingRan(`topic ${topic}`);
    }
    await phone.page.goto(`${phone.server.url}/topics`);
    await assertNothingRan('topics');
  });

  it('drills them', async () => {
    await phone.page.goto(`${phone.server.url}/settings`);
    const group = phone.page.getByRole('group', { name: 'Decks to study' });
    // Decks are listed by name (payloads, as text): every deck but the bundled one.
    const imported = group.locator('label').filter({ hasNotText: /^\s*(Everything|Docker \(built-in\))\s*$/ }).locator('input');
    await expect.poll(() => imported.count()).toBe((await savedDecks()).length);
    for (const box of await imported.all()) await box.check();
    await phone.page.goto(`${phone.server.url}/drill`);
    for (let i = 0; i < 4; i++) {
      await phone.page.locator('.drill-card, .summary').first().waitFor();
      if ((await phone.page.locator('.drill-card').count()) === 0) break;
      await phone.page.locator('.drill-head h1').click();
      await phone.page.keyboard.press('Space');
      await phone.page.locator('.grades').waitFor();
      await assertNothingRan(`drill answer ${i}`);
      await phone.page.keyboard.press('3');
    }
    await phone.page.goto(`${phone.server.url}/settings`);
    await group.getByLabel('Everything').check();
  });

  it('renames a deck to a payload, exports it, and pasted payloads stay text too', async () => {
    await phone.page.goto(`${phone.server.url}/decks`);
    const row = phone.page.locator('.saved-deck').first();
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.locator('.rename input').fill(`<svg onload="window.__xss='rename'">`);
    await row.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => phone.page.locator('.saved-decks').textContent()).toContain('<svg onload=');

    await Promise.all([phone.page.waitForEvent('download'), row.getByRole('button', { name: 'Export Markdown' }).click()]);
    await Promise.all([phone.page.waitForEvent('download'), row.getByRole('button', { name: 'Export for Anki' }).click()]);

    await phone.page.getByText('Paste text instead').click();
    await phone.page.getByLabel('Deck name').last().fill(`<script>window.__xss='paste name'</script>`);
    await phone.page.getByLabel('Note text').fill(payloadNote.toString('utf8'));
    await phone.page.getByRole('button', { name: 'Read this text' }).click();
    await expect.poll(() => phone.page.locator('.draft-ready').count()).toBe(1);
    await phone.page.locator('.save-decks').click();
    await expect.poll(() => phone.page.locator('.draft').count()).toBe(0);

    await phone.page.locator('.saved-deck').first().getByRole('button', { name: 'Delete' }).click();
    await phone.page.getByRole('dialog').waitFor();
    await assertNothingRan('delete dialog');
    await phone.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await phone.page.reload();
    await phone.page.locator('.saved-deck').first().waitFor();
    await assertNothingRan('after reload');
  });

  it('ran without page errors', () => {
    expect(phone.errors).toEqual([]);
  });
});
