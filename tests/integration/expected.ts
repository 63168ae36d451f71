/**
 * The hand-written findings for tests/fixtures/integration/: one small fixture per rule, in plain
 * JavaScript (`<rule>.js`, linted by espree) and in TypeScript (`<rule>.ts`, linted with and without
 * type information). Each entry is `file rule/messageId line:column`; ` (typed)` marks a finding only
 * the type tier makes. Every integration test checks its findings against this list as well as against
 * ESLint's Node API, so neither a broken pipeline nor a changed rule can pass unnoticed; and every rule
 * the plugin ships must appear here in both files (tests/integration/coverage.test.ts).
 */
export const expectedFindings: readonly string[] = [
  'no-async-constructor.js no-async-constructor/asyncWork 6:18',
  // After a comment holding `é`: ESLint's columns count UTF-16 code units, not bytes.
  'no-async-constructor.js no-async-constructor/asyncWork 7:54',
  'no-async-constructor.js no-async-constructor/asyncWork 17:10',
  'no-async-constructor.ts no-async-constructor/asyncWork 8:18',
  'no-async-constructor.ts no-async-constructor/asyncWork 17:5 (typed)',
];

const TYPED = ' (typed)';

/** The expected findings for the files of one kind, as `brief()` prints them. */
export function expectedFor(extension: '.js' | '.ts', { typed }: { typed: boolean }): string[] {
  return expectedFindings
    .filter((entry) => entry.split(' ')[0]?.endsWith(extension))
    .filter((entry) => typed || !entry.endsWith(TYPED))
    .map((entry) => (entry.endsWith(TYPED) ? entry.slice(0, -TYPED.length) : entry));
}

/** The rules the list exercises in files of one kind. */
export function rulesCovered(extension: '.js' | '.ts'): Set<string> {
  return new Set(
    expectedFor(extension, { typed: false }).map((entry) => entry.split(' ')[1]?.split('/')[0] ?? ''),
  );
}
