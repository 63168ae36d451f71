import { ESLintUtils } from '@typescript-eslint/utils';

/** What every rule's `meta.docs` carries beyond ESLint's own fields. */
export interface AsyncInitRuleDocs {
  /** The lowest config that turns the rule on; the configs are derived from this. */
  recommended?: 'recommended' | 'strict';
  /** The rule works without types and catches more with them. */
  requiresTypeChecking?: false;
}

const REPO = 'https://github.com/eslint-plugin-async-init/eslint-plugin-async-init';

const createNamedRule = ESLintUtils.RuleCreator<AsyncInitRuleDocs>(
  (name) => `${REPO}/blob/main/docs/rules/${name}.md`,
);

/**
 * typescript-eslint's `RuleCreator`, with one change: the options merged with their defaults are
 * computed once per options array, not once per linted file. `RuleCreator` runs `structuredClone`
 * and a deep merge in every `create`, which on a large code base cost more than some of our rules'
 * own work. ESLint hands every file the same array when a rule is configured without options (its
 * `meta.defaultOptions`), so the cache hits in the common case; other arrays are merged as before.
 * The merged options are shared between files: rules only read them.
 */
export const createRule: typeof createNamedRule = (rule) => {
  const created = createNamedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions) as Parameters<typeof ESLintUtils.applyDefault>[0];
  const merged = new WeakMap<object, unknown>();
  return {
    ...created,
    create(context) {
      let options = merged.get(context.options);
      if (options === undefined) {
        options = ESLintUtils.applyDefault(defaults, context.options as never);
        merged.set(context.options, options);
      }
      return rule.create(context, options as never);
    },
  };
};
