/**
 * Browser-test harness: serves a production build with `vite preview` on a free port, counts
 * every request the server sees, and drives Debian's Chromium at phone size.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';

/** The production build under test: `dist`, or another one named by DECKHAND_DIST. */
export const DIST = resolve(process.env.DECKHAND_DIST ?? 'dist');
export const PHONE = { width: 360, height: 740 };

export interface TestServer {
  url: string;
  port: number;
  /** Every request path the server received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function serve(outDir = DIST, port?: number): Promise<TestServer> {
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error(`No production build in ${outDir}: run \`npm run build\` first (npm test does).`);
  }
  const requests: string[] = [];
  const chosen = port ?? (await freePort());
  const server: PreviewServer = await preview({
    configFile: false,
    logLevel: 'silent',
    appType: 'spa',
    build: { outDir },
    preview: { port: chosen, strictPort: true, host: '127.0.0.1' },
    plugins: [
      {
        name: 'count-requests',
        configurePreviewServer(s) {
          s.middlewares.use((req, _res, next) => {
            requests.push(req.url ?? '');
            next();
          });
        },
      },
    ],
  });
  return {
    url: `http://127.0.0.1:${chosen}`,
    port: chosen,
    requests,
    close: () => server.close(),
  };
}

export async function browser(): Promise<Browser> {
  return launchChromium();
}

/** A test file's setup: the production build served and a Chromium launched. */
export async function openBrowser(): Promise<{ server: TestServer; chromium: Browser }> {
  const server = await serve();
  return { server, chromium: await browser() };
}

/** …and its teardown (either may be missing when the setup failed). */
export async function closeBrowser(server: TestServer | undefined, chromium: Browser | undefined): Promise<void> {
  await chromium?.close();
  await server?.close();
}

export interface PhoneOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Another phone's screen (default PHONE). */
  viewport?: { width: number; height: number };
}

export async function phoneContext(b: Browser, options: PhoneOptions = {}): Promise<BrowserContext> {
  return b.newContext({
    viewport: options.viewport ?? PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
}

/** One phone for a whole test file. */
export interface Phone {
  server: TestServer;
  chromium: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of `page` (see watchErrors). */
  errors: string[];
}

/**
 * A test file's phone: registers the hooks that serve the build, launch Chromium and open one
 * phone context and page (its errors watched) before the file's tests, and close them after.
 * The fields are set once beforeAll has run: read them in tests and hooks, not at load.
 */
export function usePhone(options: PhoneOptions & { permissions?: string[] } = {}): Phone {
  const phone = useBrowser() as Phone;
  beforeAll(async () => {
    phone.context = await phoneContext(phone.chromium, options);
    if (options.permissions) await phone.context.grantPermissions(options.permissions, { origin: phone.server.url });
    phone.page = await phone.context.newPage();
    phone.errors = watchErrors(phone.page);
  });
  afterAll(async () => {
    await phone.context?.close();
  });
  return phone;
}

/**
 * A test file's browser: the build served and Chromium launched before its tests, both closed
 * after them (hooks run in reverse, so a file's own afterAll still has them).
 */
export function useBrowser(): { server: TestServer; chromium: Browser } {
  const app = {} as { server: TestServer; chromium: Browser };
  beforeAll(async () => {
    Object.assign(app, await openBrowser());
  });
  afterAll(() => closeBrowser(app.server, app.chromium));
  return app;
}

/** Two builds on one origin: the tests serve one, then the other, on the same port. */
export interface TwoVersions {
  chromium: Browser;
  /** The build served now, if any: a test replaces it; closed after the file. */
  server?: TestServer;
  /**
   * A phone page on the current build with its service worker in control, then the next build
   * deployed at the same origin (nothing tells the page yet). Returns the page, its context
   * and the build id it runs, and the server now serving the next build.
   */
  openThenDeploy(): Promise<{ context: BrowserContext; page: Page; oldBuild: string | undefined; next: TestServer }>;
}

/**
 * A test file about updating: builds the app again into `nextDir` with another build id (same
 * content, so only the service worker and chunk names differ) and launches Chromium.
 */
export function useNextVersion(nextDir: string): TwoVersions {
  const versions = {} as TwoVersions;
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      env: { ...process.env, DECKHAND_BUILD_ID: `next-${Date.now()}`, DECKHAND_OUT_DIR: nextDir },
      stdio: 'inherit',
    });
  }, 180_000);
  beforeAll(async () => {
    versions.chromium = await browser();
  });
  afterAll(async () => {
    await versions.chromium?.close();
    await versions.server?.close();
  });
  versions.openThenDeploy = async () => {
    await versions.server?.close();
    const port = await freePort();
    versions.server = await serve(undefined, port);
    const context = await phoneContext(versions.chromium);
    const page = await context.newPage();
    await page.goto(versions.server.url);
    await page.getByRole('searchbox').waitFor();
    await waitForServiceWorker(page);
    const oldBuild = await page.evaluate(() => document.documentElement.dataset.build);
    await versions.server.close();
    versions.server = await serve(nextDir, port);
    return { context, page, oldBuild, next: versions.server };
  };
  return versions;
}

/** Waits until a service worker controls the page (after the first visit it does). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((done) => navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true }));
  });
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let axeSource: string | undefined;

/** Serious and critical axe-core violations on the page, evaluated over DevTools so the app's strict CSP stays on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits until the app has created its database: a raw open before that would create an empty
 * one, and the test's write would throw in it and never settle (broken-card's 60 s stall).
 * Polled from here: `page.waitForFunction` takes the promise an async predicate returns as a
 * truthy answer at once, so it did not wait at all.
 */
export async function waitForAppDatabase(page: Page, timeout = 30_000): Promise<void> {
  const created = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'deckhand' && (d.version ?? 0) >= 2));
  await expect.poll(created, { timeout, interval: 50, message: "the app's database was not created" }).toBe(true);
}
