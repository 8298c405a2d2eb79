// Settings as a file the reader can keep or move: export writes `StoredSettings` as JSON; import
// reads a file exactly the way storage is read (`parseSettings`), after checking it is a JSON object.
import { parseSettings, toStoredSettings, type ParsedSettings, type Settings } from '../core/settings.ts';

export const SETTINGS_FILE_NAME = 'qingdu-settings.json';

export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(toStoredSettings(settings), null, 2)}\n`;
}

export type SettingsFileResult = ({ ok: true } & ParsedSettings) | { ok: false };

/** A file that is not JSON, or is JSON but not an object, is refused: importing it must change nothing. */
export function readSettingsFile(text: string): SettingsFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false };
  return { ok: true, ...parseSettings(json) };
}
