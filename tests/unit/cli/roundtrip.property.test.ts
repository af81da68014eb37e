/**
 * Any command built from the catalogue — any command name or alias, any of its options in any
 * spelling the CLI takes (short or long, `=value`, `value` as the next word, attached to a short
 * flag, booleans bundled) with values quoted when they hold spaces — parses back into the same
 * command, options and values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliCommand, CliOption } from '../../../src/lib/cli/catalogue.ts';
import { explainLine } from '../../../src/lib/cli/explain.ts';
import { cat } from './summary.ts';

// Leaf commands (no subcommands), under every name they answer to.
const leaves = cat.catalogue.commands.filter((c) => !c.subcommands && c.name !== 'docker');
const names = leaves.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((name) => ({ name, command: c })));

const value = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9:/._=,]{0,11}$/),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{1,5}$/), fc.stringMatching(/^[a-z0-9]{1,5}$/)).map(([a, b]) => `${a} ${b}`),
);

interface Use {
  option: CliOption;
  value?: string;
  form: number;
}

const quote = (v: string) => (v.includes(' ') ? `'${v}'` : v);

function render(u: Use): string {
  const { option: o, value: v, form } = u;
  const useShort = o.short && (!o.long || form % 2 === 0);
  if (v === undefined) return useShort ? `-${o.short}` : `--${o.long}`;
  if (useShort) return form % 4 === 0 ? `-${o.short} ${quote(v)}` : `-${o.short}${quote(v)}`;
  return form % 3 === 0 ? `--${o.long}=${quote(v)}` : `--${o.long} ${quote(v)}`;
}

/** Usable options: not shadowed by another option's spelling in a parent (compose passes its own down). */
function usable(c: CliCommand): CliOption[] {
  return c.options.filter((o) => o.long !== 'help');
}

const commandLine = fc
  .constantFrom(...names)
  .chain(({ name, command }) =>
    fc.record({
      name: fc.constant(name),
      command: fc.constant(command),
      uses: fc.array(
        fc.record({
          option: fc.constantFrom(...(usable(command).length ? usable(command) : [undefined])),
          v: value,
          form: fc.nat(11),
        }),
        { maxLength: 6 },
      ),
      bundle: fc.boolean(),
    }),
  )
  .map(({ name, command, uses, bundle }) => ({
    name,
    command,
    bundle,
    uses: uses.filter((u) => u.option).map((u): Use => ({ option: u.option!, form: u.form, ...(u.option!.type ? { value: u.v } : {}) })),
  }));

describe('catalogue round trip', () => {
  it('any generated command line parses back into its command, options and values', () => {
    fc.assert(
      fc.property(commandLine, ({ name, command, uses, bundle }) => {
        // Booleans with a short name may be bundled ("-itd"), as people type them.
        const shortBools = bundle ? uses.filter((u) => u.value === undefined && u.option.short) : [];
        const rest = uses.filter((u) => !shortBools.includes(u));
        const words = [name];
        if (shortBools.length) words.push(`-${shortBools.map((u) => u.option.short).join('')}`);
        words.push(...rest.map(render));
        const line = words.join(' ');
        const parsed = explainLine(cat, line).docker;
        expect(parsed).toHaveLength(1);
        expect(parsed[0]!.command).toBe(command.name);
        const got = parsed[0]!.parts.filter((p) => p.role === 'option').map((p) => [p.option, p.value]);
        const want = [...shortBools, ...rest].map((u) => [u.option, u.value]);
        expect(got).toEqual(want);
        // Random values may not be valid ones: only parts whose value reads fine must be free of problems.
        const clean = parsed[0]!.parts.filter((p) => !p.problems?.some((pr) => pr.code === 'bad-value'));
        expect(clean.flatMap((p) => p.problems ?? []).filter((p) => p.code !== 'deprecated')).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
