import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { expectedFor } from './expected.js';
import { brief, compareFindings, ensureBuilt, examplesDir, fixturesDir, makeTempDir, repoRoot, runOk, type Finding } from './helpers.js';
import { lintInProcess } from './in-process.js';

/**
 * oxlint runs ESLint plugins through its `jsPlugins` setting. It has no type information, so its
 * findings must be exactly ESLint's without types: espree for .js, typescript-eslint's parser without a
 * project for .ts. The test copies examples/ and the integration fixtures to a temporary directory that
 * has the plugin in its node_modules (linked, as `npm link` would), writes the .oxlintrc.json a user
 * would, runs the real oxlint there and ESLint's Node API on the same files.
 */

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: 'error' | 'warning';
  filename: string;
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

/**
 * oxlint's JSON spans count UTF-8 bytes (`offset`, `length`, and `column` too), ESLint counts UTF-16
 * code units: convert through the file's text so the two can be compared.
 */
function toPosition(text: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function toFinding(diagnostic: OxlintDiagnostic, root: string): Omit<Finding, 'messageId' | 'suggestions'> {
  const text = readFileSync(path.join(root, diagnostic.filename), 'utf8');
  const [label] = diagnostic.labels;
  const start = toPosition(text, label?.span.offset ?? 0);
  const end = toPosition(text, (label?.span.offset ?? 0) + (label?.span.length ?? 0));
  // `async-init(no-async-constructor)` in oxlint is `async-init/no-async-constructor` in ESLint.
  const ruleId = diagnostic.code.replace(/^([^(]+)\((.+)\)$/, '$1/$2');
  return {
    file: diagnostic.filename.split(path.sep).join('/'),
    ruleId,
    message: diagnostic.message,
    severity: diagnostic.severity === 'error' ? 2 : 1,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

describe('the plugin in oxlint (jsPlugins)', () => {
  let root = '';
  let remove = (): void => {};

  beforeAll(async () => {
    await ensureBuilt();
    ({ dir: root, remove } = makeTempDir('oxlint'));
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync(repoRoot, path.join(root, 'node_modules/eslint-plugin-async-init'), 'dir');
    cpSync(examplesDir, path.join(root, 'examples'), { recursive: true });
    cpSync(fixturesDir, path.join(root, 'fixtures'), { recursive: true });
    // What a user writes: the plugin by its package name, each of its rules on. oxlint's own rules off,
    // so that only ours report.
    const config = {
      plugins: [],
      categories: { correctness: 'off' },
      jsPlugins: ['eslint-plugin-async-init'],
      rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`async-init/${name}`, 'error'])),
    };
    writeFileSync(path.join(root, '.oxlintrc.json'), `${JSON.stringify(config, null, 2)}\n`);
  });

  afterAll(() => remove());

  it("finds exactly what ESLint finds without type information, in examples/ and every rule's fixtures", async () => {
    const oxlint = path.join(repoRoot, 'node_modules/oxlint/bin/oxlint');
    const { stdout, stderr } = await runOk(oxlint, ['--format', 'json', 'examples', 'fixtures'], { cwd: root, allowed: [1] });
    let output: { diagnostics: OxlintDiagnostic[]; number_of_files: number; number_of_rules: number };
    try {
      output = JSON.parse(stdout) as typeof output;
    } catch {
      throw new Error(`oxlint did not print JSON:\n${stdout}\n${stderr}`);
    }
    // Every rule loaded: oxlint counts the JS plugin's rules among those it ran.
    expect(output.number_of_rules).toBe(Object.keys(plugin.rules).length);
    const findings = output.diagnostics.map((diagnostic) => toFinding(diagnostic, root)).sort(compareFindings);

    const eslint = await lintInProcess(root, 'untyped', { patterns: ['examples', 'fixtures'] });
    expect(findings).toEqual(eslint.map(({ messageId: _messageId, suggestions: _suggestions, ...rest }) => rest));

    // And the hand-written list, so that both linters finding nothing (or the same wrong thing) fails.
    const fixtures = eslint
      .filter((finding) => finding.file.startsWith('fixtures/'))
      .map((finding) => ({ ...finding, file: finding.file.slice('fixtures/'.length) }));
    expect(brief(fixtures)).toEqual([...expectedFor('.js', { typed: false }), ...expectedFor('.ts', { typed: false })]);
    expect(findings.filter((finding) => finding.file.startsWith('examples/')).length).toBeGreaterThan(0);
  });
});
