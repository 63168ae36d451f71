import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { expectedFor } from './expected.js';
import {
  brief,
  type Finding,
  fixturesDir,
  makeTempDir,
  npmEnv,
  packPlugin,
  parseEslintJson,
  repoRoot,
  run,
  runOk,
  toFindings,
  TYPED_CONFIG,
} from './helpers.js';
import { fixInProcess, lintInProcess, type EslintMajor } from './in-process.js';

/**
 * The plugin the way users get it: `npm pack`, installed from the tarball into a fresh project outside
 * this repository next to a real ESLint, typescript-eslint and TypeScript from the registry, then linted
 * with the real `eslint` CLI. One install per ESLint major is shared by every check:
 *
 *   <tmp>/package.json      the consumer's dependencies (the tarball as `file:`)
 *   <tmp>/plain/            eslint.config.js with `configs.recommended`, the .js fixtures
 *   <tmp>/typed/            eslint.config.js with the project service, tsconfig.json, the .ts fixtures
 *   <tmp>/fix/              a copy of the .js fixtures for `--fix`
 *   <tmp>/types/            eslint.config.ts, type-checked against the published .d.ts
 */

const PLAIN_CONFIG = `import asyncInit from 'eslint-plugin-async-init';

export default [
  asyncInit.configs.recommended,
  // The rules \`recommended\` leaves off, so that every rule the plugin ships is exercised.
  { rules: asyncInit.configs.all.rules },
];
`;

const TS_CONFIG = `import asyncInit from 'eslint-plugin-async-init';
import { defineConfig } from 'eslint/config';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const recommended: Linter.Config = asyncInit.configs.recommended;
const version: string = asyncInit.meta.version;
const ruleNames: string[] = Object.keys(asyncInit.rules);

export default defineConfig(
  recommended,
  asyncInit.configs.strict,
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } },
    plugins: { 'async-init': asyncInit },
    rules: {
      'async-init/no-async-constructor': ['error', { allowReadyPromise: true, allowForKnownSafeCalls: ['warmUp'] }],
    },
  },
  tseslint.configs.recommended,
  { name: \`async-init \${version}: \${ruleNames.length} rules\` },
);
`;

/** Misuses the published types: tsc must reject each line, so the types are not `any`. */
const TS_MISUSE = `import asyncInit from 'eslint-plugin-async-init';

export const a: number = asyncInit.meta.version;
export const b = asyncInit.configs.missing;
`;

const TS_TSCONFIG = (files: string[]): string =>
  `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: [],
        // The consumer's own view: check our .d.ts, not every dependency's.
        skipLibCheck: true,
      },
      files,
    },
    null,
    2,
  )}\n`;

/**
 * The code blocks of the README's "ESLint 9 and 10" section, in order: the plain eslint.config.js, the
 * typed one, the eslint.config.ts. The consumer runs them as they are, so the README cannot drift.
 */
function readmeSnippets(): { plain: string; typed: string; typescript: string } {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = /^## ESLint 9 and 10\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const blocks = [...section.matchAll(/^```(js|ts)\n([\s\S]*?)^```/gm)].map((match) => ({ lang: match[1], code: match[2] ?? '' }));
  const [plain, typed, typescript] = blocks;
  if (blocks.length !== 3 || plain?.lang !== 'js' || typed?.lang !== 'js' || typescript?.lang !== 'ts') {
    throw new Error(`README's "ESLint 9 and 10" section should hold two js blocks and one ts block, found ${blocks.map((block) => block.lang).join(', ')}`);
  }
  return { plain: plain.code, typed: typed.code, typescript: typescript.code };
}

/**
 * Imports a fixed module and builds each exported class the way the fixes make it buildable: a
 * static `create()` is awaited, a class with `then` is awaited itself. Prints what each gave.
 */
