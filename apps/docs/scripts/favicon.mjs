#!/usr/bin/env node
// Renders src/favicon.svg into src/favicon.ico (PNG images at 16, 32 and 48 px in one ICO) with the headless
// Chromium the tests use. Run by hand when the SVG changes; the build copies both files into the site.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@org/nxwa-chromium';

const src = join(import.meta.dirname, '..', 'src');
const svg = readFileSync(join(src, 'favicon.svg'), 'utf8');
const browser = await launchChromium();
const images = [];
try {
  for (const size of [16, 32, 48]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml,${encodeURIComponent(svg)}" width="${size}" height="${size}">`,
    );
    images.push({ size, png: await page.screenshot({ omitBackground: true }) });
    await page.close();
  }
} finally {
  await browser.close();
}
// ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG data is allowed inside ICO).
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, png }, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size, at);
  header.writeUInt8(size, at + 1);
  header.writeUInt16LE(1, at + 4); // colour planes
  header.writeUInt16LE(32, at + 6); // bits per pixel
  header.writeUInt32LE(png.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += png.length;
});
writeFileSync(join(src, 'favicon.ico'), Buffer.concat([header, ...images.map((i) => i.png)]));
console.log(`wrote src/favicon.ico (${images.map((i) => i.size).join(', ')} px)`);
