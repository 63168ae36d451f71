// @ts-check
// Lints one generated program (tests/scale/shapes.js) with every rule of the plugin on, as a new
// user would, untyped, with ESLint's `stats` on: the per-rule times and the reports. Shared by the
// scale test (the plugin from src) and `npm run bench -- --scale` (the built plugin).
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

/** @typedef {import('./lint.js').ScaleRun} ScaleRun documented in lint.d.ts */

/**
 * Whether ESLint itself, with no rule on, gets through the program of `shape` at size `n`: its
 * parser and scope analysis recurse per level of nesting, and where the stack runs out depends on
 * the machine and on how deep the caller already is. A size ESLint cannot lint is not ours to test.
 * @param {import('./shapes.js').Shape} shape
 * @param {number} n
 * @returns {boolean}
 */
export function eslintAccepts(shape, n) {
  const linter = new Linter({ configType: 'flat' });
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    { files: ['**/*.js', '**/*.ts'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    { files: ['**/*.ts'], languageOptions: { parser: /** @type {import('eslint').Linter.Parser} */ (/** @type {unknown} */ (tsParser)) } },
  ];
  try {
    const messages = linter.verify(shape.generate(n), config, { filename: shape.parser === 'ts' ? 'scale.ts' : 'scale.js' });
    return !messages.some((message) => message.fatal);
  } catch (error) {
    if (error instanceof RangeError) {
      return false;
    }
    throw error;
  }
}

/**
 * The bench's yardstick (`npm run bench -- --scale`): a rule that walks the whole tree once, as
 * every whole-class or whole-file analysis must at least, and does nothing else: from `Program`,
 * every node below it by the visitor keys, on an explicit stack. Its time at 4n and 8n is what
 * this machine charges for touching twice the nodes (caches, the collector's pauses that fall
 * inside it, fresh memory), printed beside the rules' so that the two can be compared.
 * @type {import('eslint').Rule.RuleModule}
 */
const walkOnce = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const { visitorKeys } = context.sourceCode;
    return {
      Program(program) {
        /** @type {unknown[]} */
        const stack = [program];
        while (stack.length > 0) {
          const node = /** @type {Record<string, unknown> & { type: string }} */ (stack.pop());
          for (const key of visitorKeys[node.type] ?? []) {
            const child = node[key];
            if (Array.isArray(child)) {
              for (let index = child.length - 1; index >= 0; index--) {
                if (child[index]) {
                  stack.push(child[index]);
                }
              }
            } else if (child && typeof child === 'object') {
              stack.push(child);
            }
          }
        }
      },
    };
  },
};

/**
 * @param {import('eslint').ESLint.Plugin} plugin
 * @param {import('./shapes.js').Shape} shape
 * @param {number} n
 * @param {{ reference?: boolean, settle?: () => void }} [options] `reference`: also run
 *   {@link walkOnce}, timed apart (`referenceMs`). `settle`: called once the program is parsed and
 *   its scopes analysed, before any rule's listener runs (from the `create` of a rule configured
 *   before ours), so that the bench can collect ESLint's garbage there, outside every rule's time.
 * @returns {ScaleRun}
 */
export function lintShape(plugin, shape, n, options = {}) {
  const code = shape.generate(n);
  const ruleIds = Object.keys(plugin.rules ?? {}).map((name) => `async-init/${name}`);
  const linter = new Linter({ configType: 'flat' });
  const { settle } = options;
  /** @type {Record<string, import('eslint').Rule.RuleModule>} */
  const benchRules = {
    ...(settle && { settle: { meta: { type: 'problem', schema: [] }, create: () => (settle(), {}) } }),
    ...(options.reference && { 'walk-once': walkOnce }),
  };
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { 'async-init': plugin, bench: { rules: benchRules } },
      // ESLint creates the rules in this order: `bench/settle` first.
      rules: {
        ...(settle && { 'bench/settle': 'error' }),
        ...Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 'error'])),
        ...(options.reference && { 'bench/walk-once': 'error' }),
      },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    // `tsParser` is typed for typescript-eslint's own Linter types, ESLint's want a Parser.
    { files: ['**/*.ts'], languageOptions: { parser: /** @type {import('eslint').Linter.Parser} */ (/** @type {unknown} */ (tsParser)) } },
  ];
  // A rule that throws makes the lint throw (with the rule named in the message): the caller sees it.
  // `verifyAndFix` with `fix: false` is how the ESLint class lints, and what keeps its `stats`.
  const { messages } = linter.verifyAndFix(code, config, { filename: shape.parser === 'ts' ? 'scale.ts' : 'scale.js', stats: true, fix: false });
  /** @type {Record<string, number>} */
  const rulesMs = Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 0]));
  let totalMs = 0;
  let referenceMs = 0;
  for (const pass of linter.getTimes().passes) {
    totalMs += pass.total;
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      if (ruleId === 'bench/walk-once') {
        referenceMs += time.total;
      } else if (!ruleId.startsWith('bench/')) {
        rulesMs[ruleId] = (rulesMs[ruleId] ?? 0) + time.total;
      }
    }
  }
  /** @type {Record<string, number>} */
  const reports = {};
  let fatal;
  for (const message of messages) {
    if (message.fatal) {
      fatal = message.message;
    } else if (message.ruleId) {
      reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
    }
  }
  return { rulesMs, totalMs, reports, fatal, ...(options.reference && { referenceMs }) };
}
