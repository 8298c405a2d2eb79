// Settings changed from inside the reader (the Aa panel, the text-size keys and buttons) apply at
// once and are saved through the same path as the options page (`onSettingsChange` →
// `updateSettings` in src/storage.ts → `parseSettings`). Until storage answers with the change, the
// change is held here over the stored settings; a held value is let go as soon as the stored
// settings carry it, so a later change from another tab or the options page shows as usual.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { applySettingsPatch, type SettingKey, type Settings } from '../../core/settings.ts';

/** `held` without the values `stored` already has; the same object when there are none. */
export function withoutCaughtUp(held: Partial<Settings>, stored: Settings): Partial<Settings> {
  const keys = Object.keys(held) as SettingKey[];
  const waiting = keys.filter((key) => held[key] !== stored[key]);
  if (waiting.length === keys.length) return held;
  return Object.fromEntries(waiting.map((key) => [key, held[key]])) as Partial<Settings>;
}

export interface LiveSettings {
  /** The stored settings with the changes made here on top (validated like storage). */
  settings: Settings;
  /** Shows a change without saving it (a slider being dragged). */
  preview: (patch: Partial<Settings>) => void;
  /** Shows a change and saves it. */
  commit: (patch: Partial<Settings>) => void;
}

export function useLiveSettings(stored: Settings, save: ((patch: Partial<Settings>) => void) | undefined): LiveSettings {
  const [held, setHeld] = useState<Partial<Settings>>({});
  useEffect(() => setHeld((current) => withoutCaughtUp(current, stored)), [stored]);
  const settings = useMemo(() => (Object.keys(held).length > 0 ? applySettingsPatch(stored, held) : stored), [stored, held]);
  const preview = useCallback((patch: Partial<Settings>) => setHeld((current) => ({ ...current, ...patch })), []);
  const commit = useCallback(
    (patch: Partial<Settings>) => {
      preview(patch);
      save?.(patch);
    },
    [preview, save],
  );
  return { settings, preview, commit };
}
