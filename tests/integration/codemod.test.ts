import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { brief, ensureBuilt, makeTempDir, parseEslintJson, repoRoot, run, runOk, toFindings } from './helpers.js';

/**
 * The codemod, as a user runs it: `eslint --fix` through the real CLI and the built plugin on a
 * typed project of three files (tests/fixtures/codemod: a class whose constructor starts its
 * connection, and two files that construct it), then `tsc` and the program itself on the result.
 * app.ts sorts before db.ts, so ESLint lints it against the class as it was before the run;
 * worker.ts comes after, and sees the class as the run has fixed it.
 */

const fixture = path.join(repoRoot, 'tests/fixtures/codemod');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const tscBin = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

function configText(requireAwaitedInit: string): string {
  return `import asyncInit from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href)};
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['out/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  asyncInit.configs.recommended,
  {
    rules: {
      'async-init/no-async-constructor': ['error', { autofix: 'factory', constructorVisibility: 'private' }],
      'async-init/require-awaited-init': ['error', ${requireAwaitedInit}],
    },
  },
];
`;
}

/** A copy of the fixture project with `eslint.config.js`; the repository's node_modules are linked in. */
function makeProject(name: string, requireAwaitedInit: string): { dir: string; remove: () => void } {
  const project = makeTempDir(`codemod-${name}`);
  cpSync(fixture, project.dir, { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project.dir, 'node_modules'), 'dir');
  writeFileSync(path.join(project.dir, 'eslint.config.js'), configText(requireAwaitedInit));
  return project;
}

const fix = (dir: string) => run(process.execPath, [eslintBin, '--fix', '.'], { cwd: dir, timeout: 120_000 });

async function findings(dir: string): Promise<string[]> {
  const { stdout, stderr } = await run(process.execPath, [eslintBin, '--format', 'json', '.'], { cwd: dir, timeout: 120_000 });
  return brief(toFindings(parseEslintJson(stdout, stderr), dir));
}

/** `tsc` on the project (emitting to out/, which does not change what it reports): its diagnostics. */
async function typecheck(dir: string): Promise<string> {
  const { stdout } = await run(process.execPath, [tscBin, '-p', '.', '--noEmit', 'false', '--outDir', 'out'], { cwd: dir, timeout: 120_000 });
  return stdout.trim();
}

/** Runs the compiled main.js (after {@link typecheck}): what the call sites got. */
async function runProgram(dir: string): Promise<{ results?: string[]; connections?: string[]; error?: string }> {
  const { stdout } = await runOk(process.execPath, ['out/main.js'], { cwd: dir, timeout: 30_000 });
  return JSON.parse(stdout) as { results?: string[]; connections?: string[]; error?: string };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

const migrated = {
  results: ['app: select 1', 'w1: work', 'w2: work', 'local: local'],
  connections: ['app', 'local', 'w1', 'w2'],
};

beforeAll(ensureBuilt, 300_000);

// Each step runs the CLI or tsc (seconds each alone, much longer on a loaded machine).
const STEP = 240_000;

describe('codemod: one `eslint --fix` with checkFactoryMigration', () => {
  let project: { dir: string; remove: () => void };
  beforeAll(() => {
    project = makeProject('one-run', '{ autofix: true, checkFactoryMigration: true }');
  });
  afterAll(() => project.remove());

  it('starts from a program that uses an instance before its connection is made', async () => {
    expect(await typecheck(project.dir)).toBe('');
    expect(await runProgram(project.dir)).toEqual({ error: 'app is not connected yet: select 1' });
  }, STEP);

  it('migrates the class and the call sites in every file in one run', async () => {
    const { code } = await fix(project.dir);
    expect(code).toBe(0);
    expect(read(project.dir, 'db.ts')).toContain(`  private constructor(readonly name: string) {}

  static async create(name: string): Promise<Db> {
    const db = new Db(name);
    await db.connect();
    return db;
  }`);
    expect(read(project.dir, 'db.ts')).toContain("return await Db.create('local');");
    expect(read(project.dir, 'app.ts')).toContain("const db = await Db.create('app');");
    expect(read(project.dir, 'worker.ts')).toContain("names.map(async (name) => (await store.Db.create(name)).query('work'))");
  }, STEP);

  it('leaves no diagnostic, no report, and a program whose every instance connected once', async () => {
    expect(await typecheck(project.dir)).toBe('');
    expect(await findings(project.dir)).toEqual([]);
    expect(await runProgram(project.dir)).toEqual(migrated);
  }, STEP);
});

describe('codemod: without checkFactoryMigration, files linted before the class need a second run', () => {
  let project: { dir: string; remove: () => void };
  beforeAll(() => {
    project = makeProject('two-runs', '{ autofix: true }');
  });
  afterAll(() => project.remove());

  it('fixes the class, its own call sites and the files linted after it; app.ts is left for the next run', async () => {
    await fix(project.dir);
    expect(read(project.dir, 'worker.ts')).toContain('(await store.Db.create(name))');
    expect(read(project.dir, 'app.ts')).toContain("const db = new Db('app');");
    // The private constructor makes the missed call site a compile error, and the rule reports it.
    expect(await typecheck(project.dir)).toMatch(/^app\.ts\(5,14\): error TS2673: Constructor of class 'Db' is private/u);
    expect(await findings(project.dir)).toEqual(['app.ts require-awaited-init/constructedWithoutFactory 5:14']);
  }, STEP);

  it('finishes with the second run', async () => {
    await fix(project.dir);
    expect(read(project.dir, 'app.ts')).toContain("const db = await Db.create('app');");
    expect(await typecheck(project.dir)).toBe('');
    expect(await findings(project.dir)).toEqual([]);
    expect(await runProgram(project.dir)).toEqual(migrated);
  }, STEP);
});
