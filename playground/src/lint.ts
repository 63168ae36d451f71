// What the page runs: the plugin's rules on one file, through ESLint's browser `Linter`, without type
// information; and, for each report, what each of its quick fixes would write.
import * as typescriptParser from '@typescript-eslint/parser';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { Linter as LinterTypes } from 'eslint';
import { Linter } from 'eslint/universal';

import { buildConfigs } from '../../src/configs.js';
import { rules } from '../../src/rules/index.js';

export const PREFIX = 'async-init';

/** `ts`: typescript-eslint's parser, as for a `.ts` file; `js`: ESLint's default parser (espree). */
export type Language = 'ts' | 'js';

export const LANGUAGES: Record<Language, { label: string; filename: string }> = {
  ts: { label: 'TypeScript (typescript-eslint parser)', filename: 'playground.ts' },
  js: { label: 'JavaScript (espree)', filename: 'playground.js' },
};

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

export interface RuleInfo {
  /** `async-init/<rule>`. */
  id: string;
  description: string;
  url: string | undefined;
  options: { name: string; description: string; defaultValue: unknown }[];
}

const plugin = { meta: { name: 'eslint-plugin-async-init', namespace: PREFIX }, rules: rules as never };
const configs = buildConfigs(PREFIX, plugin, rules);

/** Every rule on, as `configs.all` has them: the options' starting point. */
export const DEFAULT_RULES: LinterTypes.RulesRecord = Object.fromEntries(
  Object.entries(configs.all.rules ?? {}).filter((entry): entry is [string, LinterTypes.RuleEntry] => entry[1] !== undefined),
);

/** The rules and their options, from each rule's meta, for the page's options reference. */
export const RULES: RuleInfo[] = Object.entries(rules).map(([name, rule]) => {
  const meta = rule.meta as {
    docs?: { description?: string; url?: string };
    schema?: JSONSchema4 | JSONSchema4[];
    defaultOptions?: unknown[];
  };
  const first = (Array.isArray(meta.schema) ? meta.schema[0] : undefined) as { properties?: Record<string, JSONSchema4> } | undefined;
  const defaults = (meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
  return {
    id: `${PREFIX}/${name}`,
    description: meta.docs?.description ?? '',
    url: meta.docs?.url,
    options: Object.entries(first?.properties ?? {}).map(([option, schema]) => ({
      name: option,
      description: typeof schema.description === 'string' ? schema.description : '',
      defaultValue: defaults[option],
    })),
  };
});

/**
 * Reads the options editor's JSON: an ESLint `rules` object with the plugin's rules, each
 * `"error"`/`"warn"`/`"off"` or `["error", { …options }]`. The values are left to ESLint to check
 * against each rule's schema; names are checked here, since ESLint would only say it cannot find one.
 */
export function parseRules(json: string): { ok: true; rules: LinterTypes.RulesRecord } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `The options are not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The options are an object of rules, as in a config\'s `rules`: { "async-init/no-async-constructor": ["error", {}] }.' };
  }
  const unknown = Object.keys(value).filter((id) => !(id in DEFAULT_RULES));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `Not a rule of this plugin: ${unknown.map((id) => `"${id}"`).join(', ')}. The rules are ${Object.keys(DEFAULT_RULES)
        .map((id) => `"${id}"`)
        .join(', ')}.`,
    };
  }
  return { ok: true, rules: value as LinterTypes.RulesRecord };
}

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
