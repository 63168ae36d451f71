import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-self-resolving-thenable.js';
import { typeCheck } from '../helpers/run-code.js';
import { ENDS_BY_ITSELF, runAwait, type AwaitOutcome } from '../helpers/run-isolated.js';

/**
 * What the rule's reports mean at run time: the code it reports, run in a child process, never
 * settles its await (a spin kills even the child's own timers; a deadlock leaves them running),
 * and the code it accepts settles.
 */

function lint(code: string, isTypeScript: boolean): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        ...(isTypeScript ? { languageOptions: { parser: tsParser } } : {}),
        plugins: { 'async-init': { rules: { 'no-self-resolving-thenable': rule as never } } },
        rules: { 'async-init/no-self-resolving-thenable': 'error' },
      },
    ],
    isTypeScript ? 'file.ts' : 'file.js',
  );
}

function messageIds(code: string, isTypeScript = false): (string | null)[] {
  return lint(code, isTypeScript).map((message) => message.messageId ?? message.message);
}

/** The code after the first suggestion the rule offers (fails when there is none). */
function applySuggestion(code: string, isTypeScript = false): string {
  const fix = lint(code, isTypeScript).find((message) => message.suggestions?.length)?.suggestions?.[0]?.fix;
  if (!fix) {
    throw new Error('no suggestion');
  }
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const awaitNew = (name: string): string => `{ const instance = new ${name}(); return [await instance, instance]; }`;

// Concurrent: most cases wait for the timeout that ends a spinning child.
describe.concurrent('reported code does not settle', { timeout: 120_000 }, () => {
  it('`resolve(this)` spins: the await never ends and timers never fire', async () => {
    const code = 'export class Db {\n  then(resolve) {\n    resolve(this);\n  }\n}\n';
    expect(messageIds(code)).toEqual(['selfResolvingThen']);
    expect(await runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('`async then() { return this }` spins', async () => {
    const code = 'export class Db {\n  async then(): Promise<this> {\n    return this;\n  }\n}\n';
    expect(messageIds(code, true)).toEqual(['selfResolvingThen']);
    expect(await runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('`delete this.then` in a prototype `then` leaves it in place: still spins', async () => {
    const code = 'export class Db {\n  then(resolve) {\n    delete this.then;\n    resolve(this);\n  }\n}\n';
    expect(messageIds(code)).toEqual(['selfResolvingThen']);
    expect(await runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('an async method returning `this` on a self-resolving thenable spins', async () => {
    const code = [
      'export class Db {',
      '  then(onfulfilled) {',
      '    return Promise.resolve(this).then(onfulfilled);',
      '  }',
      '  async connect() {',
      '    return this;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(messageIds(code)).toEqual(['selfResolvingThen', 'selfResolvingMethod']);
    expect(await runAwait(code, '{ const db = new Db(); return [await db.connect(), db]; }')).toBe('killed: timers never fired');
  });

  it('a `then` that waits on a method fulfilling with `this` deadlocks', async () => {
    const code = [
      'export class Db {',
      '  ready = this.connect();',
      '  then(onfulfilled, onrejected) {',
      '    return this.ready.then(onfulfilled, onrejected);',
      '  }',
      '  async connect() {',
      '    await new Promise((resolve) => setTimeout(resolve, 1));',
      '    return this;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(messageIds(code)).toEqual(['methodThenWaitsOn']);
    expect(await runAwait(code, awaitNew('Db'), ENDS_BY_ITSELF)).toBe('pending while timers run');
  });

  it('a method fulfilling with `this` gives what `then` fulfils with instead', async () => {
    const code = [
      'export class Db {',
      '  ready = Promise.resolve(42);',
      '  then(onfulfilled, onrejected) {',
      '    return this.ready.then(onfulfilled, onrejected);',
      '  }',
      '  async connect() {',
      '    return this;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(messageIds(code)).toEqual(['thenableMethodResult']);
    expect(await runAwait(code, '{ const db = new Db(); return [await db.connect(), 42]; }', ENDS_BY_ITSELF)).toBe('fulfilled with the expected value');
    expect(await runAwait(code, '{ const db = new Db(); return [await db.connect(), db]; }', ENDS_BY_ITSELF)).toBe('fulfilled with another value');
  });
});

describe.concurrent('accepted code settles', { timeout: 120_000 }, () => {
  it('an own `then` deleted before fulfilling', async () => {
    const code = 'export class Job {\n  then = (resolve) => {\n    delete this.then;\n    resolve(this);\n  };\n}\n';
    expect(messageIds(code)).toEqual([]);
    expect(await runAwait(code, awaitNew('Job'), ENDS_BY_ITSELF)).toBe('fulfilled with the expected value');
  });

  it('a `then` shadowed with `undefined` before fulfilling, and a method awaited after it', async () => {
    const code = [
      'export class Job {',
      '  then(resolve) {',
      "    Object.defineProperty(this, 'then', { value: undefined });",
      '    resolve(this);',
      '  }',
      '  async run() {',
      '    return this;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(messageIds(code)).toEqual([]);
    expect(await runAwait(code, '{ const job = new Job(); return [await job.run(), job]; }', ENDS_BY_ITSELF)).toBe('fulfilled with the expected value');
  });
});

describe.concurrent('the suggestion settles', { timeout: 120_000 }, () => {
  type Case = { name: string; code: string; isTypeScript?: boolean; probe?: string; original?: AwaitOutcome };
  const cases: Case[] = [
    { name: '`resolve(this)`', code: 'export class Db {\n  then(resolve) {\n    resolve(this);\n  }\n}\n' },
    {
      name: '`return Promise.resolve(this).then(onfulfilled, onrejected)`',
      code: 'export class Db {\n  then(onfulfilled, onrejected) {\n    return Promise.resolve(this).then(onfulfilled, onrejected);\n  }\n}\n',
    },
    {
      name: '`async then()` that awaits its work (TypeScript)',
      isTypeScript: true,
      code: [
        'export const log: string[] = [];',
        'export class Db {',
        '  async then(): Promise<unknown> {',
        "    await this.connect();",
        '    return this;',
        '  }',
        '  async connect(): Promise<void> {',
        "    log.push('connect');",
        '    await new Promise((resolve) => setTimeout(resolve, 1));',
        '  }',
        '}',
        'export async function use(): Promise<void> {',
        '  const db = await new Db();',
        '  await db.connect();',
        '}',
        '',
      ].join('\n'),
      // Each round waits on a timer, so timers still run: the work reruns forever instead.
      original: 'pending while timers run',
      // Awaited twice, connected once, fulfilled with the expected value.
      probe: "{ const db = new Db(); await db; const again = await db; return [log.join() === 'connect' && again, db]; }",
    },
    {
      name: 'a `then` field waiting on a ready promise (TypeScript)',
      isTypeScript: true,
      code: [
        'export class Db {',
        '  ready: Promise<void> = new Promise((resolve) => setTimeout(resolve, 1));',
        '  then = (onfulfilled?: (value: unknown) => void) => this.ready.then(() => onfulfilled?.(this));',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'a self-resolving `then` with a method that returns `this`',
      code: [
        'export class Db {',
        '  then(resolve) {',
        '    resolve(this);',
        '  }',
        '  async connect() {',
        '    return this;',
        '  }',
        '}',
        '',
      ].join('\n'),
      probe: '{ const db = new Db(); await db; return [await db.connect(), db]; }',
    },
  ];

  for (const { name, code, isTypeScript = false, probe = awaitNew('Db'), original = 'killed: timers never fired' } of cases) {
    it(name, async () => {
      const spins = original === 'killed: timers never fired';
      expect(await runAwait(code, probe, spins ? {} : ENDS_BY_ITSELF)).toBe(original);
      const fixed = applySuggestion(code, isTypeScript);
      expect(fixed).toContain("Object.defineProperty(this, 'then', { value: undefined");
      expect(await runAwait(fixed, probe, ENDS_BY_ITSELF)).toBe('fulfilled with the expected value');
    });
  }

  it('type-checks under --strict (TypeScript cases, one program)', () => {
    // Each fixed module in its own namespace, so one TypeScript program checks them all.
    const modules = cases
      .filter((entry) => entry.isTypeScript)
      .map((entry, index) => `namespace Case${index} {\n${applySuggestion(entry.code, true)}}\n`);
    expect(modules.length).toBeGreaterThan(1);
    expect(typeCheck(`export {};\n${modules.join('')}`)).toEqual([]);
  });

  it('rejects every await with the work\'s error, and does not loop', async () => {
    const code = [
      'export class Db {',
      '  then(resolve, reject) {',
      "    this.connect().then(() => resolve(this), reject);",
      '  }',
      '  async connect() {',
      "    throw new Error('refused');",
      '  }',
      '}',
      '',
    ].join('\n');
    const fixed = applySuggestion(code);
    expect(await runAwait(fixed, awaitNew('Db'), ENDS_BY_ITSELF)).toBe('rejected');
  });
});
