// What the page knows of the plugin without running it: the rules, their options and their docs
// (from each rule's meta), the languages it lints, and how it reads the options the user types.
// The page loads this; ESLint and the parsers run in a worker (worker.ts, lint.ts).
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { Linter } from 'eslint';

import { buildConfigs } from '../../src/configs.js';
import { rules } from '../../src/rules/index.js';

export const PREFIX = 'async-init';

/** `ts`: typescript-eslint's parser, as for a `.ts` file; `js`: ESLint's default parser (espree). */
export type Language = 'ts' | 'js';

export const LANGUAGES: Record<Language, { label: string; filename: string }> = {
  ts: { label: 'TypeScript (typescript-eslint parser)', filename: 'playground.ts' },
  js: { label: 'JavaScript (espree)', filename: 'playground.js' },
};

export interface RuleInfo {
  /** `async-init/<rule>`. */
  id: string;
  description: string;
  url: string | undefined;
  options: { name: string; description: string; defaultValue: unknown }[];
}

/** The plugin as the configs register it; `src/index.ts` reads package.json from disk, which a page cannot. */
export const plugin = { meta: { name: 'eslint-plugin-async-init', namespace: PREFIX }, rules: rules as never };
const configs = buildConfigs(PREFIX, plugin, rules);

/** Every rule on, as `configs.all` has them: the options' starting point. */
export const DEFAULT_RULES: Linter.RulesRecord = Object.fromEntries(
  Object.entries(configs.all.rules ?? {}).filter((entry): entry is [string, Linter.RuleEntry] => entry[1] !== undefined),
);

/** The rules and their options, from each rule's meta, for the page's options reference. */
export const RULES: RuleInfo[] = Object.entries(rules).map(([name, rule]) => {
  const meta = rule.meta as {
    docs?: { description?: string; url?: string };
    schema?: JSONSchema4 | JSONSchema4[];
    defaultOptions?: unknown[];
  };
  const first = (Array.isArray(meta.schema) ? meta.schema[0] : undefined) as { properties?: Record<string, JSONSchema4> } | undefined;
  const defaults = (meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
  return {
    id: `${PREFIX}/${name}`,
    description: meta.docs?.description ?? '',
    url: meta.docs?.url,
    options: Object.entries(first?.properties ?? {}).map(([option, schema]) => ({
      name: option,
      description: typeof schema.description === 'string' ? schema.description : '',
      defaultValue: defaults[option],
    })),
  };
});

/**
 * Reads the options editor's JSON: an ESLint `rules` object with the plugin's rules, each
 * `"error"`/`"warn"`/`"off"` or `["error", { …options }]`. The values are left to ESLint to check
 * against each rule's schema; names are checked here, since ESLint would only say it cannot find one.
 */
export function parseRules(json: string): { ok: true; rules: Linter.RulesRecord } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `The options are not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The options are an object of rules, as in a config\'s `rules`: { "async-init/no-async-constructor": ["error", {}] }.' };
  }
  const unknown = Object.keys(value).filter((id) => !(id in DEFAULT_RULES));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `Not a rule of this plugin: ${unknown.map((id) => `"${id}"`).join(', ')}. The rules are ${Object.keys(DEFAULT_RULES)
        .map((id) => `"${id}"`)
        .join(', ')}.`,
    };
  }
  return { ok: true, rules: value as Linter.RulesRecord };
}
