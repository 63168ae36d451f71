import noAsyncConstructor from './no-async-constructor.js';
import noSelfResolvingThenable from './no-self-resolving-thenable.js';

/** The rule map: one entry per file in this folder, keyed by the rule's name. */
export const rules = {
  'no-async-constructor': noAsyncConstructor,
  'no-self-resolving-thenable': noSelfResolvingThenable,
};
