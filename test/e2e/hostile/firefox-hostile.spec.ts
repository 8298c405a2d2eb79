// A sample of the hostile corpus in Firefox ESR with the built extension (dist/firefox), through
// puppeteer-core over WebDriver BiDi. Firefox gives a driver no toolbar click, so the reader opens
// by the autoOpen setting — during the page's own load — and the test cannot tell the page's own
// payload runs from the reader's by time. So this page carries every payload only where it is inert
// in the page itself (noscript text, escaped text, unclicked URLs, embedded data; see
// `inertPayloadPage`): any flag call at all is the reader's doing. The overlay audit, every script
// switch, uncaught page errors and the page after Esc are checked as in Chromium.

import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { auditReaderInPage, auditTree, type AuditFinding } from '../../fixtures/hostile/audit.ts';
import { inertPayloadPage } from '../../fixtures/hostile/pages.ts';
import { firefoxOpeningArticles, overlayAttribute, serveOfflineInFirefox } from '../support/firefox.ts';
import { offlineAnswer, type OfflineAnswer } from '../support/pages.ts';

const generated = inertPayloadPage();

/** The generated page at its BBC URL; everything else as the shared offline rule answers it. */
function answerFor(url: string): OfflineAnswer {
  if (url !== generated.url) return offlineAnswer(url);
  return { kind: 'page', body: Buffer.from(generated.html), contentType: 'text/html; charset=utf-8' };
}

function audit(page: Page): Promise<AuditFinding[]> {
  return page.evaluate(auditReaderInPage, { auditSource: auditTree.toString(), baseUrl: generated.url });
}

test.describe('hostile payloads in Firefox ESR (sample)', () => {
  const firefox = firefoxOpeningArticles();

  test(`${generated.injections.length} inert injections: nothing runs, nothing dangerous reaches the overlay`, async () => {
    test.setTimeout(180_000);
    const page = await firefox.browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await serveOfflineInFirefox(page, answerFor);
    await page.goto(generated.url, { waitUntil: 'load' });
    await expect.poll(() => overlayAttribute(page, 'role'), { timeout: 30_000 }).toBe('dialog');
    await expect.poll(() => overlayAttribute(page, 'aria-busy'), { timeout: 30_000 }).toBeNull();

    const findings = await audit(page);
    for (const [script, lang] of [['simp', 'zh-Hans'], ['tw', 'zh-Hant-TW'], ['hk', 'zh-Hant-HK'], ['original', 'zh-Hant']] as const) {
      await page.evaluate((name) => {
        const root = Document.prototype.querySelector.call(document, 'qingdu-reader')?.shadowRoot;
        root?.querySelector<HTMLElement>(`[data-script="${name}"]`)?.click();
      }, script);
      await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 30_000 }).toMatch(new RegExp(`^${lang}`));
      findings.push(...(await audit(page)));
    }
    // Scroll through the overlay, so every photo loads or fails.
    await page.evaluate(async () => {
      const dialog = Document.prototype.querySelector.call(document, 'qingdu-reader')?.shadowRoot?.querySelector('.qd-scroll');
      if (!dialog) return;
      for (let top = 0; top < dialog.scrollHeight; top += 600) {
        dialog.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    const ran = await page.evaluate(() => (window as unknown as { __pwned?: { n: number }[] }).__pwned?.map((c) => c.n) ?? ['no harness']);
    const polluted = await page.evaluate(() => ({} as Record<string, unknown>)['qdPolluted'] ?? null);
    console.log(
      `HOSTILE SUMMARY (firefox sample): payloads tried ${new Set(generated.injections.map((i) => i.payload.id)).size} ` +
        `(${generated.injections.length} inert injections), executed = ${ran.length}, ` +
        `dangerous attributes reaching the overlay = ${findings.length}`,
    );
    expect(ran, 'payloads that ran').toEqual([]);
    expect(polluted).toBeNull();
    expect(findings).toEqual([]);
    expect(pageErrors).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => Document.prototype.querySelector.call(document, 'qingdu-reader') === null)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    await page.close();
  });
});
