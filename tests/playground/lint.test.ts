import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { lint, type LintResult, type Report } from '../../playground/src/lint.js';
import { DEFAULT_RULES, parseRules, RULES } from '../../playground/src/rules-info.js';
import { decodeState, encodeState } from '../../playground/src/url-state.js';
import plugin from '../../src/index.js';
import { examplesDir } from '../integration/helpers.js';

// The playground's linting and its URL state, run in Node: the same modules the page bundles
// (tests/playground/browser.test.ts runs the bundle in Chromium). The reference is ESLint's Node API
// with the plugin as users configure it, without type information.

const DB = `class Db {
  constructor(url: string) {
    this.connect(url);
  }
  async connect(url: string) {}
}
`;

function reportsOf(result: LintResult): Report[] {
  if (!result.ok) {
    throw new Error(`expected a lint, got: ${result.error}`);
  }
  return result.reports;
}

/** The untyped tier through ESLint's Node API, with every rule, as `configs.all` turns them on. */
async function eslintReports(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({
    cwd: examplesDir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      plugin.configs.all,
    ],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

describe('the playground lints as ESLint does without types', () => {
  const samples = readdirSync(examplesDir).filter((name) => name.endsWith('.ts'));

  it('has the samples to check', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples)('%s: the same reports, messages and quick fixes as ESLint with configs.all', async (name) => {
    const code = readFileSync(path.join(examplesDir, name), 'utf8');
    const expected = await eslintReports(code, path.join(examplesDir, name));
    const actual = reportsOf(lint(code, 'ts', DEFAULT_RULES));
    expect(actual.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual(
      expected.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message })),
    );
    expect(actual.map((report) => report.fixes.map((fix) => fix.title))).toEqual(
      expected.map((message) => (message.suggestions ?? []).map((suggestion) => suggestion.desc)),
    );
    // Each quick fix's output is the code with ESLint's edit applied.
    actual.forEach((report, index) => {
      (expected[index]?.suggestions ?? []).forEach((suggestion, fixIndex) => {
        const { range, text } = suggestion.fix;
        expect(report.fixes[fixIndex]?.output).toBe(code.slice(0, range[0]) + text + code.slice(range[1]));
      });
    });
  });
});

describe('lint()', () => {
  it('reports work started in a constructor at the call, with the factory and awaitable quick fixes', () => {
    const [report, ...rest] = reportsOf(lint(DB, 'ts', DEFAULT_RULES));
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ ruleId: 'async-init/no-async-constructor', messageId: 'asyncWork', line: 3, column: 5 });
    expect(DB.slice(report?.from, report?.to)).toBe('this.connect(url)');
    expect(report?.fixes.map((fix) => fix.kind)).toEqual(['suggestion', 'suggestion']);
    const factory = report?.fixes.find((fix) => fix.title.includes('static async create()'));
    expect(factory?.output).toContain('static async create(url: string): Promise<Db> {');
    // What the page shows after "Apply": the fixed code, which no rule reports.
    expect(reportsOf(lint(factory?.output ?? '', 'ts', DEFAULT_RULES))).toEqual([]);
  });

  it('lints JavaScript with espree', () => {
    const [report] = reportsOf(lint(DB.replaceAll(': string', ''), 'js', DEFAULT_RULES));
    expect(report).toMatchObject({ ruleId: 'async-init/no-async-constructor', line: 3, column: 5 });
    // TypeScript syntax is a parse error there, shown as a report without a rule.
    expect(reportsOf(lint(DB, 'js', DEFAULT_RULES))).toEqual([
      expect.objectContaining({ ruleId: null, line: 2, fixes: [], message: expect.stringMatching(/^Parsing error: /) }),
    ]);
  });

  it("offers the autofix option's fix as a fix, and names an option's effect in the titles", () => {
    const [report] = reportsOf(
      lint(DB, 'ts', { 'async-init/no-async-constructor': ['error', { autofix: 'factory', factoryName: 'open' }] }),
    );
    expect(report?.fixes.map((fix) => fix.kind)).toEqual(['fix', 'suggestion', 'suggestion']);
    expect(report?.fixes[0]?.output).toContain('static async open(');
    expect(report?.fixes[1]?.title).toContain('static async open()');
  });

  it('turns rules off, and reports a rule set to "warn" as a warning', () => {
    expect(reportsOf(lint(DB, 'ts', { 'async-init/no-async-constructor': 'off' }))).toEqual([]);
    expect(reportsOf(lint(DB, 'ts', { 'async-init/no-async-constructor': 'warn' })).map((report) => report.severity)).toEqual(['warning']);
    expect(reportsOf(lint(DB, 'ts', DEFAULT_RULES)).map((report) => report.severity)).toEqual(['error']);
  });

  it('gives the editor offsets through CRLF line ends and a byte order mark', () => {
    const code = `\uFEFF${DB.replaceAll('\n', '\r\n')}`;
    const [report] = reportsOf(lint(code, 'ts', DEFAULT_RULES));
    expect(code.slice(report?.from, report?.to)).toBe('this.connect(url)');
    const output = report?.fixes[0]?.output ?? '';
    expect(output.startsWith('\uFEFFclass Db {\r\n')).toBe(true);
    expect(reportsOf(lint(output, 'ts', DEFAULT_RULES))).toEqual([]);
  });

  it('returns options ESLint rejects as an error, not an exception', () => {
    const result = lint(DB, 'ts', { 'async-init/no-async-constructor': ['error', { noSuchOption: true }] });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('async-init/no-async-constructor');
  });
});

