// Takes the README's screenshot: the production build at phone size, searching "-P".
// Run after `npm run build`: npx tsx scripts/screenshot.ts [out.png]
import { launchChromium } from './chromium.ts';
import { serve } from '../tests/browser/harness.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const server = await serve();
const chromium = await launchChromium();
const page = await chromium.newPage({ viewport: { width: 360, height: 720 }, deviceScaleFactor: 2, isMobile: true });
await page.goto(`${server.url}/?q=-P`);
await page.locator('.results li').first().waitFor();
await page.screenshot({ path: out });
await chromium.close();
await server.close();
console.log(`screenshot written to ${out}`);
