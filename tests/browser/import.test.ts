/**
 * Bringing your own notes, on a phone, against the production build: pick, drop, preview,
 * save, search with the deck filter, browse topics, open a card, drill. What happens to saved
 * decks afterwards is in import-decks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { usePhone } from './harness.ts';
import { file, fixture, notesSteps } from './import-steps.ts';

const phone = usePhone();
const { savedDecks, scheduleIds, deckByFile, pickInput, draft, savedDeck, openNotes, saveDrafts } = notesSteps(phone);

describe('importing your own notes on a phone', () => {
  it('picks several notes at once and previews cards per kind and warnings before saving anything', async () => {
    await phone.page.goto(phone.server.url);
    await phone.page.getByRole('link', { name: 'Notes' }).click();
    await openNotes();
    await pickInput().setInputFiles([file('ops-notes.md'), file('shell-snippets.txt', undefined, 'text/plain'), file('zh-note.gbk.md')]);

    await expect.poll(() => phone.page.locator('.draft-ready').count(), { timeout: 20_000 }).toBe(3);
    // Named from the front-matter title, else the file name.
    const ops = draft('ops-notes.md');
    expect(await ops.getByLabel('Deck name').inputValue()).toBe('Day-two ops');
    expect(await draft('shell-snippets.txt').getByLabel('Deck name').inputValue()).toBe('shell-snippets');
    expect(await draft('zh-note.gbk.md').getByLabel('Deck name').inputValue()).toBe('我的容器笔记');
    expect((await draft('zh-note.gbk.md').locator('.draft-file').textContent())?.trim()).toBe('From zh-note.gbk.md · read as GBK');

    // Cards per kind add up to the total; this note has flags and a comparison.
    const found = Number((await ops.locator('.draft-found').textContent())!.match(/\d+/)![0]);
    const counts = Object.fromEntries(
      await ops.locator('.kind-counts li').evaluateAll((items) =>
        items.map((li) => [(li as HTMLElement).dataset.kind, Number(li.querySelector('.count')?.textContent)]),
      ),
    ) as Record<string, number>;
    expect(counts.command! + counts.flag! + counts.compare! + counts.concept!).toBe(found);
    expect(counts.flag).toBeGreaterThan(0);
    expect(counts.compare).toBeGreaterThan(0);
    await ops.locator('.draft-cards summary').click();
    expect(await ops.locator('.draft-cards li').count()).toBe(found);

    // The GBK note decoded to the same Chinese text as its UTF-8 original.
    await draft('zh-note.gbk.md').locator('.draft-cards summary').click();
    expect(await draft('zh-note.gbk.md').locator('.draft-cards').textContent()).toMatch(/[\u4e00-\u9fff]/);

    expect(await savedDecks()).toEqual([]);
  });

  it('takes notes dropped on the page (desktop) and lists the warnings of what it skipped', async () => {
    const text = fixture('half-translated.md').toString('utf8');
    await phone.page.locator('.import-panel').evaluate((panel, body) => {
      const data = new DataTransfer();
      data.items.add(new File([body], 'half-translated.md', { type: 'text/markdown' }));
      panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    const dropped = draft('half-translated.md');
    await dropped.locator('.draft-found').waitFor();
    await dropped.locator('.warnings summary').click();
    const warnings = await dropped.locator('.warnings li').allTextContents();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/^Line \d+: .*docker volume inspect/);
    await dropped.getByRole('button', { name: 'Discard' }).click();
  });

  it('refuses binary, oversized and undecodable files with a message that says why', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x61);
    await pickInput().setInputFiles([
      file('photo.png', png, 'image/png'),
      file('huge.md', big),
      file('tw-note.big5.md'),
    ]);
    await expect.poll(() => phone.page.locator('.draft-failed').count()).toBe(3);
    expect(await draft('photo.png').getByRole('alert').textContent()).toContain('This is an image, not a text note. Import .md or .txt files.');
    expect(await draft('huge.md').getByRole('alert').textContent()).toContain('over the 5 MB limit for a note');
    expect(await draft('tw-note.big5.md').getByRole('alert').textContent()).toContain(
      'This file is not valid UTF-8 (line 1) and does not read as GBK Chinese either',
    );
    for (const name of ['photo.png', 'huge.md', 'tw-note.big5.md']) await draft(name).getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => phone.page.locator('.draft-failed').count()).toBe(0);
  });

  it('renames a deck before saving, then saves every previewed note with its source text', async () => {
    await draft('shell-snippets.txt').getByLabel('Deck name').fill('Compose reminders');
    await expect.poll(() => phone.page.locator('.save-decks').textContent()).toBe('Save 3 decks');
    await saveDrafts();
    await expect.poll(() => phone.page.locator('.import-notice').textContent()).toContain('Saved 3 decks');

    for (const name of ['Day-two ops', 'Compose reminders', '我的容器笔记']) await savedDeck(name).waitFor();
    const decks = await savedDecks();
    expect(decks.map((d) => d.name).sort()).toEqual(['Compose reminders', 'Day-two ops', '我的容器笔记']);
    expect((await deckByFile('ops-notes.md')).sourceText).toBe(fixture('ops-notes.md').toString('utf8'));
    expect((await deckByFile('zh-note.gbk.md')).sourceText).toBe(fixture('zh-note.md').toString('utf8'));
    for (const d of decks) expect(d.cards.length).toBeGreaterThan(0);
  });

  it('finds imported cards in search, and the deck filter narrows results to one deck', async () => {
    const ops = await deckByFile('ops-notes.md');
    const opsIds = new Set(ops.cards.map((c) => c.id));
    await phone.page.getByRole('link', { name: 'Search' }).first().click();
    const box = phone.page.getByRole('searchbox', { name: 'Search cards' });
    await box.fill('docker logs');
    await expect.poll(() => phone.page.locator('.results li').count()).toBeGreaterThan(0);

    const hrefs = () => phone.page.locator('.results li a').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.replace('/card/', ''))));
    const filter = phone.page.getByLabel('Deck', { exact: true });
    await filter.selectOption({ label: 'Day-two ops' });
    await expect.poll(async () => (await hrefs()).length).toBeGreaterThan(0);
    expect((await hrefs()).every((id) => opsIds.has(id))).toBe(true);
    // The filter is part of the search's URL: a reload (or a shared link) shows the same results.
    expect(new URL(phone.page.url()).searchParams.get('deck')).toBe(ops.id);
    const narrowed = await hrefs();
    await phone.page.reload();
    await expect.poll(() => filter.inputValue()).toBe(ops.id);
    await expect.poll(hrefs).toEqual(narrowed);

    await filter.selectOption({ label: 'Docker (built-in)' });
    await expect.poll(async () => (await hrefs()).some((id) => opsIds.has(id))).toBe(false);
    expect((await hrefs()).length).toBeGreaterThan(0);

    await filter.selectOption({ label: 'All decks' });
    await box.fill('磁盘占用');
    await expect.poll(() => phone.page.locator('.results li').count()).toBeGreaterThan(0);
  });

  it('lists topics deck by deck, and a topic of an imported deck shows that deck\'s cards', async () => {
    const ops = await deckByFile('ops-notes.md');
    const opsIds = new Set(ops.cards.map((c) => c.id));
    const opsTopics = new Set(ops.cards.map((c) => c.tags[0]).filter(Boolean));
    await phone.page.getByRole('link', { name: 'Topics' }).first().click();
    const headings = phone.page.locator('.topic-deck h2');
    await expect.poll(() => headings.allTextContents()).toContain('Day-two ops');
    expect((await headings.allTextContents())[0]).toBe('Docker (built-in)');

    const opsSection = phone.page.getByRole('region', { name: 'Day-two ops' });
    const listed = await opsSection.locator('.topic span:first-child').allTextContents();
    expect(listed.length).toBe(opsTopics.size);
    await opsSection.locator('.topic').first().click();
    await phone.page.waitForURL(/\/topics\/.+\?deck=/);
    expect(new URL(phone.page.url()).searchParams.get('deck')).toBe(ops.id);
    expect(await phone.page.locator('.crumbs').textContent()).toContain('Day-two ops');
    await phone.page.locator('.sheet-row a').first().waitFor(); // the topic page is a cheat sheet of links
    const shown = await phone.page.locator('.sheet-row a').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.replace('/card/', ''))));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => opsIds.has(id))).toBe(true);
  });

  it('opens an imported card from its link with its own text, never saying "not found" on the way', async () => {
    const ops = await deckByFile('ops-notes.md');
    const card = ops.cards.find((c) => c.kind === 'flag')!;
    // A fresh page, as when the link is opened from elsewhere: the imported decks load after the first render.
    const fresh = await phone.context.newPage();
    try {
      await fresh.addInitScript({
        content: `new MutationObserver(() => { if (document.querySelector('.not-found')) window.sawNotFound = true; })
          .observe(document, { subtree: true, childList: true });`,
      });
      await fresh.goto(`${phone.server.url}/card/${encodeURIComponent(card.id)}`);
      await expect.poll(() => fresh.locator('.card-view h1').textContent()).toBe(card.text.en!.title);
      expect(await fresh.evaluate(() => (window as unknown as { sawNotFound?: boolean }).sawNotFound ?? false)).toBe(false);
      // A link to a card that exists nowhere still says so once everything has loaded.
      await fresh.goto(`${phone.server.url}/card/no-such-card`);
      await expect(fresh.locator('.not-found h1').textContent()).resolves.toMatch(/not found/i);
    } finally {
      await fresh.close(); // an open second page would hold the database for the tests after this one
    }
  });

  it('drills the imported deck on its own and stores the grade under the card id', async () => {
    const ops = await deckByFile('ops-notes.md');
    await phone.page.goto(`${phone.server.url}/settings`);
    const only = phone.page.getByRole('group', { name: 'Decks to study' }).getByLabel('Day-two ops', { exact: true });
    await only.check();
    await phone.page.goto(`${phone.server.url}/drill`);
    await phone.page.locator('.drill-card').waitFor();
    await phone.page.locator('.drill-head h1').click();
    await phone.page.keyboard.press('Space');
    await phone.page.locator('.grades').waitFor();
    await phone.page.keyboard.press('3');
    await expect.poll(async () => [...(await scheduleIds())].filter((id) => ops.cards.some((c) => c.id === id)).length).toBe(1);

    // Back to studying everything, so later tests start from the default.
    await phone.page.goto(`${phone.server.url}/settings`);
    await phone.page.getByRole('group', { name: 'Decks to study' }).getByLabel('Everything').check();
  });


  it('ran without page errors', () => {
    expect(phone.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
