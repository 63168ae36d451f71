import type { Linter } from 'eslint';

import type { AsyncInitRuleDocs } from './utils/create-rule.js';

export type ConfigName = 'recommended' | 'strict' | 'all';

/** The smallest shape of a rule the configs need: its docs metadata. */
interface RuleWithDocs {
  meta: { docs?: AsyncInitRuleDocs };
}

const LEVELS: Record<ConfigName, ReadonlySet<AsyncInitRuleDocs['recommended'] | 'none'>> = {
  recommended: new Set(['recommended']),
  strict: new Set(['recommended', 'strict']),
  all: new Set(['recommended', 'strict', 'none']),
};

/**
 * Builds the flat configs from each rule's `meta.docs.recommended`, so no rule is listed twice.
 * Each config registers the plugin under `prefix`, so spreading one config is enough.
 */
export function buildConfigs(
  prefix: string,
  plugin: NonNullable<Linter.Config['plugins']>[string],
  rules: Readonly<Record<string, RuleWithDocs>>,
): Record<ConfigName, Linter.Config> {
  const configs = {} as Record<ConfigName, Linter.Config>;
  for (const name of Object.keys(LEVELS) as ConfigName[]) {
    const levels = LEVELS[name];
    const ruleEntries: Linter.RulesRecord = {};
    for (const [ruleName, rule] of Object.entries(rules)) {
      if (levels.has(rule.meta.docs?.recommended ?? 'none')) {
        ruleEntries[`${prefix}/${ruleName}`] = 'error';
      }
    }
    configs[name] = {
      name: `${prefix}/${name}`,
      plugins: { [prefix]: plugin },
      rules: ruleEntries,
    };
  }
  return configs;
}
