import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, repoRoot, runOk } from './helpers.js';

/**
 * `npm start` as a newcomer runs it (scripts/demo.js on the built plugin): the findings on examples/,
 * then one quick fix of each kind as a diff.
 */

let stdout = '';

beforeAll(async () => {
  await ensureBuilt();
  ({ stdout } = await runOk(process.execPath, [path.join(repoRoot, 'scripts/demo.js')], { cwd: repoRoot, timeout: 240_000 }));
}, 300_000);

/** The demo's section for one kind: from its heading to the next blank line before a heading. */
function section(kind: string): string {
  const start = stdout.indexOf(`\n${kind}: `);
  expect(start, `no "${kind}" section in:\n${stdout}`).toBeGreaterThan(0);
  const rest = stdout.slice(start + 1);
  const end = rest.search(/\n\n(?=\S)/u);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('npm start', () => {
  it('prints the findings, then says what the quick fixes repair', () => {
    expect(stdout).toMatch(/eslint-plugin-async-init found \d+ problem\(s\) in examples\//u);
    expect(stdout.indexOf('What the quick fixes repair')).toBeGreaterThan(stdout.indexOf('problem(s) in examples/'));
  });

  it('shows the factory fix as a diff', () => {
    const factory = section('factory');
    expect(factory).toContain('(no-async-constructor, suggestion)');
    expect(factory).toMatch(/^--- examples\/async-constructor\.ts$/mu);
    expect(factory).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/mu);
    expect(factory).toMatch(/^\+ {2}static async create\(.*\): Promise<\w+> \{$/mu);
  });

  it('shows the awaitable fix as a diff', () => {
    const awaitable = section('awaitable');
    expect(awaitable).toMatch(/^\+ {2}async #initialize\(\): Promise<void> \{$/mu);
    expect(awaitable).toMatch(/^\+ {2}then<T = Omit<this, 'then'>, E = never>\($/mu);
  });

  it('shows the settled `then` fix as a diff', () => {
    const settled = section('settled `then`');
    expect(settled).toContain('(no-self-resolving-thenable, suggestion)');
    expect(settled).toMatch(/^--- examples\/self-resolving-thenable\.ts$/mu);
    expect(settled).toMatch(/^\+ {6}Object\.defineProperty\(this, 'then', \{ value: undefined/mu);
  });

  it('shows the guard fix as a diff', () => {
    const guard = section('guard');
    expect(guard).toContain('(async-dispose-requires-init, suggestion)');
    expect(guard).toMatch(/^- {4}await this\.connection!\.close\(\);$/mu);
    expect(guard).toMatch(/^\+ {4}await this\.connection\?\.close\(\);$/mu);
  });

  it('shows the call-site fix as a diff', () => {
    const callSite = section('call site');
    expect(callSite).toContain("Construct it with `await Db.connect('postgres://localhost/app')` (require-awaited-init, suggestion)");
    expect(callSite).toMatch(/^- {2}const db = new Db\('postgres:\/\/localhost\/app'\);$/mu);
    expect(callSite).toMatch(/^\+ {2}const db = await Db\.connect\('postgres:\/\/localhost\/app'\);$/mu);
  });

  it('keeps each diff short', () => {
    // The awaitable fix is the longest: the `then` it writes is ten lines by itself.
    for (const kind of ['factory', 'awaitable', 'settled `then`', 'guard', 'call site']) {
      expect(section(kind).split('\n').length, kind).toBeLessThanOrEqual(35);
    }
  });
});
