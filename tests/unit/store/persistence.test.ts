import { describe, expect, it, vi } from 'vitest';
import { estimateStorage, getPersistence, requestPersistence } from '../../../src/lib/store/index.ts';

describe('persistent storage', () => {
  it('asks once when not yet persisted and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persisted: async () => false, persist })).toBe('persisted');
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe('best-effort');
  });

  it('does not ask again when already persisted', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe('persisted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('copes with browsers without the API or with one that throws', async () => {
    expect(await getPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await getPersistence({ persisted: () => Promise.reject(new Error('no')) })).toBe('best-effort');
    expect(await estimateStorage({})).toBeNull();
    expect(await estimateStorage({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({ usage: 10, quota: 100 });
  });
});
