/**
 * Deckhand's spaced-repetition core: pure functions over plain data, clock passed in.
 *
 * A review, end to end (the store persists, everything else is here):
 *
 *   const scheduler = createScheduler(settings);
 *   let q = buildQueue({ cards, schedules, log: todaysLog, settings, now });
 *   const item = nextItem(q, now);
 *   const prompt = buildPrompt(item.card, item.prompt, lang, item.schedule?.reps ?? 0);
 *   const buttons = scheduler.preview(item.schedule, now);          // labels "10m", "4d"
 *   // typed prompt: const check = gradeTypedAnswer(input, item.card); default grade check.proposed
 *   const result = scheduler.grade({ cardId, schedule: item.schedule, rating, now, newId });
 *   await repo.saveReview(result);  q = afterGrade(q, result.schedule);
 *   // undo: await repo.undoReview(result.log.id); q = afterUndo(q, item);
 */
export * from './types.ts';
export * from './settings.ts';
export * from './calendar.ts';
export * from './interval.ts';
export * from './scheduler.ts';
export * from './queue.ts';
export * from './prompts.ts';
export * from './typed.ts';
export * from './stats.ts';
export * from './retired.ts';
export * from './backup.ts';
export * from './typed-lines.ts';
export * from './example-flags.ts';
export * from './today.ts';
export * from './deck-names.ts';
export * from './browse.ts';
export * from './set-aside.ts';
