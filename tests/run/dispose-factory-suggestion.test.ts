import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { importTranspiled as importModule } from '../helpers/run-code.js';

/**
 * async-dispose-requires-init's factory suggestion (no-async-constructor's transform with a private
 * constructor), run for real: the output is linted again with both rules, transpiled with
 * `transpileModule` (Node 20 runs `await using` only downlevelled) and executed.
 */

function importTranspiled(source: string): Promise<{ main(): Promise<unknown> }> {
  return importModule<{ main(): Promise<unknown> }>(source);
}

function lint(code: string, rules: string[]): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { 'async-init': plugin },
        rules: Object.fromEntries(rules.map((rule) => [`async-init/${rule}`, 'error'])),
        languageOptions: { parser: tseslint.parser as never },
      },
    ],
    { filename: 'case.ts' },
  );
}

/** Applies async-dispose-requires-init's `suggestFactory` suggestion of the first report that has one. */
function applyFactorySuggestion(code: string): string {
  const messages = lint(code, ['async-dispose-requires-init']);
  const fix = messages.flatMap((message) => message.suggestions ?? []).find((suggestion) => suggestion.messageId === 'suggestFactory')?.fix;
  if (!fix) {
    throw new Error(`no suggestFactory suggestion: ${JSON.stringify(messages)}`);
  }
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const db = `
interface Connection { url: string; close(): Promise<void> }
export const log: string[] = [];
async function open(url: string): Promise<Connection> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  log.push(\`open \${url}\`);
  return { url, async close() { log.push(\`close \${url}\`); } };
}
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor(readonly url: string) {
    this.connect();
  }
  async connect(): Promise<void> { this.conn = await open(this.url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
`;

describe('async-dispose-requires-init factory suggestion, run', () => {
  it('the output is reported by neither async-dispose-requires-init nor no-async-constructor', () => {
    expect(lint(db, ['async-dispose-requires-init', 'no-async-constructor']).map((message) => message.messageId)).toEqual([
      'asyncWork',
      'unguardedDisposeRead',
    ]);
    const fixed = applyFactorySuggestion(db);
    expect(fixed).toContain('private constructor(readonly url: string) {}');
    expect(fixed).toContain('static async create(url: string): Promise<Db> {');
    expect(lint(fixed, ['async-dispose-requires-init', 'no-async-constructor'])).toEqual([]);

    const pool = `
interface Connection { close(): Promise<void> }
declare function open(): Promise<Connection>;
export class Pool implements AsyncDisposable {
  conn: Connection | undefined;
  ready: Promise<void>;
  constructor() {
    this.ready = this.connect();
  }
  private async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
`;
    const fixedPool = applyFactorySuggestion(pool);
    expect(fixedPool).toContain('await pool.ready;');
    expect(lint(fixedPool, ['async-dispose-requires-init', 'no-async-constructor'])).toEqual([]);
  });

  it('`await using x = await C.create()` enters connected, disposes, and connects once', async () => {
    const code = `${db}
export async function main() {
  {
    await using db = new Db('db://a');
    log.push(db.conn ? \`using \${db.conn.url}\` : 'using an unconnected Db');
  }
  return log;
}
`;
    const fixed = applyFactorySuggestion(code);
    expect(fixed).toContain("await using db = await Db.create('db://a');");
    // The original enters the scope before `connect()` finished, and its disposal throws.
    const original = await importTranspiled(code);
    await expect(original.main()).rejects.toThrow(TypeError);
    const { log } = original as unknown as { log: string[] };
    expect(log[0]).toBe('using an unconnected Db');
    expect(await (await importTranspiled(fixed)).main()).toEqual(['open db://a', 'using db://a', 'close db://a']);
  });

  it('callers in other modules `await Db.create()`, and init runs once per instance', async () => {
    const fixed = applyFactorySuggestion(db);
    const module = (await importTranspiled(`${fixed}
export async function main() {
  const first = await Db.create('db://b');
  {
    await using second = await Db.create('db://c');
  }
  await first[Symbol.asyncDispose]();
  return log;
}
`));
    expect(await module.main()).toEqual(['open db://b', 'open db://c', 'close db://c', 'close db://b']);
  });
});
