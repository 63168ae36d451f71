import type { Linter } from 'eslint';

/** The rules whose report on the awaitable class's `then` member itself is allowed (see hygiene.js). */
export declare const THEN_MEMBER_RULES: readonly string[];

/** The rule id of the probe that marks each `then` member of a class (not a hygiene report). */
export declare const THEN_PROBE: string;

/** The configs the check lints with: rules and plugins only; the caller chooses the parser and program. */
export declare function hygieneConfigs(options: { typed: boolean }): Linter.Config[];

/** One report of the style configs. */
export interface HygieneReport {
  /** `parse` for a parse error. */
  ruleId: string;
  message: string;
  line: number;
  column: number;
  /** The first line of the text it covers, trimmed. */
  text: string;
}

export interface HygieneComparison {
  /** Reports the output has and the original did not. */
  added: HygieneReport[];
  /** Reports about the awaitable transform's `then` member, by a rule of THEN_MEMBER_RULES. */
  allowed: HygieneReport[];
}

/**
 * Compares the hygiene lint of an output with its original's (see hygiene.js). `transform:
 * 'thenable'` is the awaitable transform, whose `then` member may be reported by `thenMemberRules`
 * (THEN_MEMBER_RULES unless given).
 */
export declare function compareHygiene(
  original: { text: string; messages: readonly Linter.LintMessage[] },
  output: { text: string; messages: readonly Linter.LintMessage[] },
  options: { transform: string; thenMemberRules?: readonly string[] },
): HygieneComparison;

/** A report in one line. */
export declare function formatReport(report: HygieneReport): string;

/** The class an edit changes, cut out of a file too large to lint whole, in both versions (see hygiene.js). */
export declare function changedClass(
  ast: import('estree').Program,
  original: string,
  output: string,
): { original: string; output: string } | undefined;