describe('parseRules()', () => {
  it('reads a rules object', () => {
    expect(parseRules('{ "async-init/no-async-constructor": ["warn", { "allowReadyPromise": true }] }')).toEqual({
      ok: true,
      rules: { 'async-init/no-async-constructor': ['warn', { allowReadyPromise: true }] },
    });
  });

  it('explains JSON errors, other shapes and unknown rules', () => {
    expect(parseRules('{ "async-init/no-async-constructor": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^The options are not valid JSON: /) });
    expect(parseRules('[]')).toMatchObject({ ok: false, error: expect.stringContaining('an object of rules') });
    expect(parseRules('{ "no-async-constructor": "error" }')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not a rule of this plugin: "no-async-constructor"'),
    });
  });
});

describe('RULES, the options reference', () => {
  it('lists every rule with its docs and each option with a description', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(Object.keys(DEFAULT_RULES));
    for (const rule of RULES) {
      expect(rule.url, rule.id).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
      for (const option of rule.options) {
        expect(option.description, `${rule.id} ${option.name}`).not.toBe('');
      }
    }
    expect(RULES.find((rule) => rule.id === 'async-init/no-async-constructor')?.options).toContainEqual(
      expect.objectContaining({ name: 'factoryName', defaultValue: 'create' }),
    );
  });
});

describe('the URL state', () => {
  const fallback = { code: 'fallback', language: 'ts' as const, rules: '{}\n' };

  it('round-trips code, language and options, including text outside Latin-1', async () => {
    const state = { code: `${DB}// déjà vu, 検査, 🚀\n`, language: 'js' as const, rules: '{ "async-init/no-async-constructor": "off" }' };
    const fragment = await encodeState(state, fallback.rules);
    expect(fragment).toMatch(/^code=[\w-]+&lang=js&rules=[\w-]+$/);
    expect(await decodeState(`#${fragment}`, fallback)).toEqual(state);
  });

  it('leaves the default options out of the link, and takes them back from the fallback', async () => {
    const fragment = await encodeState({ ...fallback, code: DB }, fallback.rules);
    expect(fragment).not.toContain('rules=');
    expect(await decodeState(fragment, fallback)).toEqual({ ...fallback, code: DB });
  });

  it('ignores a fragment it did not write', async () => {
    expect(await decodeState('', fallback)).toBeUndefined();
    expect(await decodeState('#code=not-deflate', fallback)).toBeUndefined();
    const fragment = await encodeState({ ...fallback, code: DB }, fallback.rules);
    expect(await decodeState(fragment.slice(0, 20), fallback)).toBeUndefined();
  });
});
