import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { checkProgram, parseWith } from './crash-check.js';
import { minimise } from './crash-minimise.js';
import { formatCoverage, formatFailure, formatStats, minimiseFailure, readFuzzEnv, runCrashFuzz, type CrashFuzzSettings } from './crash.js';
import type { FuzzCase } from './crash-programs.js';

/**
 * The crash fuzzer (tests/fuzz/crash*.ts): random programs from eslump, as they are and cut into the
 * classes, constructors, thenables and `await using` declarations our rules listen to, linted with
 * every rule on (options drawn per program) by espree and by typescript-eslint's parser without a
 * program. No rule may throw, on the program or on what one of our fixes wrote, and every fix,
 * suggestion and `--fix` output must parse with the parser the program was parsed with.
 *
 * `npm test` runs a fixed seed and one random seed; `npm run fuzz` sets FUZZ_RUNS / FUZZ_SECONDS /
 * FUZZ_SEED / FUZZ_OUT for long runs. A failure prints the minimised program and the command that
 * reruns its case alone.
 */

const env = readFuzzEnv();
const FIXED_SEED = 20261201;
const FIXED_RUNS = 200;
const RANDOM_RUNS = 100;

function expectNoFailures(settings: CrashFuzzSettings, coverage = false): void {
  const stats = runCrashFuzz(settings);
  console.log(coverage ? `${formatStats(stats)}\n${formatCoverage(stats)}` : formatStats(stats));
  const report = stats.failures.map(formatFailure).join('\n\n========\n\n');
  expect(stats.failures.length, `${formatStats(stats)}\n\n${report}`).toBe(0);
  // A fuzzer whose programs never reach a rule tests nothing.
  expect(stats.reports).toBeGreaterThan(0);
}

describe('crash fuzzer', () => {
  if (env.runs !== undefined || env.seconds !== undefined || env.seed !== undefined) {
    const seed = env.seed ?? Math.floor(Math.random() * 2 ** 32);
    const runs = env.runs ?? (env.seconds === undefined ? 1000 : undefined);
    it(`FUZZ_SEED=${seed}${runs === undefined ? '' : ` FUZZ_RUNS=${runs}`}${env.seconds === undefined ? '' : ` FUZZ_SECONDS=${env.seconds}`}`, { timeout: 0 }, () => {
      expectNoFailures({
        seed,
        runs,
        seconds: env.seconds,
        out: env.out ?? 'fuzz-failures',
        onProgress: (stats) => process.stderr.write(`\r${formatStats(stats)}   `),
        progressMs: 5000,
      }, true);
    });
  } else {
    it(`fixed seed ${FIXED_SEED}: ${FIXED_RUNS} programs`, { timeout: 120_000 }, () => {
      expectNoFailures({ seed: FIXED_SEED, runs: FIXED_RUNS, minimiseMs: 20_000 });
    });
    const seed = Math.floor(Math.random() * 2 ** 32);
    it(`random seed ${seed}: ${RANDOM_RUNS} programs`, { timeout: 120_000 }, () => {
      expectNoFailures({ seed, runs: RANDOM_RUNS, minimiseMs: 20_000 });
    });
  }
});

// The fuzzer's own machinery, on failures planted on purpose: it must see them and shrink them.
describe('crash fuzzer machinery', () => {
  type Create = (context: TSESLint.RuleContext<string, unknown[]>) => TSESLint.RuleListener;
  function withListeners<T>(ruleName: string, extra: (context: TSESLint.RuleContext<string, unknown[]>) => TSESLint.RuleListener, run: () => T): T {
    const rule = plugin.rules[ruleName] as unknown as { create: Create };
    const { create } = rule;
    rule.create = (context) => ({ ...create(context), ...extra(context) });
    try {
      return run();
    } finally {
      rule.create = create;
    }
  }
  const program = `
const a = 1; // one
function helper(x) { return [x, a, (b) => b * 2]; }
class Db {
  constructor(url) {
    this.url = url;
    this.connect(url);
  }
  async connect(url) { this.conn = await open(url); }
}
export default helper(new Db('x'));
`;
  const jsCase: Pick<FuzzCase, 'parser' | 'sourceType' | 'options' | 'code' | 'seed' | 'shape'> = {
    seed: 0,
    shape: 'planted',
    parser: 'espree',
    sourceType: 'module',
    code: program,
    options: { 'no-async-constructor': [], 'no-self-resolving-thenable': [], 'require-awaited-init': [], 'async-dispose-requires-init': [] },
  };

  it('catches a rule that throws and shrinks the program to what makes it throw', () => {
    withListeners(
      'no-self-resolving-thenable',
      () => ({
        // Not on `new Db(url)`, which the factory suggestion writes: a crash there counts too.
        'NewExpression[callee.name="Db"] > Literal'() {
          throw new TypeError('planted');
        },
      }),
      () => {
        const failure = checkProgram(jsCase, program);
        expect(failure).toMatchObject({ kind: 'crash', ruleId: 'async-init/no-self-resolving-thenable', message: 'planted' });
        expect(minimiseFailure(jsCase as FuzzCase, failure!, 10_000)).toBe('new Db(0)');
      },
    );
  });

  it('catches a suggestion whose output does not parse', () => {
    withListeners(
      'require-awaited-init',
      (context) => ({
        ClassDeclaration(node) {
          context.report({
            node,
            messageId: 'insertAwait',
            data: { fixed: '' },
            suggest: [{ messageId: 'insertAwait', data: { fixed: '' }, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(node, ')') }],
          } as never);
        },
      }),
      () => {
        expect(checkProgram(jsCase, program)).toMatchObject({ kind: 'suggestion', ruleId: 'async-init/require-awaited-init', messageId: 'insertAwait' });
      },
    );
  });

  it('minimise keeps what the predicate needs and drops the rest, comments included', () => {
    const parse = (code: string): unknown => parseWith(code, 'espree', 'module').ast;
    const result = minimise(program, { parse, reproduces: (code) => code.includes('this.connect(') });
    expect(result.code).toBe('this.connect()');
  });
});
