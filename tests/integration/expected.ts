/**
 * The hand-written findings for tests/fixtures/integration/: one small fixture per rule, in plain
 * JavaScript (`<rule>.js`, linted by espree) and in TypeScript (`<rule>.ts`, linted with and without
 * type information). Each entry is `file rule/messageId line:column`; ` (typed)` marks a finding only
 * the type tier makes. Every integration test checks its findings against this list as well as against
 * ESLint's Node API, so neither a broken pipeline nor a changed rule can pass unnoticed; and every rule
 * the plugin ships must appear here in both files (tests/integration/coverage.test.ts).
 */
export const expectedFindings: readonly string[] = [
  // Disposal reads a field only `connect()` assigns; the guarded class is fine.
  'async-dispose-requires-init.js async-dispose-requires-init/unguardedDisposeRead 13:11',
  'async-dispose-requires-init.ts async-dispose-requires-init/publicAwaitableConstructor 13:3',
  'async-dispose-requires-init.ts async-dispose-requires-init/unguardedDisposeRead 38:11',

  'no-async-constructor.js no-async-constructor/asyncWork 6:18',
  // After a comment holding `é`: ESLint's columns count UTF-16 code units, not bytes.
  'no-async-constructor.js no-async-constructor/asyncWork 7:54',
  'no-async-constructor.js no-async-constructor/asyncWork 17:10',
  'no-async-constructor.ts no-async-constructor/asyncWork 8:18',
  'no-async-constructor.ts no-async-constructor/asyncWork 17:5 (typed)',

  // `resolve(this)`, and `this.#ready.then(() => this)`; the object literal fulfils with another object.
  'no-self-resolving-thenable.js no-self-resolving-thenable/selfResolvingThen 5:5',
  'no-self-resolving-thenable.js no-self-resolving-thenable/selfResolvingThen 13:12',
  'no-self-resolving-thenable.ts no-self-resolving-thenable/selfResolvingThen 7:35',
  'no-self-resolving-thenable.ts no-self-resolving-thenable/selfResolvingMethod 12:5',

  // Usable only after an init nothing calls (`flush()` bails out, `query()` throws without it); the
  // lazy pool and the class behind a private constructor and a factory are fine.
  'no-two-phase-disposable.js no-two-phase-disposable/twoPhaseInit 7:14',
  'no-two-phase-disposable.ts no-two-phase-disposable/twoPhaseInit 14:3',

  // The JS fixture's `Client` is awaitable and disposable with a public constructor: the other rule
  // rightly reports it too.
  'require-awaited-init.js async-dispose-requires-init/publicAwaitableConstructor 6:3',
  'require-awaited-init.js require-awaited-init/awaitableInUsing 25:18',
  'require-awaited-init.js require-awaited-init/memberBeforeInit 26:3',
  'require-awaited-init.js require-awaited-init/discardedAwaitable 27:3',
  'require-awaited-init.ts require-awaited-init/promiseInUsing 17:23',
  // `Remote` comes from deps.ts: only the type checker knows it is awaitable.
  'require-awaited-init.ts require-awaited-init/memberBeforeInit 18:3 (typed)',
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
