// @ts-check
// ESLint set-ups for the corpus: which parser and parser options each tier uses, the plugin's
// rules with their options, and a parse check with the same parser a file was linted with.
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import * as espree from 'espree';
import * as tsParser from '@typescript-eslint/parser';

import { hygieneConfigs } from './hygiene.js';

import { repoRoot } from './packages.js';

const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');

/** @typedef {'untyped' | 'typed'} Tier */
/** @typedef {'module' | 'commonjs'} SourceType */
/** @typedef {import('eslint').Linter.RulesRecord} RulesRecord */
/** @typedef {import('eslint').Linter.Config} Config */

export const JS_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs'];
export const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];

/** The plugin's entry file: dist/index.js, or `ASYNC_INIT_PLUGIN`. */
export function pluginPath() {
  return process.env.ASYNC_INIT_PLUGIN ? path.resolve(process.env.ASYNC_INIT_PLUGIN) : path.join(repoRoot, 'dist', 'index.js');
}

/**
 * Loads the built plugin: dist/ (run `npm run build` first), or the file `ASYNC_INIT_PLUGIN` names
 * (another build of it, to try a branch).
 */
export async function loadPlugin() {
  const url = pathToFileURL(pluginPath()).href;
  /** @type {{ default: import('eslint').ESLint.Plugin & { configs: Record<string, Config>, meta: { namespace: string } } }} */
  const module = await import(url);
  return module.default;
}

/** @typedef {{ transform: string, target: string, reason: string, filename: string, line: number }} Decline */

/**
 * Subscribes to the transforms' declines (fixes/declines.js beside the plugin's entry, the very
 * module the plugin imports, so one listener hears every rule). A build without that module
 * records none: the report then says "no reason recorded".
 * @param {(decline: Decline) => void} listener
 * @returns {Promise<boolean>} whether the plugin records declines
 */