const RUN_FIXED = `
const module = await import(process.argv[1]);
const built = [];
for (const [name, value] of Object.entries(module)) {
  if (typeof value !== 'function') continue;
  const instance = typeof value.create === 'function' ? await value.create('url')
    : typeof value.prototype?.then === 'function' ? await new value('url') : undefined;
  if (instance !== undefined) built.push(name + ': ' + (instance instanceof value ? 'instance' : typeof instance));
}
console.log(JSON.stringify(built));
`;

function copyFixtures(extension: string, destination: string): void {
  mkdirSync(destination, { recursive: true });
  for (const name of readdirSync(fixturesDir)) {
    if (name.endsWith(extension) || (extension === '.ts' && name === 'tsconfig.json')) {
      copyFileSync(path.join(fixturesDir, name), path.join(destination, name));
    }
  }
}

/** `eslint` in the consumer, `--format json`, parsed; exit 1 (findings) is expected, 2 (crash) is not. */
async function eslintCli(consumer: string, cwd: string, args: string[]): Promise<Finding[]> {
  const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
  const { stdout, stderr } = await runOk(process.execPath, [bin, '--format', 'json', ...args], {
    cwd,
    allowed: [1],
  });
  return toFindings(parseEslintJson(stdout, stderr), cwd);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

/** The `autofix` values a rule's schema accepts (other than `false`), if it has that option. */
function autofixModes(rule: (typeof plugin.rules)[string]): string[] {
  const schema = rule.meta?.schema;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, { enum?: unknown[]; oneOf?: { enum?: unknown[] }[] }> } | undefined) : undefined;
  const autofix = first?.properties?.autofix;
  if (!autofix) {
    return [];
  }
  const values = [...(autofix.enum ?? []), ...(autofix.oneOf ?? []).flatMap((branch) => branch.enum ?? [])];
  return values.filter((value): value is string => typeof value === 'string');
}

