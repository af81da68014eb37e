/** The Notes page is accessible in both themes, and in Chinese. */
import { describe, expect, it } from 'vitest';
import { phoneContext, seriousViolations, useBrowser } from './harness.ts';
import { file } from './import-steps.ts';

const app = useBrowser();

describe.each(['light', 'dark'] as const)('the Notes page in the %s theme', (colorScheme) => {
  it('has no serious axe violations: empty, previews (ready and failed), saved decks, delete dialog; and speaks Chinese', async () => {
    const ctx = await phoneContext(app.chromium, { colorScheme });
    const p = await ctx.newPage();
    await p.goto(`${app.server.url}/decks`);
    await p.getByRole('heading', { level: 1, name: 'Your notes' }).waitFor();
    expect(await seriousViolations(p)).toEqual([]);

    await p.locator('.import-panel input[type=file]').setInputFiles([file('ops-notes.md'), file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'image/png')]);
    await p.locator('.draft-ready').waitFor();
    await p.locator('.draft-failed').waitFor();
    await p.getByText('Paste text instead').click();
    expect(await seriousViolations(p)).toEqual([]);

    await p.locator('.draft-failed').getByRole('button', { name: 'Discard' }).click();
    await p.locator('.save-decks').click();
    await p.locator('.saved-deck').waitFor();
    await p.locator('.saved-deck').getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('dialog').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await p.goto(`${app.server.url}/settings`);
    await p.getByLabel('中文').check();
    await p.goto(`${app.server.url}/decks`);
    await p.getByRole('heading', { level: 1, name: '我的笔记' }).waitFor();
    expect(await p.locator('.saved-deck').getByRole('button', { name: '导出 Markdown' }).count()).toBe(1);
    await p.locator('.import-panel input[type=file]').setInputFiles([file('tw-note.big5.md')]);
    expect(await p.locator('.draft-failed').getByRole('alert').textContent()).toContain('这个文件不是有效的 UTF-8');
    await ctx.close();
  });
});