export async function listenToDeclines(listener) {
  const file = path.join(path.dirname(pluginPath()), 'fixes', 'declines.js');
  try {
    /** @type {{ setDeclineListener?: (listener: ((decline: Decline) => void) | undefined) => void }} */
    const module = await import(pathToFileURL(file).href);
    if (typeof module.setDeclineListener !== 'function') {
      return false;
    }
    module.setDeclineListener(listener);
    return true;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} FixForm what an offered transform does with the work (fixes/declines.js)
 * @property {string} transform
 * @property {string} target
 * @property {'moved' | 'recorded'} form
 * @property {string} [reason] why it records
 * @property {string} filename
 * @property {number} line
 */

/**
 * Subscribes to the forms of the offered transforms (moved or recorded, and why), through the
 * same module as the declines. A build without `setFixFormListener` reports none: the corpus
 * report then says "no form reported", never "moved".
 * @param {(form: FixForm) => void} listener
 * @returns {Promise<boolean>} whether the plugin reports fix forms
 */
export async function listenToFixForms(listener) {
  const file = path.join(path.dirname(pluginPath()), 'fixes', 'declines.js');
  try {
    /** @type {{ setFixFormListener?: (listener: ((form: FixForm) => void) | undefined) => void }} */
    const module = await import(pathToFileURL(file).href);
    if (typeof module.setFixFormListener !== 'function') {
      return false;
    }
    module.setFixFormListener(listener);
    return true;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} AutofixVariant one setting of the rules' `autofix` options
 * @property {string} label e.g. `autofix: "factory"`
 * @property {RulesRecord} rules
 */

/**
 * The rule entries of `configs.all` with their default options (suggestions, no `--fix`), and the
 * variants that turn each rule's `autofix` option on (the opt-in that makes a quick fix an
 * `eslint --fix` fix), one variant per value: `true` for a boolean, each string of an enum
 * (`"factory"`, `"thenable"`), so every transform is exercised.
 * @param {Awaited<ReturnType<typeof loadPlugin>>} plugin
 * @returns {{ rules: RulesRecord, autofixRules: string[], variants: AutofixVariant[] }}
 */
export function allRules(plugin) {
  const namespace = plugin.meta.namespace;
  /** @type {RulesRecord} */
  const rules = {};
  /** @type {Map<string, unknown[]>} */
  const autofixValues = new Map();
  for (const ruleId of Object.keys(plugin.configs.all?.rules ?? {})) {
    rules[ruleId] = 'error';
    const rule = plugin.rules?.[ruleId.slice(namespace.length + 1)];
    const schema = rule && typeof rule === 'object' && 'meta' in rule ? rule.meta?.schema : undefined;
    const first = Array.isArray(schema) ? schema[0] : undefined;
    const autofix = first && typeof first === 'object' ? first.properties?.autofix : undefined;
    if (autofix) {
      autofixValues.set(ruleId, enablingValues(autofix));
    }
  }
  const count = Math.max(0, ...[...autofixValues.values()].map((values) => values.length));
  /** @type {AutofixVariant[]} */
  const variants = [];
  for (let index = 0; index < count; index++) {
    /** @type {RulesRecord} */
    const variantRules = { ...rules };
    const labels = [];
    for (const [ruleId, values] of autofixValues) {
      const value = values[Math.min(index, values.length - 1)];
      variantRules[ruleId] = ['error', { autofix: value }];
      labels.push(`${ruleId.slice(namespace.length + 1)} autofix: ${JSON.stringify(value)}`);
    }
    variants.push({ label: labels.join(', '), rules: variantRules });
  }
  return { rules, autofixRules: [...autofixValues.keys()], variants };
}

/**
 * The values that turn an `autofix` option on: `true` for a boolean, every string of an enum, in
 * a plain schema or in the branches of a `oneOf`/`anyOf`.
 * @param {import('json-schema').JSONSchema4} schema
 * @returns {unknown[]}
 */
function enablingValues(schema) {
  const branches = [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  /** @type {unknown[]} */
  const values = [];
  for (const branch of branches) {
    if (Array.isArray(branch.enum)) {
      values.push(...branch.enum.filter((value) => value !== false && value !== null && value !== 'off'));
    } else if (branch.type === 'boolean') {
      values.push(true);
    }
  }
  const unique = [...new Set(values)];
  if (unique.length === 0) {
    throw new Error(`Don't know how to turn on an autofix option of schema ${JSON.stringify(schema)}`);
  }
  return unique;
}

/**
 * The flat config one lint uses.
 * @param {object} options
 * @param {Tier} options.tier
 * @param {string} options.cwd the package folder
 * @param {string | undefined} options.tsconfig the generated tsconfig (typed tier)
 * @param {boolean} [options.typedJavaScript] the typed tier lints JavaScript (with `allowJs`):
 *   JavaScript files are then parsed by typescript-eslint's parser with the program
 * @param {SourceType} options.sourceType for JavaScript files
 * @param {Config['plugins']} options.plugins
 * @param {RulesRecord} options.rules
 * @returns {Config[]}
 */
export function corpusConfig({ tier, cwd, tsconfig, typedJavaScript = false, sourceType, plugins, rules }) {
  if (tier === 'typed' && !tsconfig) {
    throw new Error('The typed tier needs a tsconfig');
  }
  const typedFiles = tier !== 'typed' ? [] : typedJavaScript ? JS_FILES : TS_FILES;
  const project = { project: tsconfig, tsconfigRootDir: cwd };
  return [
    // The corpus's own directives must neither hide findings nor report unknown rules.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    {
      files: JS_FILES,
      languageOptions:
        tier === 'typed' && typedJavaScript
          ? { ecmaVersion: 'latest', sourceType, parser: tsParser, parserOptions: project }
          : { ecmaVersion: 'latest', sourceType },
    },
    {
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: tier === 'typed' && !typedJavaScript ? project : {},
      },
    },
    { files: [...JS_FILES, ...TS_FILES], plugins, rules },
    // The typed tier must really be typed: a file left out of the program would be linted untyped
    // in silence (its findings would then count as typed ones).
    ...(typedFiles.length > 0 ? [{ files: typedFiles, plugins: { corpus: probePlugin }, rules: { [TYPED_PROBE]: /** @type {const} */ ('error') } }] : []),
  ];
}

/** The probe's rule id: it reports a file of the typed tier that has no program. */
export const TYPED_PROBE = 'corpus/typed-program';

/** @type {import('eslint').ESLint.Plugin} */
const probePlugin = {
  rules: {
    'typed-program': {
      meta: { type: 'problem', schema: [], docs: { description: 'Reports a file linted without type information' } },
      create(context) {
        return {
          Program(node) {
            const { parserServices } = /** @type {{ parserServices?: { program?: import('typescript').Program } }} */ (
              /** @type {unknown} */ (context.sourceCode)
            );
            const program = parserServices?.program;
            if (!program || !program.getSourceFile(context.filename)) {
              context.report({ node, message: 'This file of the typed tier has no TypeScript program.' });
            }
          },
        };
      },
    },
  },
};

/**
 * An ESLint instance for one package, tier and source type.
 * @param {Parameters<typeof corpusConfig>[0] & { fix?: boolean, stats?: boolean }} options
 */
export function createESLint(options) {
  return new ESLint({
    cwd: options.cwd,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(options),
    fix: options.fix ?? false,
    stats: options.stats ?? false,
    // The rule crashes are what we count: they must not be cached away.
    cache: false,
  });
}

/**
 * An ESLint for the hygiene check of one package, tier and source type (scripts/corpus/hygiene.js):
 * typescript-eslint's `strictTypeChecked` with the package's program in the typed tier, its
 * `strict` without types elsewhere, and sonarjs's `recommended`; typescript-eslint's parser for
 * every file. The corpus's own directives are ignored, as in the plugin's lint.
 * @param {object} options
 * @param {Tier} options.tier
 * @param {string} options.cwd
 * @param {string | undefined} options.tsconfig
 * @param {boolean} [options.typedJavaScript]
 * @param {SourceType} options.sourceType
 */
export function createHygieneESLint({ tier, cwd, tsconfig, typedJavaScript = false, sourceType }) {
  const typedFiles = tier !== 'typed' ? [] : typedJavaScript ? JS_FILES : TS_FILES;
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      ...hygieneConfigs({ typed: typedFiles.length > 0 }),
      { files: JS_FILES, languageOptions: { sourceType } },
      ...(typedFiles.length > 0 ? [{ files: typedFiles, languageOptions: { parserOptions: { project: tsconfig, tsconfigRootDir: cwd } } }] : []),
      { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    ],
    cache: false,
  });
}

