import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { expectedFor } from './expected.js';
import { brief, compareFindings, ensureBuilt, examplesDir, fixturesDir, makeTempDir, repoRoot, runOk, type Finding } from './helpers.js';
import { lintInProcess } from './in-process.js';
import { ensureOxlint } from './tools.js';

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

/**
 * Rules whose suggestions oxlint does not get yet, each with the reason (and the fix posted on COORD for
 * the file's owner). Their suggestions are left out of what `--fix-suggestions` must produce, so the
 * comparison still holds every file to the exact text; the day oxlint gets them, that comparison fails
 * and the entry must go.
 */
const OXLINT_SUGGESTION_GAPS: Readonly<Record<string, string>> = {};

/** The .oxlintrc.json in the README's "oxlint" section, parsed (its `//` comment lines dropped). */
function readmeOxlintConfig(): { jsPlugins: string[]; rules: Record<string, string> } {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = /^## oxlint\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const block = /^```jsonc\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (block === undefined) {
    throw new Error('the README\'s "oxlint" section has no jsonc block');
  }
  return JSON.parse(block.replace(/^\s*\/\/.*$/gm, '')) as { jsPlugins: string[]; rules: Record<string, string> };
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
  let oxlint = '';

  beforeAll(async () => {
    // Not a devDependency (see tools.ts): installed once per machine, pinned.
    oxlint = await ensureOxlint();
    await ensureBuilt();
    ({ dir: root, remove } = makeTempDir('oxlint'));
    // Its own package.json: Node resolves a package's own name through the nearest package.json first,
    // so one above the temp dir named like ours would otherwise win over node_modules.
    writeFileSync(path.join(root, 'package.json'), '{ "name": "oxlint-workspace", "private": true }\n');
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync(repoRoot, path.join(root, 'node_modules/eslint-plugin-async-init'), 'dir');
    cpSync(examplesDir, path.join(root, 'examples'), { recursive: true });
    cpSync(fixturesDir, path.join(root, 'fixtures'), { recursive: true });
    // A second copy for `--fix-suggestions` to rewrite.
    cpSync(examplesDir, path.join(root, 'suggest/examples'), { recursive: true });
    cpSync(fixturesDir, path.join(root, 'suggest/fixtures'), { recursive: true });
    // What the README tells users to write, with oxlint's own rules off so that only ours report (and
    // only ours suggest).
    const config = { ...readmeOxlintConfig(), plugins: [], categories: { correctness: 'off' } };
    writeFileSync(path.join(root, '.oxlintrc.json'), `${JSON.stringify(config, null, 2)}\n`);
  });

  afterAll(() => remove());

  it("the README's .oxlintrc.json loads the plugin by name and turns on every rule", () => {
    const config = readmeOxlintConfig();
    expect(config.jsPlugins).toEqual(['eslint-plugin-async-init']);
    expect(Object.keys(config.rules).sort()).toEqual(Object.keys(plugin.rules).map((name) => `async-init/${name}`).sort());
  });

  it("finds exactly what ESLint finds without type information, in examples/ and every rule's fixtures", async () => {
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
    expect(brief(fixtures).sort()).toEqual([...expectedFor('.js', { typed: false }), ...expectedFor('.ts', { typed: false })].sort());
    expect(findings.filter((finding) => finding.file.startsWith('examples/')).length).toBeGreaterThan(0);
  });

  it("applies each finding's first suggestion with --fix-suggestions, as ESLint computes them", async () => {
    await runOk(oxlint, ['--fix-suggestions', 'suggest/examples', 'suggest/fixtures'], { cwd: root, allowed: [1] });
    const eslint = await lintInProcess(root, 'untyped', { patterns: ['examples', 'fixtures'] });
    const applied = new Set<string>();
    let changed = 0;
    for (const directory of ['examples', 'fixtures']) {
      for (const name of readdirSync(path.join(root, directory)).filter((file) => /\.[jt]s$/.test(file))) {
        const file = `${directory}/${name}`;
        const original = readFileSync(path.join(root, file), 'utf8');
        // ESLint's way of applying several fixes in one pass: by range, skipping any that overlaps one
        // already taken.
        const fixes = eslint
          .filter((finding) => finding.file === file && !((finding.ruleId ?? '').replace(/^async-init\//, '') in OXLINT_SUGGESTION_GAPS))
          .flatMap((finding) => {
            const [first] = finding.suggestions;
            return first ? [{ ruleId: finding.ruleId ?? '', start: first.fix.range[0], end: first.fix.range[1], text: first.fix.text }] : [];
          })
          .sort((a, b) => a.start - b.start || a.end - b.end);
        let expected = '';
        let position = 0;
        let last = -1;
        for (const fix of fixes) {
          if (fix.start <= last) {
            continue;
          }
          expected += original.slice(position, fix.start) + fix.text;
          position = fix.end;
          last = fix.end;
          applied.add(fix.ruleId);
        }
        expected += original.slice(position);
        const fixed = readFileSync(path.join(root, 'suggest', file), 'utf8');
        expect(fixed, file).toBe(expected);
        changed += fixed === original ? 0 : 1;
      }
    }
    // Every rule that has suggestions (and no known gap) had one applied somewhere, by both.
    const withSuggestions = Object.entries(plugin.rules)
      .filter(([name, rule]) => rule.meta?.hasSuggestions && !(name in OXLINT_SUGGESTION_GAPS))
      .map(([name]) => `async-init/${name}`);
    expect([...applied].sort()).toEqual(withSuggestions.sort());
    expect(changed).toBeGreaterThan(0);
  });
});

