/** The mirror's one-read revsDiff answers exactly what PouchDB's per-document revsDiff answers. */
import { describe, expect, it } from 'vitest';
import { revsDiffInOneRead } from '../../../src/lib/sync/revs-diff.ts';
import { nodePouch } from './couch-server.ts';

const PouchDB = nodePouch();

describe('revsDiff in one read', () => {
  it('reports missing documents, known revisions, new revisions of known documents and tombstones as PouchDB does', async () => {
    const db = new PouchDB<{ n: number }>(`revs-diff-${Date.now()}`, { adapter: 'memory' });
    const a = await db.put({ _id: 'a', n: 1 });
    const b = await db.put({ _id: 'b', n: 2 });
    const gone = await db.remove('b', b.rev);
    const e = await db.put({ _id: 'e', n: 3 });
    const request = { a: [a.rev, '2-ffff'], b: [b.rev, gone.rev, '3-eeee'], c: ['1-cccc'], d: ['1-dddd', '2-dddd'], e: [e.rev], f: [gone.rev] };
    const expected = await db.revsDiff(request);
    expect(expected).toEqual({ a: { missing: ['2-ffff'] }, b: { missing: ['3-eeee'] }, c: { missing: ['1-cccc'] }, d: { missing: ['1-dddd', '2-dddd'] }, f: { missing: [gone.rev] } });
    expect(await revsDiffInOneRead(db, request, (r) => db.revsDiff(r))).toEqual(expected);
    expect(await revsDiffInOneRead(db, {}, (r) => db.revsDiff(r))).toEqual({});
    await db.destroy();
  });
});
