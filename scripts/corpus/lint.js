// @ts-check
// ESLint set-ups for the corpus: which parser and parser options each tier uses, the plugin's
// rules with their options, and a parse check with the same parser a file was linted with.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import * as espree from 'espree';
import * as tsParser from '@typescript-eslint/parser';

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

/** Loads the built plugin (dist/: run `npm run build` first). */
export async function loadPlugin() {
  const url = pathToFileURL(path.join(repoRoot, 'dist', 'index.js')).href;
  /** @type {{ default: import('eslint').ESLint.Plugin & { configs: Record<string, Config>, meta: { namespace: string } } }} */
  const module = await import(url);
  return module.default;
}

/**
 * The rule entries of `configs.all`, with the options the corpus exercises: every boolean option
 * named `autofix` (the opt-in that turns a suggestion into a fix) set to true when `autofix` is
 * asked for, so `eslint --fix` output is checked too.
 * @param {Awaited<ReturnType<typeof loadPlugin>>} plugin
 * @param {{ autofix: boolean }} options
 * @returns {{ rules: RulesRecord, autofixRules: string[] }}
 */
export function allRules(plugin, { autofix }) {
  const namespace = plugin.meta.namespace;
  /** @type {RulesRecord} */
  const rules = {};
  /** @type {string[]} */
  const autofixRules = [];
  for (const ruleId of Object.keys(plugin.configs.all?.rules ?? {})) {
    const name = ruleId.slice(namespace.length + 1);
    const rule = plugin.rules?.[name];
    const schema = rule && typeof rule === 'object' && 'meta' in rule ? rule.meta?.schema : undefined;
    const first = Array.isArray(schema) ? schema[0] : undefined;
    const autofixSchema = first && typeof first === 'object' ? first.properties?.autofix : undefined;
    if (autofix && autofixSchema) {
      rules[ruleId] = ['error', { autofix: autofixValue(autofixSchema) }];
      autofixRules.push(ruleId);
    } else {
      rules[ruleId] = 'error';
    }
  }
  return { rules, autofixRules };
}

/**
 * The value that turns an `autofix` option fully on: `true` for a boolean, else the last enum
 * member (the schema lists the widest setting last, e.g. `['off', 'safe', 'always']`).
 * @param {import('json-schema').JSONSchema4} schema
 */
function autofixValue(schema) {
  if (schema.type === 'boolean') {
    return true;
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum.at(-1);
  }
  throw new Error(`Don't know how to turn on an autofix option of schema ${JSON.stringify(schema)}`);
}

/**
 * The flat config one lint uses.
 * @param {object} options
 * @param {Tier} options.tier
 * @param {string} options.cwd the package folder
 * @param {string | undefined} options.tsconfig the generated tsconfig (typed tier)
 * @param {SourceType} options.sourceType for JavaScript files
 * @param {Config['plugins']} options.plugins
 * @param {RulesRecord} options.rules
 * @returns {Config[]}
 */
export function corpusConfig({ tier, cwd, tsconfig, sourceType, plugins, rules }) {
  if (tier === 'typed' && !tsconfig) {
    throw new Error('The typed tier needs a tsconfig');
  }
  return [
    // The corpus's own directives must neither hide findings nor report unknown rules.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    { files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType } },
    {
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: tier === 'typed' ? { project: tsconfig, tsconfigRootDir: cwd } : {},
      },
    },
    { files: [...JS_FILES, ...TS_FILES], plugins, rules },
    // The typed tier must really be typed: a file left out of the program would be linted untyped
    // in silence (its findings would then count as typed ones).
    ...(tier === 'typed' ? [{ files: TS_FILES, plugins: { corpus: probePlugin }, rules: { [TYPED_PROBE]: /** @type {const} */ ('error') } }] : []),
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
 * Parses `text` with the parser the file was linted with; returns the error message, or
 * undefined when it parses. TypeScript is also checked for TypeScript's own syntax errors,
 * some of which typescript-estree lets through.
 * @param {string} text
 * @param {string} filePath
 * @param {SourceType} sourceType
 */
export function parseError(text, filePath, sourceType) {
  try {
    if (TS_FILES.some((glob) => filePath.endsWith(glob.slice(3)))) {
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
