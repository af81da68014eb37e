/**
 * Progress is keyed by card id and never deleted when content changes. A schedule whose id is
 * not in the current content is "retired": left out of queues and forecasts, shown as retired,
 * and active again — history intact — as soon as a card with that id comes back.
 */
import type { Schedule } from './types.ts';

export function splitRetired(
  schedules: readonly Schedule[],
  liveIds: ReadonlySet<string> | Iterable<string>,
): { active: Schedule[]; retired: Schedule[] } {
  const live = liveIds instanceof Set ? (liveIds as ReadonlySet<string>) : new Set(liveIds);
  const active: Schedule[] = [];
  const retired: Schedule[] = [];
  for (const s of schedules) (live.has(s.cardId) ? active : retired).push(s);
  return { active, retired };
}
