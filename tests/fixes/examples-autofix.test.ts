import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import asyncInit from '../../src/index.js';

/**
 * `eslint --fix` with `autofix: "factory"` over a copy of examples/, through the ESLint Node API
 * with the typed config `npm start` uses; then the TypeScript compiler checks the fixed files with
 * examples/tsconfig.json: the codemod must not add a single diagnostic.
 */

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
let workDir: string;

/** Every diagnostic of the project in `dir`, without positions (the fix moves lines). */
function diagnosticsOf(dir: string): string[] {
  const configFile = path.join(dir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (diagnostic) =>
        `${diagnostic.file ? path.relative(dir, diagnostic.file.fileName) : '(global)'}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    )
    .sort();
}

function createESLint(dir: string, fix: boolean): ESLint {
  return new ESLint({
    cwd: dir,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { projectService: true, tsconfigRootDir: dir },
        },
      },
      asyncInit.configs.recommended,
      { rules: { 'async-init/no-async-constructor': ['error', { autofix: 'factory' }] } },
    ],
  });
}

const countRule = (results: ESLint.LintResult[], ruleId: string): number =>
  results.reduce((count, result) => count + result.messages.filter((message) => message.ruleId === ruleId).length, 0);

describe('`autofix: "factory"` over examples/', () => {
  let before: string[];
  let after: string[];
  let reportsBefore: number;
  let reportsAfter: number;
  let fixed: string;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'async-init-examples-'));
    cpSync(examples, workDir, { recursive: true });
    before = diagnosticsOf(workDir);
    reportsBefore = countRule(await createESLint(workDir, false).lintFiles(['.']), 'async-init/no-async-constructor');
    const results = await createESLint(workDir, true).lintFiles(['.']);
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    await ESLint.outputFixes(results);
    fixed = readFileSync(path.join(workDir, 'async-constructor.ts'), 'utf8');
    reportsAfter = countRule(await createESLint(workDir, false).lintFiles(['.']), 'async-init/no-async-constructor');
    after = diagnosticsOf(workDir);
  }, 120_000);

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('rewrites every class it can into a static async factory', () => {
    expect(reportsBefore).toBeGreaterThan(0);
    expect(reportsAfter).toBe(0);
    for (const className of ['Db', 'Cache', 'Session']) {
      expect(fixed).toContain(`static async create(`);
      expect(fixed).toContain(`: Promise<${className}> {`);
    }
    // The work moves: the ready promise keeps its field (now definitely assigned), assigned in the
    // factory and awaited together with the rest, which still starts at once.
    expect(fixed).toContain('ready!: Promise<void>;');
    expect(fixed).toContain('  constructor(readonly url: string) {}\n');
    expect(fixed).toContain('    db.ready = db.connect();');
    expect(fixed).toContain('    await Promise.all([\n      db.ready,\n');
  });

  it('adds no TypeScript diagnostic', () => {
    expect(after).toEqual(before);
  });
});
