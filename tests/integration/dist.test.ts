import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import type { AsyncInitPlugin } from '../../src/index.js';

// The built package as users get it: dist/, loaded through the ESLint Node API, on ESLint 10 and 9.
// `npm test` builds before vitest; a bare `vitest run` builds here when dist/ is missing.

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const distEntry = new URL('../../dist/index.js', import.meta.url);

let plugin: AsyncInitPlugin;

beforeAll(async () => {
  if (!existsSync(distEntry)) {
    execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  // A computed specifier: dist/ is not part of the typecheck, which runs before the build.
  plugin = ((await import(distEntry.href)) as { default: AsyncInitPlugin }).default;
});

interface Finding {
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
  message: string;
}

/** The two majors' ESLint classes differ in types; both take these options and return results. */
type AnyESLint = new (options: object) => {
  lintFiles(patterns: string[]): Promise<{ messages: Finding[] }[]>;
};

async function lint(ESLintClass: AnyESLint, file: string, configs: object[]): Promise<Finding[]> {
  const eslint = new ESLintClass({ cwd: fixtures, overrideConfigFile: true, overrideConfig: configs });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map(({ ruleId, messageId, line, column, message }) => ({
    ruleId,
    messageId,
    line,
    column,
    message,
  }));
}

const javascriptFindings: Finding[] = [
  {
    ruleId: 'async-init/no-async-constructor',
    messageId: 'asyncWork',
    line: 3,
    column: 11,
    message:
      'The initialiser of `Db.ready` starts `this.connect()`, which nothing can await: callers get a half-initialised `Db` and cannot catch its errors. Start it in a static async factory or make `Db` awaitable.',
  },
  {
    ruleId: 'async-init/no-async-constructor',
    messageId: 'asyncWork',
    line: 6,
    column: 5,
    message:
      "`Db`'s constructor starts `this.migrate()`, which nothing can await: callers get a half-initialised `Db`, and its errors go to its handler, not to them. Start it in a static async factory or make `Db` awaitable.",
  },
  {
    ruleId: 'async-init/no-async-constructor',
    messageId: 'returnsPromise',
    line: 17,
    column: 12,
    message:
      "`Legacy`'s constructor returns an async IIFE: `new Legacy()` then gives a promise instead of a `Legacy`, and subclasses and `instanceof` break. Use a static async factory instead.",
  },
];

const typedFindings: Finding[] = [
  {
    ruleId: 'async-init/no-async-constructor',
    messageId: 'asyncWork',
    line: 6,
    column: 5,
    message:
      "`Session`'s constructor starts `client.connect()`, which nothing can await: callers get a half-initialised `Session` and cannot catch its errors. Start it in a static async factory or make `Session` awaitable.",
  },
  {
    ruleId: 'async-init/no-async-constructor',
    messageId: 'asyncWork',
    line: 7,
    column: 5,
    message:
      "`Session`'s constructor starts `loadConfig()`, which nothing can await: callers get a half-initialised `Session` and cannot catch its errors. Start it in a static async factory or make `Session` awaitable.",
  },
];

const typedLanguageOptions = {
  files: ['**/*.ts'],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: fixtures },
  },
};

describe.each([
  ['ESLint 10', ESLint as unknown as AnyESLint, ESLint.version],
  ['ESLint 9', ESLint9 as unknown as AnyESLint, ESLint9.version],
])('the built plugin on %s', (_label, ESLintClass, version) => {
  it('runs on the expected major', () => {
    expect(version.split('.')[0]).toBe(_label === 'ESLint 10' ? '10' : '9');
  });

  it('reports plain JavaScript with configs.recommended', async () => {
    expect(await lint(ESLintClass, 'nac-integration.js', [plugin.configs.recommended])).toEqual(javascriptFindings);
  });

  it('reports what only types show with configs.recommended and the project service', async () => {
    expect(await lint(ESLintClass, 'nac-integration.ts', [typedLanguageOptions, plugin.configs.recommended])).toEqual(
      typedFindings,
    );
  });

  it('reports nothing without types on the same TypeScript file', async () => {
    expect(
      await lint(ESLintClass, 'nac-integration.ts', [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
        plugin.configs.recommended,
      ]),
    ).toEqual([]);
  });
});

describe('the built plugin object', () => {
  it('has meta from package.json and the rule', () => {
    expect(plugin.meta).toMatchObject({ name: 'eslint-plugin-async-init', namespace: 'async-init' });
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/u);
    expect(Object.keys(plugin.rules)).toContain('no-async-constructor');
  });

  it.each(['recommended', 'strict', 'all'] as const)('configs.%s turns the rule on and registers the plugin itself', (name) => {
    const config = plugin.configs[name];
    expect(config.rules).toMatchObject({ 'async-init/no-async-constructor': 'error' });
    expect(config.plugins?.['async-init']).toBe(plugin);
    expect(config.name).toBe(`async-init/${name}`);
  });

  it('configs.all has every rule and configs.strict every rule recommended or strict', () => {
    const prefixed = (names: string[]): string[] => names.map((ruleName) => `async-init/${ruleName}`).sort();
    const ruleNames = Object.keys(plugin.rules);
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(prefixed(ruleNames));
    const strictNames = ruleNames.filter((ruleName) => {
      const level = (plugin.rules[ruleName]?.meta?.docs as { recommended?: string } | undefined)?.recommended;
      return level === 'recommended' || level === 'strict';
    });
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(prefixed(strictNames));
  });
});
