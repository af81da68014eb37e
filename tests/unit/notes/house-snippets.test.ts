import { describe, expect, it } from 'vitest';
import { indexNote } from '../../../src/lib/notes/index.ts';

const note = [
  '---',
  'deck: demo',
  '---',
  '',
  '# Dockerfile',
  '',
  '## HEALTHCHECK',
  '',
  '```dockerfile',
  'FROM nginx:1.27',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
  '```',
  '',
  '- en: Tell Docker how to test the container',
  '  The container is marked unhealthy after failed checks.',
  '',
  '## depends_on',
  '',
  '```yaml',
  'services:',
  '  web:',
  '    depends_on: [db]',
  '```',
  '',
  '- en: Start services in order',
  '  Compose starts db before web.',
].join('\n');

describe('house-format cards keep their non-shell examples', () => {
  it('shows a Dockerfile or compose snippet whole, as written, instead of dropping it', () => {
    const { cards, warnings } = indexNote(note, 'demo.md');
    expect(warnings).toEqual([]);
    const health = cards.find((c) => c.key === 'HEALTHCHECK');
    expect(health?.examples).toEqual(['FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1']);
    const depends = cards.find((c) => c.key === 'depends_on');
    expect(depends?.examples).toEqual(['services:\n  web:\n    depends_on: [db]']);
    expect(depends?.command).toBeUndefined();
  });
});