/**
 * The AST of `text` as the parse check reads it (typescript-eslint's parser for TypeScript, espree
 * for JavaScript), with ranges; undefined when it does not parse.
 * @param {string} text
 * @param {string} filePath
 * @param {SourceType} sourceType
 * @returns {import('estree').Program | undefined}
 */
export function parseAst(text, filePath, sourceType) {
  try {
    return isTypeScriptFile(filePath)
      ? /** @type {import('estree').Program} */ (/** @type {unknown} */ (tsParser.parse(text, { filePath, range: true, loc: false })))
      : /** @type {import('estree').Program} */ (espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true }));
  } catch {
    return undefined;
  }
}

/**
 * Parses `text` with the parser the file was linted with; returns the error message, or
 * undefined when it parses. TypeScript is also checked for TypeScript's own syntax errors,
 * some of which typescript-estree lets through.
 * @param {string} text
 * @param {string} filePath
 * @param {SourceType} sourceType
 */
export function parseError(text, filePath, sourceType) {
  try {
    if (isTypeScriptFile(filePath)) {
      tsParser.parse(text, { filePath, range: true, loc: true });
      const { diagnostics = [] } = ts.transpileModule(text, { fileName: filePath, reportDiagnostics: true });
      const first = diagnostics.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
      return first ? ts.flattenDiagnosticMessageText(first.messageText, '\n') : undefined;
    }
    espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** @param {string} filePath */
export function isTypeScriptFile(filePath) {
  return TS_FILES.some((glob) => filePath.endsWith(glob.slice("**/*".length)));
}

/**
 * Applies one fix (a suggestion's or a problem's) to the source text.
 * @param {string} text
 * @param {{ range: [number, number], text: string }} fix
 */
export function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/**
 * The rule named in an error ESLint threw while linting (ESLint appends `Rule: "<id>"`).
 * @param {unknown} error
 */
export function crashedRule(error) {
  const message = error instanceof Error ? error.message : String(error);
  return /Rule: "([^"]+)"/.exec(message)?.[1];
}
