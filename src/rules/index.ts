import asyncDisposeRequiresInit from './async-dispose-requires-init.js';
import noAsyncConstructor from './no-async-constructor.js';
import noSelfResolvingThenable from './no-self-resolving-thenable.js';
import noTwoPhaseDisposable from './no-two-phase-disposable.js';
import requireAwaitedInit from './require-awaited-init.js';

/** The rule map: one entry per file in this folder, keyed by the rule's name. */
export const rules = {
  'async-dispose-requires-init': asyncDisposeRequiresInit,
  'no-async-constructor': noAsyncConstructor,
  'no-self-resolving-thenable': noSelfResolvingThenable,
  'no-two-phase-disposable': noTwoPhaseDisposable,
  'require-awaited-init': requireAwaitedInit,
};
