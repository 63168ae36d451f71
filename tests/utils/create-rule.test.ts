import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createRule } from '../../src/utils/create-rule.js';

type Seen = { flag: boolean; name: string };

/** A rule made by createRule that records the options each `create` got. */
function recordingRule(seen: Seen[]) {
  return createRule<[Partial<Seen>], 'x'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'records its options' },
      messages: { x: 'x' },
      schema: [{ type: 'object', properties: { flag: { type: 'boolean' }, name: { type: 'string' } }, additionalProperties: false }],
      defaultOptions: [{ flag: true, name: 'create' }],
    },
    defaultOptions: [{ flag: true, name: 'create' }],
    create(_context, [options]) {
      seen.push(options as Seen);
      return {};
    },
  });
}

function lint(rule: unknown, options: unknown[]): void {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify('class A {}', [
    { plugins: { t: { rules: { recording: rule } } as never }, rules: { 't/recording': ['error', ...options] as never } },
  ]);
  expect(messages).toEqual([]);
}

describe('createRule', () => {
  it('merges each distinct options with the defaults once, and keeps distinct options apart', () => {
    const seen: Seen[] = [];
    const rule = recordingRule(seen);
    lint(rule, []);
    lint(rule, []);
    lint(rule, [{ flag: false }]);
    lint(rule, [{ name: 'open' }]);
    lint(rule, [{ flag: false }]);
    expect(seen).toEqual([
      { flag: true, name: 'create' },
      { flag: true, name: 'create' },
      { flag: false, name: 'create' },
      { flag: true, name: 'open' },
      { flag: false, name: 'create' },
    ]);
    // ESLint hands each file a new options array; equal options still share one merge.
    expect(seen[1]).toBe(seen[0]);
    expect(seen[4]).toBe(seen[2]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it('applies each configuration’s own options to the real rules, one lint after another', () => {
    const code = 'class Db { constructor() { this.ready = this.connect(); } async connect() {} }';
    const run = (options: unknown[]) =>
      new Linter({ configType: 'flat' })
        .verify(code, [{ plugins: { a: plugin as never }, rules: { 'a/no-async-constructor': ['error', ...options] as never } }])
        .map((message) => message.messageId);
    const strict = run([]);
    const allowed = run([{ allowReadyPromise: true }]);
    expect(strict).not.toEqual([]);
    expect(allowed).toEqual([]);
    expect(run([])).toEqual(strict);
    expect(run([{ allowReadyPromise: true }])).toEqual(allowed);
  });
});
