import { describe, expect, it } from 'vitest';
import * as app from '../../../src/ui/strings/app.ts';
import * as drill from '../../../src/ui/strings/drill.ts';
import * as imports from '../../../src/ui/strings/import.ts';

describe('interface text split by area', () => {
  const areas = { app, drill, imports };
  it('defines each key in one area only (a later spread would silently replace an earlier text)', () => {
    const seen = new Map<string, string>();
    for (const [area, texts] of Object.entries(areas)) {
      for (const key of Object.keys(texts.en)) {
        expect(seen.get(key), `${key} in ${area} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });
  it('gives every English key a Chinese text, area by area', () => {
    for (const texts of Object.values(areas)) expect(Object.keys(texts.zh).sort()).toEqual(Object.keys(texts.en).sort());
  });
});
