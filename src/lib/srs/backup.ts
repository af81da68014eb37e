/**
 * The backup file: a versioned JSON document with every schedule, the whole review log,
 * settings and the user's imported decks. Times are ISO 8601 strings in the file and epoch
 * ms in memory; both directions are lossless, so export → import gives identical data.
 *
 * `validateBackup` checks everything (shape, ids, dates, ratings, cross-references) before
 * anything is written and returns either the data or a list of precise problems;
 * `diffBackup` says what importing it would change.
 */
export * from './backup-format.ts';
export * from './backup-validate.ts';
export * from './backup-diff.ts';
