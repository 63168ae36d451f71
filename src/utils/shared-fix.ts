import type { TSESLint } from '@typescript-eslint/utils';

/** A fix computed once and shared by every report that offers it (all of a class's reports offer its transforms). */

type FixFunction = TSESLint.ReportFixFunction;

/**
 * `fix`, run once: the first call computes its edits and merges them into one, as ESLint would;
 * every later call (ESLint calls a suggestion's `fix` for each report that carries it) returns that
 * same edit. A class's transform rewrites the whole class, and each of its n reports offers it: run
 * and merged per report it cost n times the class, n² in all. `null` stays `null` (no fix).
 */
export function shareFix(fix: FixFunction | null, sourceCode: Readonly<TSESLint.SourceCode>): FixFunction | null {
  if (!fix) {
    return null;
  }
  let computed = false;
  let merged: ReturnType<FixFunction> = null;
  return (fixer) => {
    if (!computed) {
      merged = mergeFixes(fix(fixer), sourceCode.text);
      computed = true;
    }
    return merged;
  };
}

/** One edit from what a fix function returns: the source between its edits kept, as ESLint merges them. */
function mergeFixes(result: ReturnType<FixFunction>, text: string): ReturnType<FixFunction> {
  if (!result) {
    return null;
  }
  if (!(Symbol.iterator in result)) {
    return result;
  }
  const fixes = [...(result as Iterable<TSESLint.RuleFix>)].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const [first] = fixes;
  if (!first) {
    return null;
  }
  if (fixes.length === 1) {
    return first;
  }
  const start = first.range[0];
  const end = fixes[fixes.length - 1]!.range[1];
  // Concatenated, not joined: V8 keeps `+=` as a rope and copies it only when the text is read, which
  // it is only when the fix is applied. The kept source between two edits can be megabytes (a call of
  // the factory far from the class in a bundle), and most offered suggestions are never applied.
  let merged = '';
  let last = start;
  for (const fix of fixes) {
    if (fix.range[0] < last) {
      // Overlapping edits: left to ESLint, which rejects them as it always has.
      return fixes;
    }
    merged += text.slice(last, fix.range[0]);
    merged += fix.text;
    last = fix.range[1];
  }
  merged += text.slice(last, end);
  return { range: [start, end], text: merged };
}
