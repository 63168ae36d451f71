import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { brief, ensureBuilt, makeTempDir, parseEslintJson, repoRoot, run, runOk, toFindings } from './helpers.js';

/**
 * The codemod, as a user runs it: `eslint --fix` through the real CLI and the built plugin on a
 * typed project (tests/fixtures/codemod: db.ts, a class whose constructor starts its connection;
 * queue.ts, one whose constructor starts work under a guard over an option, which moves with it; app.ts and worker.ts, which construct both), then `tsc` and the program itself
 * on the result. ESLint lints each file against the files as they were when the run started, except
 * that a file linted after a class's file sees the class as the run fixed it (the project service
 * keeps the fixed text); which files those are depends on the order the reads complete.
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
interface ProgramOutput {
  results?: string[];
  connections?: string[];
  runs?: string[];
  error?: string;
}

async function runProgram(dir: string): Promise<ProgramOutput> {
  const { stdout } = await runOk(process.execPath, ['out/main.js'], { cwd: dir, timeout: 30_000 });
  return JSON.parse(stdout) as ProgramOutput;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** Every call site got an initialised instance, and each instance initialised once. */
const migrated: ProgramOutput = {
  results: ['app: select 1', 'w1: work', 'w2: work', 'local: local', 'jobs started: true', 'worker queue started: true'],
  connections: ['app', 'local', 'w1', 'w2'],
  runs: ['jobs', 'worker-queue'],
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

  it('migrates both classes and the call sites in every file in one run', async () => {
    const { code } = await fix(project.dir);
    expect(code).toBe(0);
    expect(read(project.dir, 'db.ts')).toContain(`  private constructor(readonly name: string) {}

  static async create(name: string): Promise<Db> {
    const db = new Db(name);
    await db.connect();
    return db;
  }`);
    expect(read(project.dir, 'db.ts')).toContain("return await Db.create('local');");
    expect(read(project.dir, 'queue.ts')).toContain('  static async create(name: string, options: { autorun: boolean }): Promise<Queue> {');
    expect(read(project.dir, 'app.ts')).toContain("const db = await Db.create('app');");
    expect(read(project.dir, 'app.ts')).toContain("const queue = await Queue.create('jobs', { autorun: true });");
    expect(read(project.dir, 'worker.ts')).toContain("names.map(async (name) => (await store.Db.create(name)).query('work'))");
    expect(read(project.dir, 'worker.ts')).toContain("return (await Queue.create('worker-queue', { autorun: true })).isStarted();");
  }, STEP);

  it('leaves no diagnostic, no report, and a program whose every instance initialised once', async () => {
    expect(await typecheck(project.dir)).toBe('');
    expect(await findings(project.dir)).toEqual([]);
    expect(await runProgram(project.dir)).toEqual(migrated);
  }, STEP);
});

describe('codemod: without checkFactoryMigration, call sites ESLint lints before the class need a second run', () => {
  let project: { dir: string; remove: () => void };
  beforeAll(() => {
    project = makeProject('two-runs', '{ autofix: true }');
  });
  afterAll(() => project.remove());

  it('migrates the classes; each call site left is reported and a compile error', async () => {
    await fix(project.dir);
    expect(read(project.dir, 'db.ts')).toContain('static async create(name: string): Promise<Db> {');
    expect(read(project.dir, 'queue.ts')).toContain('static async create(name: string, options: { autorun: boolean }): Promise<Queue> {');
    // ESLint reads the files concurrently and lints each as its read completes: which call sites
    // saw the fixed classes varies from run to run. Whatever is left is reported, and the private
    // constructors make it a compile error.
    const left = ['app.ts', 'worker.ts'].flatMap((file) =>
      read(project.dir, file)
        .split('\n')
        .flatMap((text, index) => [...text.matchAll(/new (?:store\.)?(?:Db|Queue)\(/gu)].map((match) => `${file} ${index + 1}:${match.index + 1}`)),
    );
    expect(await findings(project.dir)).toEqual(
      left.map((site) => site.replace(' ', ' require-awaited-init/constructedWithoutFactory ')),
    );
    const diagnostics = await typecheck(project.dir);
    for (const site of left) {
      const [file, position] = site.split(' ') as [string, string];
      expect(diagnostics).toContain(`${file}(${position.replace(':', ',')}): error TS2673`);
    }
  }, STEP);

  it('finishes with the second run', async () => {
    await fix(project.dir);
    expect(read(project.dir, 'app.ts')).toContain("const db = await Db.create('app');");
    expect(read(project.dir, 'app.ts')).toContain("const queue = await Queue.create('jobs', { autorun: true });");
    expect(read(project.dir, 'worker.ts')).toContain("(await Queue.create('worker-queue', { autorun: true })).isStarted()");
    expect(await typecheck(project.dir)).toBe('');
    expect(await findings(project.dir)).toEqual([]);
    expect(await runProgram(project.dir)).toEqual(migrated);
  }, STEP);
});
