// What the crash fuzzer asserts of one program: no rule throws, every fix and suggestion parses.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';

import plugin from '../../src/index.js';
import type { FuzzCase, ParserName, SourceType } from './crash-programs.js';

export interface Failure {
  /**
   * `crash`: a rule threw, on the program or on a fix's or suggestion's output;
   * `fix` / `suggestion`: that output does not parse with the program's parser;
   * `fix-all`: `--fix` (all fixes, several passes) writes a program that does not parse.
   */
  kind: 'crash' | 'fix' | 'suggestion' | 'fix-all';
  ruleId: string;
  /** The suggestion's or report's messageId, for `fix` and `suggestion`. */
  messageId?: string;
  /** The error's message, or the parse error of the output. */
  message: string;
  stack?: string;
  /** The output that does not parse. */
  output?: string;
}

/** What one program exercised, added up by the runner. */
export interface CheckCounts {
  reports: number;
  fixes: number;
  suggestions: number;
  /** Per rule (and suggestion messageId): how many reports, fixes and suggestions were checked. */
  byRule: Record<string, number>;
  /** Fix and suggestion outputs that lost a comment of the program (not a failure: a figure, with examples). */
  commentLosses?: CommentLoss[];
}

export interface CommentLoss {
  ruleId: string;
  messageId: string;
  comment: string;
  code: string;
  output: string;
}

type Ast = { comments?: Array<{ value: string }> };

/** The comments of `ast` by text, counted. */
function commentCounts(ast: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { value } of (ast as Ast).comments ?? []) counts.set(value.trim(), (counts.get(value.trim()) ?? 0) + 1);
  return counts;
}

function lostComment(before: Map<string, number>, afterAst: unknown): string | undefined {
  const after = commentCounts(afterAst);
  for (const [comment, count] of before) if ((after.get(comment) ?? 0) < count) return comment;
  return undefined;
}

function bump(counts: CheckCounts | undefined, key: string): void {
  if (counts) counts.byRule[key] = (counts.byRule[key] ?? 0) + 1;
}

const linter = new Linter({ configType: 'flat' });
const configs = new Map<string, Linter.Config[]>();

export function filenameOf(parser: ParserName): string {
  return parser === 'espree' ? 'fuzz.js' : 'fuzz.ts';
}

/** The flat config a case is linted with: every rule of the plugin, with the case's options. */
export function configOf(c: Pick<FuzzCase, 'parser' | 'sourceType' | 'options'>): Linter.Config[] {
  const key = JSON.stringify([c.parser, c.sourceType, c.options]);
  let config = configs.get(key);
  if (!config) {
    const rules: Linter.RulesRecord = {};
    for (const [rule, options] of Object.entries(c.options)) rules[`async-init/${rule}`] = ['error', ...options];
    config = [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { 'async-init': plugin },
        languageOptions:
          c.parser === 'espree'
            ? { ecmaVersion: 'latest', sourceType: c.sourceType }
            : { parser: tsParser as Linter.Parser, sourceType: c.sourceType },
        rules,
      },
    ];
    configs.set(key, config);
  }
  return config;
}

/** The AST of `code` as the case's parser gives it to ESLint (with ranges and comments), or its parse error. */
export function parseWith(code: string, parser: ParserName, sourceType: SourceType): { ast?: unknown; error?: string } {
  try {
    const ast =
      parser === 'espree'
        ? espree.parse(code, { ecmaVersion: 'latest', sourceType, range: true, comment: true })
        : tsParser.parseForESLint(code, { sourceType, filePath: filenameOf(parser), range: true, comment: true }).ast;
    return { ast };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function parses(code: string, parser: ParserName, sourceType: SourceType): boolean {
  return parseWith(code, parser, sourceType).error === undefined;
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** A rule's exception as ESLint rethrows it: "message\nOccurred while linting file:line\nRule: "id"". */
function crashOf(error: unknown): Failure {
  const err = error instanceof Error ? error : new Error(String(error));
  const ruleId = /Rule: "([^"]+)"/.exec(err.message)?.[1] ?? '(no rule)';
  const message = err.message.split('\nOccurred while linting')[0] ?? err.message;
  return { kind: 'crash', ruleId, message, ...(err.stack && { stack: err.stack }) };
}

/** Lints `code` as the case says and returns the first failure, or undefined. */
export function checkProgram(
  c: Pick<FuzzCase, 'parser' | 'sourceType' | 'options'>,
  code: string,
  counts?: CheckCounts,
): Failure | undefined {
  const config = configOf(c);
  const filename = filenameOf(c.parser);
  let inputComments: Map<string, number> | undefined;
  /** The output's parse error; or, when it parses, notes a comment of the program it lost. */
  const reparse = (output: string, ruleId: string, messageId: string): string | undefined => {
    const { ast, error } = parseWith(output, c.parser, c.sourceType);
    if (error === undefined && counts?.commentLosses) {
      inputComments ??= commentCounts(parseWith(code, c.parser, c.sourceType).ast);
      const comment = lostComment(inputComments, ast);
      if (comment !== undefined) {
        bump(counts, `${ruleId.replace('async-init/', '')} ${messageId} lost a comment`);
        counts.commentLosses.push({ ruleId, messageId, comment, code, output });
      }
    }
    return error;
  };
  const lint = (text: string): Linter.LintMessage[] | Failure => {
    try {
      return linter.verify(text, config, filename);
    } catch (error) {
      return crashOf(error);
    }
  };
  const messages = lint(code);
  if (!Array.isArray(messages)) return messages;
  let fixable = false;
  for (const message of messages) {
    if (message.fatal || !message.ruleId) continue;
    if (counts) counts.reports++;
    const { ruleId } = message;
    bump(counts, `${ruleId.replace('async-init/', '')} report`);
    if (message.fix) {
      fixable = true;
      if (counts) counts.fixes++;
      bump(counts, `${ruleId.replace('async-init/', '')} fix`);
      const output = applyFix(code, message.fix);
      const error = reparse(output, ruleId, `${message.messageId ?? ''} (fix)`);
      if (error !== undefined) return { kind: 'fix', ruleId, messageId: message.messageId ?? '', message: error, output };
    }
    for (const suggestion of message.suggestions ?? []) {
      if (counts) counts.suggestions++;
      const output = applyFix(code, suggestion.fix);
      const messageId = suggestion.messageId ?? suggestion.desc;
      bump(counts, `${ruleId.replace('async-init/', '')} ${messageId}`);
      const error = reparse(output, ruleId, messageId);
      if (error !== undefined) return { kind: 'suggestion', ruleId, messageId, message: error, output };
      // The fixed program is linted again: a rule must not throw on what our own fix wrote.
      const again = lint(output);
      if (!Array.isArray(again)) return again;
    }
  }
  if (fixable) {
    try {
      const result = linter.verifyAndFix(code, config, { filename });
      const fatal = result.messages.find((message) => message.fatal);
      if (result.fixed && fatal) {
        const ruleIds = [...new Set(messages.filter((m) => m.fix).map((m) => m.ruleId))].join(',');
        return { kind: 'fix-all', ruleId: ruleIds, message: fatal.message, output: result.output };
      }
    } catch (error) {
      return crashOf(error);
    }
  }
  return undefined;
}

/** Two failures are the same bug when kind, rule, messageId and (for a crash) the error message agree. */
export function signatureOf(failure: Failure): string {
  return [failure.kind, failure.ruleId, failure.messageId ?? '', failure.kind === 'crash' ? failure.message : ''].join('|');
}
