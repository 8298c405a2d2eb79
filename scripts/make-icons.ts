// Draws the toolbar and store icons (assets/icons/qingdu-{16,32,48,128}.png and the greyed
// qingdu-disabled-*.png shown where the reader does not apply) by rendering an SVG in Debian's
// Chromium at each size. Run by hand when the design changes: `npx tsx scripts/make-icons.ts`.
// The PNGs are committed; the build only copies them.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const outDir = resolve(import.meta.dirname, '../assets/icons');

interface Palette {
  paper: string;
  ink: string;
  rule: string;
}

const ENABLED: Palette = { paper: '#f4ecd8', ink: '#1f3a5f', rule: '#b8412c' };
const DISABLED: Palette = { paper: '#e6e6e6', ink: '#8a8a8a', rule: '#b4b4b4' };

/** An open page of paper with the character 清 in ink and a small red seal line: a reader, in Chinese. */
function iconSvg(size: number, palette: Palette): string {
  // Small sizes get a thicker frame and a heavier glyph so they stay legible in the toolbar.
  const small = size <= 32;
  const radius = size * 0.2;
  const inset = small ? 0 : size * 0.03;
  const fontWeight = small ? 900 : 700;
  const fontSize = size * (small ? 0.86 : 0.72);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect x="${inset}" y="${inset}" width="${size - 2 * inset}" height="${size - 2 * inset}" rx="${radius}" fill="${palette.ink}"/>
  <rect x="${size * 0.09 + inset}" y="${size * 0.09 + inset}" width="${size * 0.82 - 2 * inset}" height="${size * 0.82 - 2 * inset}" rx="${radius * 0.6}" fill="${palette.paper}"/>
  <text x="50%" y="${small ? 52 : 51}%" text-anchor="middle" dominant-baseline="central"
        font-family="Noto Serif CJK SC, Noto Serif CJK JP, serif" font-weight="${fontWeight}"
        font-size="${fontSize * 0.82}" fill="${palette.ink}">清</text>
  ${small ? '' : `<rect x="${size * 0.7}" y="${size * 0.7}" width="${size * 0.11}" height="${size * 0.11}" rx="${size * 0.015}" fill="${palette.rule}"/>`}
</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [variant, palette] of [['', ENABLED], ['disabled-', DISABLED]] as const) {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(
          `<html><body style="margin:0;background:transparent">${iconSvg(size, palette)}</body></html>`,
        );
        await page.evaluate(() => document.fonts.ready);
        const path = resolve(outDir, `qingdu-${variant}${size}.png`);
        await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        console.log(`wrote ${path}`);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
