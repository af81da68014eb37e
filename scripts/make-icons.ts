// Renders static/icons/icon.svg to the PNG icons the web app manifest needs (run by hand when
// the SVG changes; the PNGs are committed). Maskable: the artwork inside the 80 % safe zone.
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.ts';

const svg = readFileSync('static/icons/icon.svg', 'utf8');
const browser = await launchChromium();
const page = await browser.newPage();
const render = async (size: number, file: string, maskable: boolean) => {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? Math.round(size * 0.8) : size;
  const html = `<body style="margin:0;background:${maskable ? '#1a56d6' : 'transparent'};display:grid;place-items:center;height:${size}px">
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body>`;
  await page.setContent(html);
  await page.screenshot({ path: file, omitBackground: !maskable });
};
await render(192, 'static/icons/icon-192.png', false);
await render(512, 'static/icons/icon-512.png', false);
await render(512, 'static/icons/maskable-512.png', true);
await browser.close();
console.log('icons written to static/icons/');
