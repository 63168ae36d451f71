import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { fixturesDir, typedFilename } from '../helpers/rule-tester.js';
import { importTranspiled, transpile, typeCheckModules, withTimeout, writeTempModule } from '../helpers/run-code.js';

/**
 * require-awaited-init's held-instance fix, run for real: each case lints a module whose awaitable
 * client is held in a variable and queried before it is awaited, applies the suggestion (await the
 * instance where it is created), transpiles both versions and runs them. The original's query sees
 * an unconnected client; the fixed one's a connected client. The client connects asynchronously (a
 * timer), as a real one would, and its `then` fulfils with the client once it has.
 */

type Tier = 'js' | 'ts' | 'typed';

const HELD = new Set(['heldBeforeAwait', 'heldInCallback']);

function lint(code: string, tier: Tier, options: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const languageOptions: Linter.LanguageOptions =
    tier === 'js'
      ? { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' }
      : tier === 'ts'
        ? { parser: tsParser as Linter.Parser }
        : { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } };
  const filename = tier === 'js' ? 'case.js' : tier === 'ts' ? 'case.ts' : typedFilename;
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { 'async-init': plugin },
        rules: { 'async-init/require-awaited-init': ['error', options] },
        languageOptions,
      },
    ],
    { filename },
  );
}

/** The held-instance reports of `code`, each with its one suggestion applied on its own. */
function fixEach(code: string, tier: Tier): string[] {
  const reports = lint(code, tier).filter((message) => HELD.has(message.messageId ?? ''));
  expect(reports.length).toBeGreaterThan(0);
  return reports.map((report) => {
    expect(report.suggestions).toHaveLength(1);
    const { fix } = report.suggestions![0]!;
    return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  });
}

const client = `
class Client {
  #ready;
  connected = false;
  then(resolve, reject) {
    this.#ready ??= new Promise((done) => setTimeout(done, 5)).then(() => {
      this.connected = true;
      Object.defineProperty(this, 'then', { value: undefined, configurable: true });
    });
    return this.#ready.then(() => this).then(resolve, reject);
  }
  query(sql) {
    return this.connected ? \`rows of \${sql}\` : \`\${sql}: not connected\`;
  }
}
`;

type Main = { main(...args: unknown[]): Promise<unknown> };

/** Runs `main` of the original and of each fixed version: not connected, then connected. */
async function expectFixConnects(code: string, tier: Tier, sql: string, ...args: unknown[]): Promise<void> {
  const [fixed, ...others] = fixEach(code, tier);
  expect(others).toEqual([]);
  expect(await withTimeout((await importTranspiled<Main>(code)).main(...args))).toBe(`${sql}: not connected`);
  expect(await withTimeout((await importTranspiled<Main>(fixed!)).main(...args))).toBe(`rows of ${sql}`);
}

