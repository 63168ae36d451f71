import { ESLintUtils } from '@typescript-eslint/utils';

/** What every rule's `meta.docs` carries beyond ESLint's own fields. */
export interface AsyncInitRuleDocs {
  /** The lowest config that turns the rule on; the configs are derived from this. */
  recommended?: 'recommended' | 'strict';
  /** The rule works without types and catches more with them. */
  requiresTypeChecking?: false;
}

const REPO = 'https://github.com/eslint-plugin-async-init/eslint-plugin-async-init';

export const createRule = ESLintUtils.RuleCreator<AsyncInitRuleDocs>(
  (name) => `${REPO}/blob/main/docs/rules/${name}.md`,
);
