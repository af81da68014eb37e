/** The drill screens pass axe (serious and critical rules) in both themes, at phone size. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, phoneContext, serve, type TestServer } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: TestServer;
let chromium: Browser;

beforeAll(async () => {
  server = await serve(process.env.DECKHAND_DIST);
  chromium = await browser();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core evaluated over DevTools, so the app's strict CSP stays on. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('drill screens in the %s theme', (colorScheme) => {
  it('question, answer with grades, stats, card history and drill settings have no serious axe violations', async () => {
    const context = await phoneContext(chromium, { colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/drill`);
    await page.locator('.prompt').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const type = await page.locator('.prompt').getAttribute('data-prompt');
    if (type === 'confusable') await page.locator('.choice').first().click();
    else if (type === 'typed-command') {
      await page.getByLabel('Your command').fill('docker run');
      await page.getByRole('button', { name: 'Check' }).click();
    } else await page.getByRole('button', { name: 'Show answer' }).click();
    await page.locator('.grades').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const id = (await page.locator('.prompt').getAttribute('data-card'))!;
    await page.locator('.grades').getByRole('button', { name: /^Good/ }).click();
    await page.locator('.drill-foot button').waitFor();

    await page.goto(`${server.url}/stats`);
    await page.locator('[data-stats-ready]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/card/${encodeURIComponent(id)}`);
    await page.locator('.history-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/settings`);
    await page.locator('.drill-settings').waitFor();
    await page.locator('.topics-picker summary').click();
    await page.locator('.prompt-picker summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
