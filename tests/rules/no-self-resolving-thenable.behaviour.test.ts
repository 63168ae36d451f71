import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-self-resolving-thenable.js';
import { runAwait } from '../helpers/run-isolated.js';

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

const awaitNew = (name: string): string => `{ const instance = new ${name}(); return [await instance, instance]; }`;

describe('reported code does not settle', () => {
  it('`resolve(this)` spins: the await never ends and timers never fire', () => {
    const code = 'export class Db {\n  then(resolve) {\n    resolve(this);\n  }\n}\n';
    expect(messageIds(code)).toEqual(['selfResolvingThen']);
    expect(runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('`async then() { return this }` spins', () => {
    const code = 'export class Db {\n  async then(): Promise<this> {\n    return this;\n  }\n}\n';
    expect(messageIds(code, true)).toEqual(['selfResolvingThen']);
    expect(runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('`delete this.then` in a prototype `then` leaves it in place: still spins', () => {
    const code = 'export class Db {\n  then(resolve) {\n    delete this.then;\n    resolve(this);\n  }\n}\n';
    expect(messageIds(code)).toEqual(['selfResolvingThen']);
    expect(runAwait(code, awaitNew('Db'))).toBe('killed: timers never fired');
  });

  it('an async method returning `this` on a self-resolving thenable spins', () => {
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
    expect(runAwait(code, '{ const db = new Db(); return [await db.connect(), db]; }')).toBe('killed: timers never fired');
  });

  it('a `then` that waits on a method fulfilling with `this` deadlocks', () => {
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
    expect(runAwait(code, awaitNew('Db'))).toBe('pending while timers run');
  });

  it('a method fulfilling with `this` gives what `then` fulfils with instead', () => {
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
    expect(runAwait(code, '{ const db = new Db(); return [await db.connect(), 42]; }')).toBe('fulfilled with the instance');
    expect(runAwait(code, '{ const db = new Db(); return [await db.connect(), db]; }')).toBe('fulfilled with another value');
  });
});

describe('accepted code settles', () => {
  it('an own `then` deleted before fulfilling', () => {
    const code = 'export class Job {\n  then = (resolve) => {\n    delete this.then;\n    resolve(this);\n  };\n}\n';
    expect(messageIds(code)).toEqual([]);
    expect(runAwait(code, awaitNew('Job'))).toBe('fulfilled with the instance');
  });

  it('a `then` shadowed with `undefined` before fulfilling, and a method awaited after it', () => {
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
    expect(runAwait(code, '{ const job = new Job(); return [await job.run(), job]; }')).toBe('fulfilled with the instance');
  });
});
