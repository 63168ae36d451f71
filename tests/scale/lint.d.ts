import type { ESLint } from 'eslint';

import type { Shape } from './shapes.js';

/** One lint of a generated program with every rule on (see lint.js). */
export interface ScaleRun {
  /** ESLint's per-rule time (listeners, and the fixes and suggestions they build), ms. */
  rulesMs: Record<string, number>;
  /** ESLint's time for the whole pass (parse, rules, fixes), ms. */
  totalMs: number;
  /** Reports per rule. */
  reports: Record<string, number>;
  /** A parse error: the parser rejected the program. */
  fatal: string | undefined;
  /** With `reference`: the time of one walk of the whole tree in the same lint (lint.js, `walkOnce`), ms. */
  referenceMs?: number;
}

export declare function lintShape(plugin: ESLint.Plugin, shape: Shape, n: number, options?: { reference?: boolean; settle?: () => void }): ScaleRun;

/** Whether ESLint with no rule on (its parser and scope analysis) gets through the shape's program at size `n`. */
export declare function eslintAccepts(shape: Shape, n: number): boolean;
