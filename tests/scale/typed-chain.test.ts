import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

/**
 * The type tier at size: a constructor chains on a call of the head of 3,000 helpers of the
 * program, each returning the next one's promise. Whether such a call starts work is read from the
 * helpers' bodies, one after another (callee-work.ts); that used to recurse once per helper and
 * overflow the stack. Every rule on, with a TypeScript program.
 */

const LINKS = 3000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'async-init-typed-chain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  writeFileSync(path.join(dir, file), text);
}

describe('scale, type tier: a chain of helpers', () => {
  it(`${LINKS} helpers, each returning the next one's promise: no rule throws`, { timeout: 120_000 }, async () => {
    write(
      'tsconfig.json',
      JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: [] }, include: ['*.ts'] }),
    );
    const helpers = Array.from(
      { length: LINKS },
      (_, k) => `export function h${k}(): Promise<void> {\n  return ${k === LINKS - 1 ? 'io' : `h${k + 1}`}();\n}`,
    );
    write('helpers.ts', `declare function io(): Promise<void>;\n${helpers.join('\n')}\n`);
    write(
      'main.ts',
      `import { h0 } from './helpers.js';\n\nexport class Db {\n  ready: Promise<void>;\n  constructor() {\n    this.ready = h0().catch(() => undefined);\n  }\n}\n`,
    );
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`async-init/${name}`, 'error' as const]));
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          plugins: { 'async-init': plugin as unknown as ESLint.Plugin },
          languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir } },
          rules,
        },
      ],
    });
    const [result] = await eslint.lintFiles(['main.ts']);
    // `io()` has no body to read and may be I/O: the chain on `h0()` is work nobody awaits.
    expect(result?.messages.map((message) => [message.ruleId, message.message.split(',')[0]])).toEqual([
      ['async-init/no-async-constructor', "`Db`'s constructor starts `h0()`"],
    ]);
  });
});
