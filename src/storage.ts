// Where the settings live: `storage.sync` (so they follow the reader to other machines), or
// `storage.local` when sync is unavailable (disabled by policy, `webextensions.storage.sync.enabled`
// off in Firefox, a browser without it). One key, `settings`, holding `StoredSettings`.
// Every read goes through `parseSettings`, so damaged or hostile storage gives defaults plus the
// list of what was reset, never an exception. Used by the options page, the background and the reader.
// Through `extensionApi()` (the browser's own promise-based `browser`/`chrome`), not the polyfill:
// the reader bundles this module, and both browsers' storage APIs already return promises.

import type Browser from 'webextension-polyfill';
import {
  applySettingsPatch,
  parseSettings,
  toStoredSettings,
  type ParsedSettings,
  type Settings,
} from './core/settings.ts';
import { extensionApi } from './messages.ts';

export const SETTINGS_STORAGE_KEY = 'settings';

export type SettingsAreaName = 'sync' | 'local';

export interface LoadedSettings extends ParsedSettings {
  /** Which storage area holds them. */
  area: SettingsAreaName;
}

let chosenArea: Promise<SettingsAreaName> | undefined;

function storage(): Browser.Storage.Static {
  return extensionApi().storage;
}

/** `sync` if it answers a read, `local` otherwise. Decided once per page / worker. */
export function settingsAreaName(): Promise<SettingsAreaName> {
  chosenArea ??= (async (): Promise<SettingsAreaName> => {
    try {
      const { sync } = storage();
      if (!sync) return 'local';
      await sync.get(SETTINGS_STORAGE_KEY);
      return 'sync';
    } catch {
      return 'local';
    }
  })();
  return chosenArea;
}

function area(name: SettingsAreaName): Browser.Storage.StorageArea {
  return name === 'sync' ? storage().sync : storage().local;
}

async function readRaw(name: SettingsAreaName): Promise<unknown> {
  const items = await area(name).get(SETTINGS_STORAGE_KEY);
  const value: unknown = items[SETTINGS_STORAGE_KEY];
  if (value === undefined && name === 'sync') {
    // Written to `local` at a time when sync was unavailable: still the reader's settings.
    const local = await storage().local.get(SETTINGS_STORAGE_KEY);
    return local[SETTINGS_STORAGE_KEY];
  }
  return value;
}

/** The current settings, repaired if storage held something invalid (see `resetKeys`). Never rejects. */
export async function loadSettings(): Promise<LoadedSettings> {
  const name = await settingsAreaName();
  try {
    return { ...parseSettings(await readRaw(name)), area: name };
  } catch {
    return { ...parseSettings(undefined), area: name };
  }
}

/** Writes complete settings (validated again on the way in). Rejects with the browser's error if both areas refuse. */
export async function saveSettings(settings: Settings): Promise<SettingsAreaName> {
  const stored = toStoredSettings(settings);
  const name = await settingsAreaName();
  try {
    await area(name).set({ [SETTINGS_STORAGE_KEY]: stored });
    return name;
  } catch (error) {
    if (name === 'local') throw error;
    // Sync answered reads but refuses writes (quota, policy): keep the settings on this device.
    chosenArea = Promise.resolve('local');
    await storage().local.set({ [SETTINGS_STORAGE_KEY]: stored });
    return 'local';
  }
}

/** Reads, applies a partial change, writes; returns the settings now in effect. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = applySettingsPatch(settings, patch);
  await saveSettings(next);
  return next;
}

/**
 * Calls `onChange` with freshly parsed settings whenever they change in storage, from any page or
 * tab. Stops when `signal` aborts (the reader's lifetime) or when the returned function is called.
 */
export function watchSettings(onChange: (loaded: LoadedSettings) => void, signal?: AbortSignal): () => void {
  const listener = (changes: Record<string, Browser.Storage.StorageChange>, areaName: string): void => {
    if (!(SETTINGS_STORAGE_KEY in changes) || (areaName !== 'sync' && areaName !== 'local')) return;
    // Re-read rather than trust `newValue`: the key may have changed in the area we do not use.
    void loadSettings().then((loaded) => {
      if (!signal?.aborted) onChange(loaded);
    });
  };
  const { onChanged } = storage();
  onChanged.addListener(listener);
  const stop = (): void => onChanged.removeListener(listener);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
