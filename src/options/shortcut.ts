// The reader's keyboard shortcut as the browser has it now (the user may have changed or removed it),
// and how to reach the browser's own page for changing it. Chrome does not let a page link to
// chrome://extensions/shortcuts, but an extension may open it with `tabs.create`; Firefox has
// `commands.openShortcutSettings()` (about:addons → Manage Extension Shortcuts).
import browser from 'webextension-polyfill';
import { TOGGLE_COMMAND } from '../messages.ts';

export type BrowserFamily = 'chrome' | 'firefox';

export function browserFamily(): BrowserFamily {
  return location.protocol === 'moz-extension:' ? 'firefox' : 'chrome';
}

/** The shortcut of the toggle command, '' when none is set. */
export async function currentShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === TOGGLE_COMMAND)?.shortcut ?? '';
}

export async function openShortcutSettings(family: BrowserFamily): Promise<void> {
  if (family === 'firefox') {
    await browser.commands.openShortcutSettings();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}
