import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, phoneContext, serve, type TestServer } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: TestServer;
let chromium: Browser;

beforeAll(async () => {
  server = await serve();
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

/** axe-core in the page (evaluated over DevTools, so the app's strict CSP stays on). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  it('has no serious or critical axe violations on home, results and a card view', async () => {
    const context = await phoneContext(chromium, { colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('searchbox').fill('save export');
    await page.locator('.results li').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.results li a').first().click();
    await page.locator('.card-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/?q=-v`);
    await page.locator('.results li a').first().click();
    await page.locator('.card-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
