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
 * computed once per distinct options, not once per linted file. `RuleCreator` runs `structuredClone`
 * and a deep merge in every `create`, which over a code base cost more than some of our rules' own
 * work. ESLint builds a new options array for every file (it merges `meta.defaultOptions` into a
 * copy), so the arrays are told apart by their JSON: options are plain JSON, checked by the schema.
 * The merged options are shared between files: rules only read them.
 */
export const createRule: typeof createNamedRule = (rule) => {
  const created = createNamedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions) as Parameters<typeof ESLintUtils.applyDefault>[0];
  const merged = new Map<string | undefined, unknown>();
  return {
    ...created,
    create(context) {
      const key = JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        options = ESLintUtils.applyDefault(defaults, context.options as never);
        // A bound for a process that lints with ever new options (a test suite, an editor's edits).
        if (merged.size >= MAX_CACHED_OPTIONS) {
          merged.clear();
        }
        merged.set(key, options);
      }
      return rule.create(context, options as never);
    },
  };
};

const MAX_CACHED_OPTIONS = 64;
