import { readFileSync } from 'node:fs';

import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { setDeclineListener, type Decline } from '../../src/fixes/declines.js';
import plugin from '../../src/index.js';
import { importTranspiled, typeCheck, withTimeout } from '../helpers/run-code.js';

/**
 * no-two-phase-disposable's factory suggestion, run for real: the output is linted again with the
 * `strict` config, type-checked under `--strict`, transpiled (Node 20 runs `await using` only
 * downlevelled) and executed: `await using db = await Db.create()` enters with a usable object, the
 * init runs once, and the disposal once.
 */

function lint(code: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      { ...plugin.configs.strict, files: ['**/*.ts', '**/*.js'] },
      ...(filename.endsWith('.ts') ? [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never } }] : []),
    ],
    { filename },
  );
}

/** Applies the rule's one suggestion. */
function applySuggestion(code: string, filename: string): string {
  const messages = lint(code, filename).filter((message) => message.ruleId === 'async-init/no-two-phase-disposable');
  const fix = messages[0]?.suggestions?.[0]?.fix;
  if (messages.length !== 1 || !fix) {
    throw new Error(`expected one report with a suggestion: ${JSON.stringify(messages)}`);
  }
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const db = `/// <reference lib="esnext.disposable" />
interface Socket { query(sql: string): Promise<string>; close(): Promise<void> }
export const log: string[] = [];
async function open(url: string): Promise<Socket> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  log.push(\`open \${url}\`);
  return {
    async query(sql: string) { return \`\${url}: \${sql}\`; },
    async close() { log.push(\`close \${url}\`); },
  };
}
export class Db implements AsyncDisposable {
  private sock?: Socket;
  constructor(readonly url: string) {}
  async connect(): Promise<void> {
    this.sock = await open(this.url);
  }
  async query(sql: string): Promise<string> {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.sock?.close();
  }
}
export async function main(): Promise<string[]> {
  {
    await using db = new Db('db://a');
    log.push(await db.query('select 1'));
  }
  return log;
}
`;

describe('no-two-phase-disposable factory suggestion, run', () => {
  it('the original enters the scope unusable: its first query throws', async () => {
    const original = await importTranspiled<{ main(): Promise<string[]>; log: string[] }>(db);
    await expect(withTimeout(original.main())).rejects.toThrow('not connected');
    expect(original.log).toEqual([]);
  });

  it('the output is not reported by the strict config, and type-checks', () => {
    const fixed = applySuggestion(db, 'db.ts');
    expect(fixed).toContain('private constructor(readonly url: string) {}');
    expect(fixed).toContain("await using db = await Db.create('db://a');");
    expect(lint(fixed, 'db.ts')).toEqual([]);
    expect(typeCheck(fixed)).toEqual([]);
    // The constructor is private now: `new Db()` from outside no longer compiles.
    expect(typeCheck(`${fixed}\nexport const outside = new Db('db://b');\n`).join('\n')).toContain('TS2673');
  });

  it('`await using db = await Db.create()` enters connected; connect and dispose run once each', async () => {
    const fixed = applySuggestion(db, 'db.ts');
    const module = await importTranspiled<{ main(): Promise<string[]> }>(fixed);
    expect(await withTimeout(module.main())).toEqual(['open db://a', 'db://a: select 1', 'close db://a']);
  });

  it('JavaScript, no constructor: the factory runs the init once per instance, dispose once', async () => {
    const pool = `
export const log = [];
export class Pool {
  ready = false;
  async open() {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.ready = true;
    log.push('open');
  }
  push(item) {
    if (!this.ready) return false;
    log.push(\`push \${item}\`);
    return true;
  }
  async [Symbol.asyncDispose]() {
    log.push(\`dispose \${this.ready}\`);
  }
}
export async function main() {
  {
    await using pool = new Pool();
    pool.push('a');
  }
  return log;
}
`;
    const original = await importTranspiled<{ main(): Promise<string[]> }>(pool);
    // The original silently drops the item: the pool was never opened.
    expect(await withTimeout(original.main())).toEqual(['dispose false']);

    const fixed = applySuggestion(pool, 'pool.js');
    expect(fixed).toContain('await using pool = await Pool.create();');
    expect(lint(fixed, 'pool.js')).toEqual([]);
    const module = await importTranspiled<{ main(): Promise<string[]>; Pool: { create(): Promise<{ push(item: string): boolean }> } }>(fixed);
    expect(await withTimeout(module.main())).toEqual(['open', 'push a', 'dispose true']);
    // Two instances, two inits: each instance is opened exactly once.
    const [first, second] = await Promise.all([module.Pool.create(), module.Pool.create()]);
    expect(first.push('b') && second.push('c')).toBe(true);
    expect(await withTimeout(module.main())).toEqual([
      'open', 'push a', 'dispose true', 'open', 'open', 'push b', 'push c', 'open', 'push a', 'dispose true',
    ]);
  });

  it('a failing init rejects the factory: no half-initialised instance reaches the scope', async () => {
    const failing = db.replace("log.push(`open ${url}`);", "throw new Error(`cannot reach ${url}`);");
    const fixed = applySuggestion(failing, 'db.ts');
    const module = await importTranspiled<{ main(): Promise<string[]>; log: string[] }>(fixed);
    await expect(withTimeout(module.main())).rejects.toThrow('cannot reach db://a');
    // Nothing was entered, so nothing is disposed and no query ran.
    expect(module.log).toEqual([]);
  });
});

describe('docs/rules/no-two-phase-disposable.md', () => {
  const docs = readFileSync(new URL('../../docs/rules/no-two-phase-disposable.md', import.meta.url), 'utf8');
  const example = (name: string): string => {
    const match = new RegExp(`<!-- suggestion example: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\`\\n`, 'u').exec(docs);
    if (!match?.[1]) {
      throw new Error(`the docs have no "${name}" suggestion example`);
    }
    return match[1];
  };

  it('show the exact output of the suggestion', () => {
    expect(applySuggestion(example('before'), 'example.ts')).toBe(example('after'));
  });
});

describe('declines of the init-factory transform', () => {
  it('are recorded with their reason, for the corpus report', () => {
    const declines: Decline[] = [];
    setDeclineListener((decline) => declines.push(decline));
    try {
      const code = `
export class Db implements AsyncDisposable {
  private sock?: { close(): void };
  async connect(url: string): Promise<void> { this.sock = await Promise.resolve({ url, close() {} }); }
  close(): void { if (!this.sock) throw new Error('not connected'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Used implements AsyncDisposable {
  private sock?: { close(): void };
  async open(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void { if (!this.sock) throw new Error('not connected'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function main(): Promise<void> {
  const used = new Used();
  await used.open();
}
export class Twice implements AsyncDisposable {
  private sock?: { close(): void };
  private token?: string;
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  async login(): Promise<void> { this.token = await Promise.resolve('t'); }
  close(): void { if (!this.sock || !this.token) throw new Error('not ready'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`;
      const messages = lint(code, 'declines.ts').filter((message) => message.ruleId === 'async-init/no-two-phase-disposable');
      expect(messages.map((message) => message.suggestions ?? [])).toEqual([[], [], []]);
    } finally {
      setDeclineListener(undefined);
    }
    expect(declines.map(({ transform, target, reason, line }) => ({ transform, target, reason, line }))).toEqual([
      { transform: 'init-factory', target: 'Db', reason: 'init method takes arguments', line: 2 },
      { transform: 'init-factory', target: 'Used', reason: 'code outside the class calls the init', line: 8 },
      { transform: 'init-factory', target: 'Twice', reason: 'several init methods', line: 18 },
    ]);
  });
});
