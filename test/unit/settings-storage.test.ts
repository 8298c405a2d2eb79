// The settings storage module against storage areas that behave like the browser's (an in-memory
// `StorageArea` with `onChanged`), including the ones the real browsers here cannot be made to
// produce: sync refusing reads (disabled by policy) or writes (quota).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../src/core/settings.ts';

type Items = Record<string, unknown>;
type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

class MemoryArea {
  items: Items = {};
  failReads = false;
  failWrites = false;
  writes = 0;
  constructor(
    private readonly name: string,
    private readonly listeners: Set<ChangeListener>,
  ) {}
  async get(key: string): Promise<Items> {
    if (this.failReads) throw new Error(`${this.name} is disabled`);
    return key in this.items ? { [key]: structuredClone(this.items[key]) } : {};
  }
  async set(values: Items): Promise<void> {
    if (this.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
    this.writes += 1;
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(values)) {
      changes[key] = { oldValue: this.items[key], newValue: value };
      this.items[key] = structuredClone(value);
    }
    for (const listener of this.listeners) listener(changes, this.name);
  }
}

const listeners = new Set<ChangeListener>();
const sync = new MemoryArea('sync', listeners);
const local = new MemoryArea('local', listeners);

// The module reaches storage through the browser's own `browser` namespace (Firefox's, and what
// `extensionApi()` finds first), so that is what the test provides.
vi.stubGlobal('browser', {
  runtime: { getURL: (path: string) => `moz-extension://qingdu-test/${path}` },
  storage: {
    sync,
    local,
    onChanged: {
      addListener: (listener: ChangeListener) => listeners.add(listener),
      removeListener: (listener: ChangeListener) => listeners.delete(listener),
    },
  },
});

// The module decides sync-or-local once per page, so each test gets a fresh copy.
async function storage(): Promise<typeof import('../../src/storage.ts')> {
  vi.resetModules();
  return import('../../src/storage.ts');
}

beforeEach(() => {
  for (const area of [sync, local]) Object.assign(area, { items: {}, failReads: false, failWrites: false, writes: 0 });
});

afterEach(() => listeners.clear());

describe('settings storage', () => {
  it('uses storage.sync when it answers, and stores the versioned settings there', async () => {
    const { loadSettings, saveSettings } = await storage();
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [], area: 'sync' });
    expect(await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' })).toBe('sync');
    expect(sync.items.settings).toEqual({ version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(local.items).toEqual({});
    expect((await loadSettings()).settings.theme).toBe('dark');
  });

  it('falls back to storage.local when sync refuses reads', async () => {
    sync.failReads = true;
    const { loadSettings, saveSettings } = await storage();
    expect((await loadSettings()).area).toBe('local');
    expect(await saveSettings({ ...DEFAULT_SETTINGS, fontSize: 24 })).toBe('local');
    expect(local.items.settings).toMatchObject({ fontSize: 24 });
    expect(await loadSettings()).toMatchObject({ settings: { fontSize: 24 }, area: 'local' });
  });

  it('keeps settings on this device when sync accepts reads but refuses writes', async () => {
    sync.failWrites = true;
    const { loadSettings, saveSettings } = await storage();
    expect(await saveSettings({ ...DEFAULT_SETTINGS, quotes: 'keep' })).toBe('local');
    expect(local.items.settings).toMatchObject({ quotes: 'keep' });
    expect(await loadSettings()).toMatchObject({ settings: { quotes: 'keep' }, area: 'local' });
  });

  it('rejects with the browser’s error when neither area takes the write', async () => {
    sync.failWrites = true;
    local.failWrites = true;
    const { saveSettings } = await storage();
    await expect(saveSettings(DEFAULT_SETTINGS)).rejects.toThrow('QUOTA_BYTES');
  });

  it('finds settings kept in local while sync was unavailable once sync is back', async () => {
    local.items.settings = { version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, theme: 'sepia' };
    const { loadSettings } = await storage();
    expect(await loadSettings()).toMatchObject({ settings: { theme: 'sepia' }, area: 'sync' });
  });

  it('never rejects a read: garbage gives defaults and names what was reset; a failing read gives defaults', async () => {
    sync.items.settings = { theme: 'neon', fontSize: 'huge', lineHeight: 2 };
    const { loadSettings } = await storage();
    expect(await loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, lineHeight: 2 },
      resetKeys: ['theme', 'fontSize'],
      area: 'sync',
    });
    sync.failReads = true; // after the area was chosen
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [], area: 'sync' });
  });

  it('updateSettings applies a patch to what is stored, validated', async () => {
    sync.items.settings = { version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, theme: 'dark' };
    const { updateSettings } = await storage();
    expect(await updateSettings({ fontSize: 99 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 32 });
    expect(sync.items.settings).toMatchObject({ theme: 'dark', fontSize: 32 });
  });

  it('watchSettings reports every change of the settings key, parsed, until its signal aborts', async () => {
    const { saveSettings, watchSettings } = await storage();
    const seen: unknown[] = [];
    const controller = new AbortController();
    watchSettings((loaded) => seen.push(loaded), controller.signal);

    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ settings: { theme: 'dark' }, resetKeys: [] });
    await sync.set({ unrelated: 1 });
    await sync.set({ settings: 'garbage' });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toMatchObject({ settings: DEFAULT_SETTINGS, resetKeys: expect.arrayContaining(['theme', 'uiLanguage']) });

    controller.abort();
    expect(listeners.size).toBe(0);
    await saveSettings(DEFAULT_SETTINGS);
    expect(seen).toHaveLength(2);
  });
});