export function consumerSuite(major: EslintMajor, eslintVersion: string): void {
  describe(`the packed plugin in a consumer project with eslint@${eslintVersion}`, () => {
    let consumer = '';
    let remove = (): void => {};

    beforeAll(async () => {
      ({ dir: consumer, remove } = makeTempDir(`consumer-eslint${major}`));
      const tarball = await packPlugin(consumer);
      const typescriptVersion = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/typescript/package.json'), 'utf8')) as { version: string };
      writeFileSync(
        path.join(consumer, 'package.json'),
        `${JSON.stringify(
          {
            name: `consumer-eslint${major}`,
            private: true,
            type: 'module',
            devDependencies: {
              eslint: eslintVersion,
              'eslint-plugin-async-init': `file:./${path.basename(tarball)}`,
              typescript: `~${typescriptVersion.version}`,
              'typescript-eslint': '8.72.0',
            },
          },
          null,
          2,
        )}\n`,
      );
      await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: consumer, env: npmEnv });

      copyFixtures('.js', path.join(consumer, 'plain'));
      writeFileSync(path.join(consumer, 'plain/eslint.config.js'), PLAIN_CONFIG);
      copyFixtures('.ts', path.join(consumer, 'typed'));
      writeFileSync(path.join(consumer, 'typed/eslint.config.js'), TYPED_CONFIG);
      copyFixtures('.js', path.join(consumer, 'fix'));
      writeFileSync(path.join(consumer, 'fix/eslint.config.js'), PLAIN_CONFIG);
      const readme = readmeSnippets();
      copyFixtures('.js', path.join(consumer, 'readme-plain'));
      writeFileSync(path.join(consumer, 'readme-plain/eslint.config.js'), readme.plain);
      copyFixtures('.ts', path.join(consumer, 'readme-typed'));
      writeFileSync(path.join(consumer, 'readme-typed/eslint.config.js'), readme.typed);
      mkdirSync(path.join(consumer, 'types'));
      writeFileSync(path.join(consumer, 'types/readme.config.ts'), readme.typescript);
      writeFileSync(path.join(consumer, 'types/eslint.config.ts'), TS_CONFIG);
      writeFileSync(path.join(consumer, 'types/misuse.ts'), TS_MISUSE);
      writeFileSync(path.join(consumer, 'types/tsconfig.json'), TS_TSCONFIG(['eslint.config.ts', 'readme.config.ts']));
      writeFileSync(path.join(consumer, 'types/tsconfig.misuse.json'), TS_TSCONFIG(['misuse.ts']));
    });

    afterAll(() => remove());

    const plainFindings = once(() => eslintCli(consumer, path.join(consumer, 'plain'), ['.']));
    const typedFindings = once(() => eslintCli(consumer, path.join(consumer, 'typed'), ['.']));

    it('installs the eslint it was asked for, and the plugin from the tarball', () => {
      const installed = JSON.parse(readFileSync(path.join(consumer, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
      expect(installed.version).toBe(eslintVersion);
      const ours = JSON.parse(readFileSync(path.join(consumer, 'node_modules/eslint-plugin-async-init/package.json'), 'utf8')) as { version: string };
      expect(ours.version).toBe(plugin.meta.version);
      // What `files` publishes: the build and the docs, not the sources or the tests.
      expect(existsSync(path.join(consumer, 'node_modules/eslint-plugin-async-init/dist/index.d.ts'))).toBe(true);
      expect(existsSync(path.join(consumer, 'node_modules/eslint-plugin-async-init/src'))).toBe(false);
      expect(existsSync(path.join(consumer, 'node_modules/eslint-plugin-async-init/tests'))).toBe(false);
    });

    it('finds exactly the hand-written findings in plain JavaScript, as the Node API does', async () => {
      const findings = await plainFindings();
      expect(brief(findings)).toEqual(expectedFor('.js', { typed: false }));
      expect(findings).toEqual(await lintInProcess(path.join(consumer, 'plain'), 'plain', { major }));
    });

    it('finds exactly the hand-written findings with type information (projectService), as the Node API does', async () => {
      const findings = await typedFindings();
      expect(brief(findings)).toEqual(expectedFor('.ts', { typed: true }));
      expect(findings).toEqual(await lintInProcess(path.join(consumer, 'typed'), 'typed', { major }));
    });

    it("runs the README's configs as they are: the recommended rules' share of the same findings", async () => {
      const recommended = new Set(Object.keys(plugin.configs.recommended.rules ?? {}));
      expect(recommended.size).toBeGreaterThan(0);
      const isRecommended = (finding: Finding): boolean => recommended.has(finding.ruleId ?? '');
      const plain = await eslintCli(consumer, path.join(consumer, 'readme-plain'), ['.']);
      expect(plain).toEqual((await plainFindings()).filter(isRecommended));
      const typed = await eslintCli(consumer, path.join(consumer, 'readme-typed'), ['.']);
      expect(typed).toEqual((await typedFindings()).filter(isRecommended));
    });

    it('reports every rule with its docs link and, for rules that have suggestions, the suggestions', async () => {
      const findings = [...(await plainFindings()), ...(await typedFindings())];
      for (const [name, rule] of Object.entries(plugin.rules)) {
        const ofRule = findings.filter((finding) => finding.ruleId === `async-init/${name}`);
        expect(ofRule.length, name).toBeGreaterThan(0);
        expect(rule.meta?.docs?.url, name).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
        if (rule.meta?.hasSuggestions) {
          // Exactly which suggestions is the rule tests' business; here: they survive the trip through the CLI.
          expect(ofRule.some((finding) => finding.suggestions.length > 0), `${name} suggestions`).toBe(true);
        } else {
          expect(ofRule.every((finding) => finding.suggestions.length === 0), name).toBe(true);
        }
      }
    });

    const autofixRules = Object.entries(plugin.rules).filter(([, rule]) => autofixModes(rule).length > 0);
    it.skipIf(autofixRules.length === 0)(
      `--fix applies the opt-in autofix option${autofixRules.length === 0 ? ' (skipped: no rule has an `autofix` option yet)' : ''}`,
      async () => {
        const cwd = path.join(consumer, 'fix');
        for (const [name, rule] of autofixRules) {
          for (const mode of autofixModes(rule)) {
            const file = `${name}.js`;
            const before = readFileSync(path.join(fixturesDir, file), 'utf8');
            writeFileSync(path.join(cwd, file), before);
            const rules: Linter.RulesRecord = { [`async-init/${name}`]: ['error', { autofix: mode }] };
            const remaining = await eslintCli(consumer, cwd, ['--fix', '--rule', JSON.stringify(rules), file]);
            const after = readFileSync(path.join(cwd, file), 'utf8');
            expect(after, `${name} ${mode}`).not.toBe(before);
            // The same text the Node API's fixer produces, and the rule is satisfied where it fixed.
            writeFileSync(path.join(cwd, file), before);
            expect(after, `${name} ${mode}`).toBe(await fixInProcess(cwd, 'plain', file, rules, major));
            writeFileSync(path.join(cwd, file), after);
            const relinted = await eslintCli(consumer, cwd, ['--rule', JSON.stringify(rules), file]);
            expect(relinted, `${name} ${mode}`).toEqual(remaining);
            expect(remaining.filter((finding) => finding.ruleId === null), `${name} ${mode}: the fixed file parses`).toEqual([]);
            expect(
              remaining.filter((finding) => finding.ruleId === `async-init/${name}`).length,
              `${name} ${mode}: findings left after --fix`,
            ).toBeLessThan(expectedFor('.js', { typed: false }).filter((entry) => entry.startsWith(`${file} ${name}/`)).length);
            // And it runs: each class the fix made constructible through a factory or awaitable is built
            // that way, in a fresh Node process (a hang is killed by the timeout and fails the test).
            const { stdout } = await runOk(process.execPath, ['--input-type=module', '-e', RUN_FIXED, pathToFileURL(path.join(cwd, file)).href], {
              cwd,
              timeout: 20_000,
            });
            const built = JSON.parse(stdout) as string[];
            expect(built.length, `${name} ${mode}: classes built after --fix`).toBeGreaterThan(0);
            expect(built.filter((line) => !line.endsWith(': instance')), `${name} ${mode}`).toEqual([]);
          }
        }
      },
    );

    it('gives the same findings with --concurrency 2', async () => {
      // Two worker threads, each loading the config and the plugin itself.
      expect(await eslintCli(consumer, path.join(consumer, 'typed'), ['--concurrency', '2', '.'])).toEqual(await typedFindings());
      expect(await eslintCli(consumer, path.join(consumer, 'plain'), ['--concurrency', '2', '.'])).toEqual(await plainFindings());
    });

    it('gives the same findings from a second --cache run', async () => {
      const cwd = path.join(consumer, 'typed');
      const cacheFile = path.join(consumer, 'eslintcache-typed');
      const args = ['--cache', '--cache-location', cacheFile, '.'];
      const first = await eslintCli(consumer, cwd, args);
      expect(existsSync(cacheFile)).toBe(true);
      const cache = readFileSync(cacheFile, 'utf8');
      const second = await eslintCli(consumer, cwd, args);
      expect(first).toEqual(await typedFindings());
      expect(second).toEqual(first);
      // The second run found every entry valid and left the cache as it was.
      expect(readFileSync(cacheFile, 'utf8')).toBe(cache);
    });

    it('type-checks a consumer eslint.config.ts against the published types, and rejects misuse', async () => {
      const tsc = path.join(consumer, 'node_modules/typescript/bin/tsc');
      const cwd = path.join(consumer, 'types');
      // Two independent compilations: run them side by side.
      const [good, bad] = await Promise.all([
        run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd }),
        run(process.execPath, [tsc, '-p', 'tsconfig.misuse.json'], { cwd }),
      ]);
      expect(good.stdout + good.stderr).toBe('');
      expect(good.code).toBe(0);
      expect(bad.code).not.toBe(0);
      // One error per misuse line: a string is not a number, and there is no such config.
      const errors = bad.stdout.trim().split('\n').map((line) => line.replace(/^(.*?: error TS\d+):.*$/, '$1'));
      expect(errors).toEqual(['misuse.ts(3,14): error TS2322', 'misuse.ts(4,36): error TS2339']);
    });
  });
}