describe('require-awaited-init held-instance suggestion, run (js)', () => {
  it('a client never awaited: `const client = await new Client()` queries it connected', async () => {
    const code = `${client}
export async function main() {
  const client = new Client();
  return client.query('a');
}
`;
    await expectFixConnects(code, 'js', 'a');
  });

  it('a client queried before its await', async () => {
    const code = `${client}
export async function main() {
  const client = new Client();
  const rows = client.query('b');
  await client;
  return rows;
}
`;
    await expectFixConnects(code, 'js', 'b');
  });

  it('a client awaited on one branch only, queried on the other', async () => {
    const code = `${client}
export async function main(ready) {
  const client = new Client();
  if (ready) {
    await client;
  }
  return client.query('c');
}
`;
    await expectFixConnects(code, 'js', 'c', false);
  });

  it('a client assigned to a variable declared before', async () => {
    const code = `${client}
export async function main() {
  let client;
  client = new Client();
  return client.query('d');
}
`;
    await expectFixConnects(code, 'js', 'd');
  });

  it('a module-level client used in a callback: awaited at the top level', async () => {
    const code = `${client}
const shared = new Client();
export function main() {
  return new Promise((resolve) => setTimeout(() => resolve(shared.query('e')), 0));
}
`;
    await expectFixConnects(code, 'js', 'e');
  });

  it('`autofix: true`: one `--fix` awaits every held client, and each query sees it connected', async () => {
    const code = `${client}
export async function never() {
  const client = new Client();
  return client.query('a');
}
export async function before() {
  const client = new Client();
  const rows = client.query('b');
  await client;
  return rows;
}
export async function loop() {
  let client = new Client();
  const rows = [];
  for (let i = 0; i < 2; i++) {
    rows.push(client.query(String(i)));
    client = new Client();
    await client;
  }
  return rows;
}
`;
    const linter = new Linter({ configType: 'flat' });
    const { output, messages } = linter.verifyAndFix(
      code,
      [
        {
          plugins: { 'async-init': plugin },
          rules: { 'async-init/require-awaited-init': ['error', { autofix: true }] },
          languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
        },
      ],
      { filename: 'case.js' },
    );
    expect(messages).toEqual([]);
    const original = await importTranspiled<Record<string, () => Promise<unknown>>>(code);
    const fixed = await importTranspiled<Record<string, () => Promise<unknown>>>(output);
    expect([await original.never!(), await original.before!(), await original.loop!()]).toEqual([
      'a: not connected',
      'b: not connected',
      ['0: not connected', 'rows of 1'],
    ]);
    expect([await fixed.never!(), await fixed.before!(), await fixed.loop!()]).toEqual(['rows of a', 'rows of b', ['rows of 0', 'rows of 1']]);
  });
});

/** The same client in TypeScript, typed as the awaitable-class fix writes it. */
const tsClient = `
class Client {
  #ready: Promise<void> | undefined;
  connected = false;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#ready ??= new Promise<void>((done) => setTimeout(done, 5)).then(() => {
      this.connected = true;
      Object.defineProperty(this, 'then', { value: undefined, configurable: true });
    });
    return this.#ready.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  query(sql: string): string {
    return this.connected ? \`rows of \${sql}\` : \`\${sql}: not connected\`;
  }
}
`;

describe('require-awaited-init held-instance suggestion, run (ts)', () => {
  it('without types: the fix keeps the type assertion inside the await, and type-checks', async () => {
    const code = `${tsClient}
export async function main(): Promise<string> {
  const client = new Client() as Client;
  return client.query('f');
}
`;
    const [fixed] = fixEach(code, 'ts');
    expect(fixed).toContain('const client = await (new Client() as Client);');
    expect(typeCheckModules({ 'case.ts': fixed! })['case.ts']).toEqual([]);
    await expectFixConnects(code, 'ts', 'f');
  });

  it('with types: a client class from another file', async () => {
    const deps = readFileSync(path.join(fixturesDir, 'awaitable-deps.ts'), 'utf8');
    const code = `
import { RemoteClient } from './awaitable-deps.js';
export async function main(): Promise<string[]> {
  const client = new RemoteClient('wss://example.test');
  return client.query('select 1');
}
`;
    const [fixed, ...others] = fixEach(code, 'typed');
    expect(others).toEqual([]);
    expect(fixed).toContain("const client = await new RemoteClient('wss://example.test');");
    const checked = typeCheckModules({ 'awaitable-deps.ts': deps, 'case.ts': fixed! });
    expect(checked['case.ts']).toEqual([]);
    // Run both against the real dependency: its query reports the token its `then` sets on connecting.
    const depsUrl = pathToFileURL(writeTempModule(transpile(deps), 'awaitable-deps')).href;
    const run = async (source: string): Promise<unknown> =>
      withTimeout((await importTranspiled<Main>(source.replace("'./awaitable-deps.js'", `'${depsUrl}'`))).main());
    expect(await run(code)).toEqual(['select 1', '']);
    expect(await run(fixed!)).toEqual(['select 1', 'ready']);
  });
});
