/**
 * localStorage and sessionStorage that never throw. With site data blocked (Chromium's cookie
 * setting, some private modes) merely reading `window.localStorage` throws SecurityError, and
 * a full quota makes `setItem` throw. Every key the app keeps goes through here: when the real
 * storage refuses, values live in memory for this visit and `blocked` says so.
 */

export interface SafeStorage {
  get(key: string): string | null;
  /** False when the value could only be kept in memory (blocked or full). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** The real storage refused access: values last only as long as this page. */
  readonly blocked: boolean;
}

function safeStorage(open: () => Storage): SafeStorage {
  const memory = new Map<string, string>();
  let blocked = false;
  const real = (): Storage | null => {
    try {
      const s = open();
      if (s) return s;
    } catch {
      // SecurityError: site data blocked
    }
    blocked = true;
    return null;
  };
  return {
    get(key) {
      // A value kept in memory is newer than what storage holds (its write was refused).
      const kept = memory.get(key);
      if (kept !== undefined) return kept;
      try {
        return real()?.getItem(key) ?? null;
      } catch {
        blocked = true;
        return null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      const s = real();
      if (!s) return false;
      try {
        s.setItem(key, value);
        memory.delete(key); // stored for real: the memory copy would only hide later changes by other tabs
        return true;
      } catch {
        return false; // full: kept in memory
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        real()?.removeItem(key);
      } catch {
        // nothing stored to remove
      }
    },
    get blocked() {
      if (!blocked) real();
      return blocked;
    },
  };
}

export const local = safeStorage(() => window.localStorage);
export const session = safeStorage(() => window.sessionStorage);
