// @ts-check
// One benchmark measurement, in its own process (`npm run bench` starts it): lints the corpus files
// of one tier once with the given rules and ESLint's `stats` on, and prints one JSON line with the
// summed per-rule times, parse time and total lint time. A process per measurement, so the type
// checker's lazy work is charged to the rule being measured and not to whichever ran first.
//
// Usage: node scripts/bench/worker.js '<json: { plan, tier, rules: string[], preset?: "recommendedTypeChecked" }>'
// A rule is `async-init/<name>`, `floor/<name>` (a no-op rule with the same listeners as
// `async-init/<name>`), `sonarjs/no-async-constructor` or `@typescript-eslint/no-floating-promises`.
// `preset`: typescript-eslint's `recommendedTypeChecked` rules (as that config sets them on
// TypeScript files) run as well, under the given rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';

import { JS_FILES, loadPlugin, TS_FILES } from '../corpus/lint.js';

/** @typedef {import('eslint').Linter.Config} Config */
/**
 * @typedef {object} Plan what bench.js prepared: where the corpus is, and its files per tier
 * @property {string} root the folder holding the extracted packages (the lint's cwd)
 * @property {string[]} untypedFiles
 * @property {string[]} moduleFiles the JavaScript files among them that are ES modules
 * @property {string[]} typedFiles
 * @property {{ dir: string, tsconfig: string }[]} projects the typed packages
 */

const input = /** @type {{ plan: string, tier: 'untyped' | 'typed', rules: string[], preset?: 'recommendedTypeChecked' }} */ (
  JSON.parse(process.argv[2] ?? '{}')
);
/** @type {Plan} */
const plan = JSON.parse(readFileSync(input.plan, 'utf8'));
const plugin = await loadPlugin();
const rel = (/** @type {string} */ file) => path.relative(plan.root, file);

/** @type {Config[]} */
const config = [
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  { files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
  ...(plan.moduleFiles.length > 0 ? [{ files: plan.moduleFiles.map(rel), languageOptions: { sourceType: /** @type {const} */ ('module') } }] : []),
  { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: {} } },
  ...(input.tier === 'typed'
    ? plan.projects.map((project) => ({
        files: [`${rel(project.dir)}/**/*.ts`],
        languageOptions: { parserOptions: { project: project.tsconfig, tsconfigRootDir: project.dir } },
      }))
    : []),
  {
    files: [...JS_FILES, ...TS_FILES],
    plugins: {
      'async-init': plugin,
      floor: floorPlugin(plugin),
      sonarjs: /** @type {import('eslint').ESLint.Plugin} */ (/** @type {unknown} */ (sonarjs)),
      '@typescript-eslint': /** @type {import('eslint').ESLint.Plugin} */ (/** @type {unknown} */ (tseslint.plugin)),
    },
    rules: Object.fromEntries(input.rules.map((ruleId) => [ruleId, 'error'])),
  },
  ...(input.preset === 'recommendedTypeChecked' ? presetRules(tseslint.configs.recommendedTypeChecked) : []),
];

/**
 * A preset's rule settings, on the files its configs name (TypeScript by default): its parser and
 * plugin are already set above, so only the `rules` entries are taken.
 * @param {readonly Config[]} preset
 * @returns {Config[]}
 */
function presetRules(preset) {
  return preset.flatMap((entry) => (entry.rules ? [{ files: entry.files ?? TS_FILES, rules: entry.rules }] : []));
}

const files = input.tier === 'typed' ? plan.typedFiles : plan.untypedFiles;
const eslint = new ESLint({ cwd: plan.root, overrideConfigFile: true, overrideConfig: config, stats: true, cache: false });
const started = performance.now();
const results = await eslint.lintFiles(files);
const wallMs = performance.now() - started;

/** @type {Record<string, number>} */
const rulesMs = {};
/** @type {Record<string, number>} */
const problems = {};
let parseMs = 0;
let totalMs = 0;
let fatal = 0;
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    totalMs += pass.total;
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      rulesMs[ruleId] = (rulesMs[ruleId] ?? 0) + time.total;
    }
  }
  for (const message of result.messages) {
    if (message.fatal) {
      fatal++;
    } else if (message.ruleId) {
      problems[message.ruleId] = (problems[message.ruleId] ?? 0) + 1;
    }
  }
}
process.stdout.write(`${JSON.stringify({ files: results.length, wallMs, parseMs, totalMs, rulesMs, problems, fatal })}\n`);

/**
 * The floor: for each of the plugin's rules, a rule that subscribes to the same listeners and does
 * nothing in them. The listener keys are read from the real rules once, before the measurement, on
 * an empty file, so the floor never runs the real `create` (nor asks for the type checker).
 * @param {Awaited<ReturnType<typeof loadPlugin>>} real
 * @returns {import('eslint').ESLint.Plugin}
 */
function floorPlugin(real) {
  /** @type {Record<string, string[]>} */
  const keys = {};
  /** @type {Record<string, import('eslint').Rule.RuleModule>} */
  const spies = {};
  for (const [name, rule] of Object.entries(real.rules ?? {})) {
    const module = /** @type {import('eslint').Rule.RuleModule} */ (rule);
    spies[name] = {
      meta: module.meta,
      create(context) {
        keys[name] = Object.keys(module.create(context));
        return {};
      },
    };
  }
  new Linter().verify('', [
    { plugins: { spy: { rules: spies } }, rules: Object.fromEntries(Object.keys(spies).map((name) => [`spy/${name}`, 'error'])) },
  ]);
  /** @type {Record<string, import('eslint').Rule.RuleModule>} */
  const rules = {};
  for (const [name, listeners] of Object.entries(keys)) {
    rules[name] = {
      meta: { type: 'problem', schema: [], docs: { description: `no-op floor of ${name}: ${listeners.join(', ')}` } },
      create: () => Object.fromEntries(listeners.map((key) => [key, () => {}])),
    };
  }
  return { rules };
}
