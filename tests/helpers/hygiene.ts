import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import ts from 'typescript';

import {
  compareHygiene,
  formatReport,
  hygieneConfigs,
  THEN_MEMBER_RULES,
  type HygieneReport,
} from '../../scripts/corpus/hygiene.js';

export { THEN_MEMBER_RULES, type HygieneReport };

/**
 * The hygiene check of fix outputs: lints each original and each of its outputs, typed, with
 * typescript-eslint's `strictTypeChecked` and sonarjs's `recommended`, and returns the reports an
 * output adds that its original did not have (matched by rule, message and reported text, counted,
 * not by line: see scripts/corpus/hygiene.js, which the corpus run shares). On the awaitable
 * transform (`thenable`), a report about the `then` member itself by a rule of
 * {@link THEN_MEMBER_RULES} is returned apart, as allowed.
 *
 * One call lints everything in one program: the files are written to a temporary folder with a
 * generated tsconfig (`strict`, `types: ["node"]`, every file a module), one TypeScript program is
 * built over all of them, and one Linter lints each file with it. Call it once per test file with
 * every case, not once per output.
 *
 * ```ts
 * const results = checkHygiene([{ name, lang: 'ts', original, outputs: [{ label: 'factory', code, transform: 'factory' }] }]);
 * for (const result of results) expect(result.added, describeHygiene(result)).toEqual([]);
 * ```
 */

export interface HygieneCase {
  /** A name for messages (and, cleaned, the files' names). */
  name: string;
  /** `ts`: a `.ts` file; `js`: a `.js` file, typed through the same program (`allowJs`). */
  lang: 'ts' | 'js';
  /** The module as it was before the fix. */
  original: string;
  outputs: HygieneOutput[];
}

export interface HygieneOutput {
  /** Which output, for messages (`factory`, `thenable 2`, …). */
  label: string;
  /** The whole fixed module. */
  code: string;
  /** The transform that wrote it: `factory`, `thenable` (the awaitable class: its `then` member is allowed), … */
  transform: string;
}

export interface HygieneResult {
  /** The case's name. */
  name: string;
  /** The output's label. */
  label: string;
  transform: string;
  /** The reports the output adds (a parse error included, as rule `parse`); empty when clean. */
  added: HygieneReport[];
  /** Reports about the awaitable class's `then` member, which the check allows (by rule of THEN_MEMBER_RULES). */
  allowed: HygieneReport[];
  /** The fixed module, for failure messages. */
  code: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface HygieneOptions {
  /** The rules allowed to report the awaitable class's `then` member; default {@link THEN_MEMBER_RULES}. */
  thenMemberRules?: readonly string[];
}

/** Lints every case's original and outputs in one program; one result per output, in order. */
export function checkHygiene(cases: readonly HygieneCase[], options: HygieneOptions = {}): HygieneResult[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'async-init-hygiene-'));
  try {
    const files = cases.map((hygieneCase, index) => {
      const stem = `${index}-${hygieneCase.name.replace(/[^\w-]+/g, '-').slice(0, 40)}`;
      const write = (suffix: string, code: string): string => {
        const file = path.join(dir, `${stem}-${suffix}.${hygieneCase.lang}`);
        writeFileSync(file, code);
        return file;
      };
      return { original: write('original', hygieneCase.original), outputs: hygieneCase.outputs.map((output, n) => write(`output${n}`, output.code)) };
    });
    const tsconfig = path.join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            // Every file a module, so the cases' classes do not collide in one global scope.
            moduleDetection: 'force',
            lib: ['ES2023', 'ESNext.Disposable'],
            strict: true,
            allowJs: true,
            checkJs: false,
            noEmit: true,
            skipLibCheck: true,
            typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
            types: ['node'],
          },
          files: files.flatMap(({ original, outputs }) => [original, ...outputs]).map((file) => path.basename(file)),
        },
        null,
        2,
      ),
    );
    const program = createProgram(tsconfig);
    const linter = new Linter({ cwd: dir });
    const config: Linter.Config[] = [
      ...hygieneConfigs({ typed: true }),
      { files: ['**/*.ts', '**/*.js'], languageOptions: { sourceType: 'module', parserOptions: { programs: [program] } } },
    ];
    const lint = (file: string, text: string): { text: string; messages: Linter.LintMessage[] } => ({
      text,
      messages: linter.verify(text, config, file),
    });
    return cases.flatMap((hygieneCase, index) => {
      const { original: originalFile, outputs: outputFiles } = files[index]!;
      const original = lint(originalFile, hygieneCase.original);
      const fatal = original.messages.find((message) => message.fatal);
      if (fatal) {
        throw new Error(`${hygieneCase.name}: the original does not parse: ${fatal.line}:${fatal.column} ${fatal.message}`);
      }
      return hygieneCase.outputs.map((output, n) => {
        const { added, allowed } = compareHygiene(original, lint(outputFiles[n]!, output.code), {
          transform: output.transform,
          ...(options.thenMemberRules && { thenMemberRules: options.thenMemberRules }),
        });
        return { name: hygieneCase.name, label: output.label, transform: output.transform, added, allowed, code: output.code };
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One result in a few lines (the added reports, then the output), for `expect(…, message)`. */
export function describeHygiene(result: HygieneResult): string {
  return [
    `${result.name} (${result.label}): ${result.added.length} report(s) added`,
    ...result.added.map((report) => `  ${formatReport(report)}`),
    `--- output:`,
    result.code,
  ].join('\n');
}

function createProgram(tsconfig: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) {
    throw new Error(`Cannot read ${tsconfig}`);
  }
  return ts.createProgram(parsed.fileNames, parsed.options);
}
