// The options page entry: reads the settings (repaired if storage was damaged), the shortcut and the
// sample article, then renders the page. Every browser API the page uses is wired here.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { DictionaryLoader } from '../core/zh/index.ts';
import { OptionsApp, type OptionsEnvironment } from './OptionsApp.tsx';
import { asArticle, SAMPLE_ARTICLE_PATH, SAMPLE_PHOTO_PATH, withPackagedPhotos } from './sample-article.ts';
import { browserFamily, currentShortcut, openShortcutSettings } from './shortcut.ts';
import { loadSettings, saveSettings, watchSettings } from '../storage.ts';
import './options.css';

async function fetchPackaged(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

const loadDictionary: DictionaryLoader = async (pack) => (await fetchPackaged(`zh/${pack}.bin`)).arrayBuffer();

async function start(): Promise<void> {
  const family = browserFamily();
  const [initial, shortcut, sample] = await Promise.all([
    loadSettings(),
    currentShortcut().catch(() => undefined),
    fetchPackaged(SAMPLE_ARTICLE_PATH).then((response) => response.json() as Promise<unknown>).then(
      (json) => {
        const article = asArticle(json);
        return article && withPackagedPhotos(article, browser.runtime.getURL(SAMPLE_PHOTO_PATH));
      },
      () => undefined,
    ),
  ]);
  const env: OptionsEnvironment = {
    browserLanguage: browser.i18n.getUILanguage(),
    family,
    shortcut,
    sampleArticle: sample,
    loadDictionary,
    save: saveSettings,
    watch: (onChange) => watchSettings(onChange),
    openShortcutSettings: () => openShortcutSettings(family),
  };
  const root = document.getElementById('app');
  if (root) render(<OptionsApp initial={initial} env={env} />, root);
}

void start();
