import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { runInChild } from '../helpers/run-code.js';

/**
 * Background work started by a constructor, and the `start()` suggestion, run for real: the
 * original loops from `new` on, before the caller can do anything; the suggestion's output
 * constructs without starting it, runs it once `start()` is called, and `close()` stops it.
 */

const worker = `
export const log = [];
export class Worker {
  constructor(jobs) {
    this.jobs = jobs;
    this.running = true;
    this.run().catch((error) => log.push('failed: ' + error.message));
  }

  async run() {
    while (this.running) {
      const job = this.jobs.shift();
      log.push(job === undefined ? 'idle' : 'job ' + job);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    log.push('stopped');
  }

  close() {
    this.running = false;
  }
}
`;

function suggestStart(code: string): string {
  const linter = new Linter({ configType: 'flat' });
  const [message, ...rest] = linter.verify(
    code,
    [
      {
        plugins: { 'async-init': plugin },
        rules: { 'async-init/no-async-constructor': 'error' },
        languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
      },
    ],
    { filename: 'worker.js' },
  );
  expect(rest).toHaveLength(0);
  expect(message?.messageId).toBe('backgroundWork');
  const suggestions = message?.suggestions ?? [];
  // Background work never gets an initialisation fix: awaiting it would wait for close().
  expect(suggestions.map((suggestion) => suggestion.messageId)).toEqual(['suggestStart']);
  const { fix } = suggestions[0]!;
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** Constructs, waits, starts (when there is a `start`), waits, closes; prints the log. */
const probe = `
const w = new Worker([1, 2]);
await new Promise((resolve) => setTimeout(resolve, 20));
log.push('-- constructed');
if (typeof w.start === 'function') w.start();
await new Promise((resolve) => setTimeout(resolve, 30));
w.close();
await new Promise((resolve) => setTimeout(resolve, 20));
console.log(JSON.stringify(log));
`;

describe('the start() suggestion for background work', () => {
  it('the original starts the loop during construction', () => {
    const log = runInChild<string[]>(worker, probe);
    expect(log.indexOf('job 1')).toBeLessThan(log.indexOf('-- constructed'));
    expect(log.at(-1)).toBe('stopped');
  });

  it('the fixed class constructs without starting it, runs it from start(), and close() stops it', () => {
    const fixed = suggestStart(worker);
    expect(fixed).toContain('  start() {\n    this.run().catch(');
    const log = runInChild<string[]>(fixed, probe);
    expect(log[0]).toBe('-- constructed');
    expect(log.slice(1, 3)).toEqual(['job 1', 'job 2']);
    expect(log.filter((entry) => entry === 'stopped')).toHaveLength(1);
    expect(log.at(-1)).toBe('stopped');
  });

  it('the fixed class is not reported again', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      suggestStart(worker),
      [{ ...plugin.configs.all, languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' } }],
      { filename: 'worker.js' },
    );
    expect(messages).toEqual([]);
  });
});
