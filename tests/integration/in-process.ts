import type { ESLint, Linter } from 'eslint';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import tseslint from 'typescript-eslint';

import plugin from '../../src/index.js';
import { toFindings, type Finding } from './helpers.js';

/**
 * The reference the integration tests compare against: ESLint's Node API, in this process, with this
 * repository's plugin (from src/), on the same files. The configs mirror the consumer's eslint.config.js.
 */

export type Tier = 'plain' | 'untyped' | 'typed';
export type EslintMajor = 9 | 10;

/**
 * `plain`: JavaScript through espree, the way `export default [asyncInit.configs.recommended]` lints it.
 * `untyped`: TypeScript through typescript-eslint's parser, no project (what oxlint can know).
 * `typed`: TypeScript with the project service, so the type tier runs.
 * Each also turns on the rules `recommended` leaves off, so every rule is exercised.
 */
export function configFor(tier: Tier, root: string): Linter.Config[] {
  const rules: Linter.Config[] = [plugin.configs.recommended, { rules: plugin.configs.all.rules }];
  if (tier === 'plain') {
    return rules;
  }
  return [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser as Linter.Parser,
        parserOptions: tier === 'typed' ? { projectService: true, tsconfigRootDir: root } : {},
      },
    },
    ...rules,
  ];
}

function eslintFor(major: EslintMajor, options: ESLint.Options): ESLint {
  // ESLint 9's class has the same API; its option types differ only in details these options don't use.
  return major === 10 ? new ESLint10(options) : (new ESLint9(options as never) as unknown as ESLint);
}

/** Lints `patterns` under `root` in process and returns the findings. */
export async function lintInProcess(
  root: string,
  tier: Tier,
  { major = 10, patterns = ['.'] }: { major?: EslintMajor; patterns?: string[] } = {},
): Promise<Finding[]> {
  const eslint = eslintFor(major, { cwd: root, overrideConfigFile: true, overrideConfig: configFor(tier, root) });
  return toFindings(await eslint.lintFiles(patterns), root);
}

/** The text `eslint --fix` leaves in `file` with `ruleConfig` for one rule, in process (the file is not written). */
export async function fixInProcess(
  root: string,
  tier: Tier,
  file: string,
  rules: Linter.RulesRecord,
  major: EslintMajor = 10,
): Promise<string | undefined> {
  const eslint = eslintFor(major, {
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...configFor(tier, root), { rules }],
    fix: true,
  });
  const [result] = await eslint.lintFiles([file]);
  return result?.output;
}
