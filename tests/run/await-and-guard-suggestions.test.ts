import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { importTranspiled as importModule } from '../helpers/run-code.js';

/**
 * The suggestions of require-awaited-init and async-dispose-requires-init, run for real: each case
 * lints a module, applies the suggestion, transpiles both versions with `transpileModule` (Node 20
 * runs `await using` only downlevelled) and shows that the original fails the way the message says
 * and the suggestion's output does not.
 */

function importTranspiled(source: string): Promise<{ main(): Promise<unknown> }> {
  return importModule<{ main(): Promise<unknown> }>(source);
}

/** Lints `code` with one rule and applies the first suggestion of the first report with `messageId`. */
function applySuggestion(rule: string, messageId: string, code: string): string {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        plugins: { 'async-init': plugin },
        rules: { [`async-init/${rule}`]: 'error' },
        languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
      },
    ],
    { filename: 'case.js' },
  );
  const message = messages.find((candidate) => candidate.messageId === messageId);
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) {
    throw new Error(`no ${messageId} suggestion: ${JSON.stringify(messages)}`);
  }
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const awaitableClient = `
class Client {
  #ready;
  token = '';
  then(resolve, reject) {
    this.#ready ??= Promise.resolve().then(() => {
      this.token = 'connected';
      Object.defineProperty(this, 'then', { value: undefined, configurable: true });
    });
    return this.#ready.then(() => this).then(resolve, reject);
  }
  async [Symbol.asyncDispose]() {}
}
`;

describe('require-awaited-init suggestions, run', () => {
  it('`await using x = await new C()` enters the scope with an initialised instance', async () => {
    const code = `${awaitableClient}
export async function main() {
  await using client = new Client();
  return client.token;
}
`;
    const fixed = applySuggestion('require-awaited-init', 'awaitableInUsing', code);
    expect(fixed).toContain('await using client = await new Client();');
    expect(await (await importTranspiled(code)).main()).toBe('');
    expect(await (await importTranspiled(fixed)).main()).toBe('connected');
  });

  it('`(await new C()).query()` queries an initialised instance', async () => {
    const code = `${awaitableClient.replace('async [Symbol.asyncDispose]() {}', 'query() { return this.token; }')}
export async function main() {
  return new Client().query();
}
`;
    const fixed = applySuggestion('require-awaited-init', 'memberBeforeInit', code);
    expect(fixed).toContain('return (await new Client()).query();');
    expect(await (await importTranspiled(code)).main()).toBe('');
    expect(await (await importTranspiled(fixed)).main()).toBe('connected');
  });

  it('`await using x = await open()` disposes the resource instead of throwing a TypeError', async () => {
    const code = `
const log = [];
async function open() {
  return { async [Symbol.asyncDispose]() { log.push('disposed'); } };
}
export async function main() {
  {
    await using resource = open();
  }
  return log;
}
`;
    const fixed = applySuggestion('require-awaited-init', 'promiseInUsing', code);
    expect(fixed).toContain('await using resource = await open();');
    await expect((await importTranspiled(code)).main()).rejects.toThrow(TypeError);
    expect(await (await importTranspiled(fixed)).main()).toEqual(['disposed']);
  });
});

describe('async-dispose-requires-init suggestions, run', () => {
  it('a guarded dispose lets the real error through when init never ran', async () => {
    const code = `
class Db {
  async connect() { this.conn = { async close() {} }; }
  async [Symbol.asyncDispose]() {
    await this.conn.close();
  }
}
export async function main() {
  await using db = new Db();
  throw new Error('the real error');
}
`;
    const fixed = applySuggestion('async-dispose-requires-init', 'unguardedDisposeRead', code);
    expect(fixed).toContain('await this.conn?.close();');
    // The original's disposal throws a TypeError at scope exit, which wraps (and hides) the real error.
    const original = await (await importTranspiled(code)).main().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(original).toBeInstanceOf(Error);
    expect((original as Error).message).not.toBe('the real error');
    expect((original as { error?: unknown }).error).toBeInstanceOf(TypeError);
    await expect((await importTranspiled(fixed)).main()).rejects.toThrow(/^the real error$/u);
  });

  it('a guarded dispose still closes what init opened', async () => {
    const code = `
const log = [];
class Db {
  async connect() { this.conn = { async close() { log.push('closed'); } }; }
  async [Symbol.asyncDispose]() {
    await this.conn.close();
  }
}
export async function main() {
  {
    await using db = new Db();
    await db.connect();
  }
  return log;
}
`;
    const fixed = applySuggestion('async-dispose-requires-init', 'unguardedDisposeRead', code);
    expect(await (await importTranspiled(fixed)).main()).toEqual(['closed']);
  });
});
