/**
 * Issue 17 on a phone: "What does this do?" on `docker run -d --name web -p 8080:80 nginx`
 * answers what each of its flags does, from the flags' own cards.
 */
import { describe, expect, it } from 'vitest';
import { phoneContext, useBrowser } from './harness.ts';
import { grade, shownCard } from './drill-steps.ts';

const app = useBrowser();

describe('"What does this do?" on an example line', () => {
  it('lists the example’s flags with their meanings', async () => {
    const context = await phoneContext(app.chromium);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/settings`);
    await page.locator('.topics-picker summary').click();
    await page.locator('.topics-picker label').filter({ hasText: /^\s*Run \(/ }).locator('input').check();
    await page.locator('.prompt-picker summary').click();
    const commands = page.locator('.prompt-picker fieldset').filter({ has: page.locator('legend', { hasText: /^Commands$/ }) });
    for (const label of ['Command from meaning', 'Type the command']) {
      const box = commands.getByLabel(label);
      if (await box.isChecked()) await box.uncheck();
      await expect.poll(() => box.isChecked()).toBe(false);
    }
    await page.goto(`${app.server.url}/drill`);
    const code = page.locator('.prompt-code code');
    const isRun = async () => (await code.count()) > 0 && (await code.first().textContent()) === 'docker run -d --name web -p 8080:80 nginx';
    for (let i = 0; i < 60 && !(await isRun()); i++) await grade(page, 'Easy');
    expect(await isRun()).toBe(true);
    await shownCard(page);
    await page.getByRole('button', { name: 'Show answer' }).click();
    const flags = page.locator('.example-flags li');
    await flags.first().waitFor();
    const lines = await flags.allTextContents();
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['-d', '--name', '-p']);
    expect(lines[0]).toContain('in the background'); // the -d card's meaning
    await context.close();
  });
});
