// What the worker runs: the plugin's rules on one file, through ESLint's browser `Linter`, without type
// information; and, for each report, what each of its quick fixes would write.
import * as typescriptParser from '@typescript-eslint/parser';
import type { Linter as LinterTypes } from 'eslint';
import { Linter } from 'eslint/universal';

import { LANGUAGES, plugin, PREFIX, type Language } from './rules-info.js';

export interface QuickFix {
  /** `fix`: what `eslint --fix` applies (only with an `autofix` option); `suggestion`: an editor's quick fix. */
  kind: 'fix' | 'suggestion';
  title: string;
  /** The edit, in offsets of the linted code. */
  from: number;
  to: number;
  insert: string;
  /** The whole code with the edit applied. */
  output: string;
}

export interface Report {
  /** `async-init/<rule>`, or `null` for a parse error. */
  ruleId: string | null;
  messageId: string | undefined;
  message: string;
  /** As configured: `"warn"` or `"error"`; a parse error is an error. */
  severity: 'warning' | 'error';
  line: number;
  column: number;
  /** The reported range, in offsets of the linted code. */
  from: number;
  to: number;
  fixes: QuickFix[];
}

export type LintResult = { ok: true; reports: Report[] } | { ok: false; error: string };

const linter = new Linter({ configType: 'flat' });

/** Lints `code` as one file with the given rules; a parse error is a report, a crash or bad options is an error. */
export function lint(code: string, language: Language, ruleEntries: LinterTypes.RulesRecord): LintResult {
  const config: LinterTypes.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: typescriptParser as LinterTypes.Parser, sourceType: 'module' },
    },
    {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
    },
    { plugins: { [PREFIX]: plugin }, rules: ruleEntries },
  ];
  let messages: LinterTypes.LintMessage[];
  try {
    messages = linter.verify(code, config, { filename: LANGUAGES[language].filename });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  // ESLint reports locations and ranges in the text after a byte order mark; the editor's offsets count it.
  const bom = code.startsWith('\uFEFF') ? 1 : 0;
  const offsets = lineOffsets(code, bom);
  const reports = messages.map((message): Report => {
    const from = offsetOf(offsets, code, message.line, message.column);
    const to = message.endLine === undefined ? from : offsetOf(offsets, code, message.endLine, message.endColumn ?? message.column);
    const fixes: QuickFix[] = [];
    if (message.fix) {
      fixes.push(quickFix(code, bom, 'fix', 'Fix (what `eslint --fix` applies with this option)', message.fix));
    }
    for (const suggestion of message.suggestions ?? []) {
      fixes.push(quickFix(code, bom, 'suggestion', suggestion.desc, suggestion.fix));
    }
    return {
      ruleId: message.ruleId,
      messageId: message.messageId,
      message: message.message,
      severity: message.severity === 1 ? 'warning' : 'error',
      line: message.line,
      column: message.column,
      from,
      to: Math.max(from, to),
      fixes,
    };
  });
  return { ok: true, reports };
}

function quickFix(code: string, bom: number, kind: QuickFix['kind'], title: string, fix: LinterTypes.LintMessage['fix'] & object): QuickFix {
  const from = fix.range[0] + bom;
  const to = fix.range[1] + bom;
  return { kind, title, from, to, insert: fix.text, output: code.slice(0, from) + fix.text + code.slice(to) };
}

/** Where each line starts, with ESLint's line breaks (`\r\n`, `\r`, `\n`, U+2028, U+2029). */
function lineOffsets(code: string, bom: number): number[] {
  const offsets = [bom];
  for (const match of code.matchAll(/\r\n|[\r\n\u2028\u2029]/gu)) {
    offsets.push(match.index + match[0].length);
  }
  return offsets;
}

/** The offset of ESLint's 1-based line and column, kept inside the code. */
function offsetOf(offsets: readonly number[], code: string, line: number, column: number): number {
  const start = offsets[Math.min(Math.max(line, 1), offsets.length) - 1] ?? 0;
  return Math.min(start + Math.max(column - 1, 0), code.length);
}
