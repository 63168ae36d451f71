import { readFileSync } from 'node:fs';

import type { ESLint, Linter } from 'eslint';

import { buildConfigs, type ConfigName } from './configs.js';
import { rules } from './rules/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export interface AsyncInitPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  configs: Record<ConfigName, Linter.Config>;
  rules: NonNullable<ESLint.Plugin['rules']>;
}

// RuleCreator's rule type is not assignable to ESLint's `Rule.RuleModule` (typescript-eslint#11573):
// the shapes agree at run time, so the rules are cast once, here.
const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'async-init' },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {},
} as AsyncInitPlugin;

plugin.configs = buildConfigs('async-init', plugin, rules);

export default plugin;
export { rules };
