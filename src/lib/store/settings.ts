/** Settings: study settings under the 'srs' key, plus free-form UI preferences under their own keys. */
import { guard } from './errors.ts';
import type { DeckhandDB } from './schema.ts';
import { normalizeSettings, type SrsSettings } from '../srs/settings.ts';

export const SRS_SETTINGS_KEY = 'srs';

/** Study settings, with defaults for anything missing or invalid (e.g. stored by an older version). */
export function getSettings(db: DeckhandDB): Promise<SrsSettings> {
  return guard(async () => normalizeSettings(await db.get('settings', SRS_SETTINGS_KEY)));
}

/** Saves study settings (normalised first); resolves to what was stored. */
export function saveSettings(db: DeckhandDB, settings: Partial<SrsSettings>): Promise<SrsSettings> {
  return guard(async () => {
    const value = normalizeSettings(settings);
    await db.put('settings', value, SRS_SETTINGS_KEY);
    return value;
  });
}

/** A UI preference ("lang", "theme"…); undefined when never set. Values must be JSON-safe (they go into backups). */
export function getPreference<T = unknown>(db: DeckhandDB, key: string): Promise<T | undefined> {
  if (key === SRS_SETTINGS_KEY) return Promise.reject(new Error(`"${key}" is reserved for study settings`));
  return guard(async () => (await db.get('settings', key)) as T | undefined);
}

export function setPreference(db: DeckhandDB, key: string, value: unknown): Promise<void> {
  if (key === SRS_SETTINGS_KEY) return Promise.reject(new Error(`"${key}" is reserved for study settings`));
  return guard(async () => {
    await db.put('settings', value, key);
  });
}

/** Every settings key and value, as a backup carries them. */
export function getAllSettings(db: DeckhandDB): Promise<Record<string, unknown>> {
  return guard(async () => {
    const tx = db.transaction('settings');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  });
}
