/**
 * Setting cards aside, as settings changes: suspend (until unsuspended), bury (for the rest of
 * the study day), put back, and "study more today". Each returns the part of the settings to
 * save, computed from the settings as they are now (the caller saves them one after another).
 */
import type { SrsSettings } from './settings.ts';

export type SetAside = 'suspended' | 'buried';

export function suspend(now: SrsSettings, cardId: string): Partial<SrsSettings> {
  return { suspended: [...new Set([...now.suspended, cardId])] };
}

/** Buried until `day` ends; burials of earlier days are dropped on the way. */
export function bury(now: SrsSettings, cardId: string, day: number): Partial<SrsSettings> {
  return { buried: { ...Object.fromEntries(Object.entries(now.buried).filter(([, d]) => d === day)), [cardId]: day } };
}

/** Unsuspends and unburies. */
export function putBack(now: SrsSettings, cardId: string): Partial<SrsSettings> {
  return {
    suspended: now.suspended.filter((id) => id !== cardId),
    buried: Object.fromEntries(Object.entries(now.buried).filter(([id]) => id !== cardId)),
  };
}

/** Is this card suspended, or buried on `day`? */
export function setAsideState(settings: SrsSettings, cardId: string, day: number): SetAside | null {
  if (settings.suspended.includes(cardId)) return 'suspended';
  return settings.buried[cardId] === day ? 'buried' : null;
}

/**
 * "Study more today": extra new cards and/or reviews due in the next days. `newToday` is how
 * many new cards were studied today: "10 more" counts from what today's limit already let through.
 */
export function studyMore(now: SrsSettings, more: { newCards?: number; aheadDays?: number }, day: number, newToday: number): Partial<SrsSettings> {
  const cur = now.studyMore.day === day ? now.studyMore : { day, newCards: 0, aheadDays: 0 };
  const base = Math.max(0, newToday - now.newPerDay, cur.newCards);
  const newCards = more.newCards ? base + more.newCards : cur.newCards;
  return { studyMore: { day, newCards, aheadDays: Math.max(cur.aheadDays, more.aheadDays ?? 0) } };
}
