// @ts-check
// `npm run bench`: lints the corpus (see scripts/corpus.js) several times per configuration, each
// measurement in its own process (scripts/bench/worker.js), configurations alternating run by run,
// and prints a markdown table of medians and the ratios the plugin is designed to:
//  - typed: each of our rules against `sonarjs/no-async-constructor` (target: at most a tenth) and
//    `@typescript-eslint/no-floating-promises`, on the same files, and against its no-op floor;
//  - untyped: each rule against a no-op rule with the same listeners (target: within 2x) and the
//    plugin's share of the whole lint (target: at most 1%);
//  - the whole untyped run under oxlint (our rules as a JS plugin) against ESLint;
//  - typed, the plugin's `recommended` added to typescript-eslint's `recommendedTypeChecked` (the
//    checker shared, as users run it): the extra wall time (target: at most 3%).
// A benchmark, not a test: nothing here fails on a slow number.
//
// Options: --runs <n> (default 5), --package <name> (repeatable), --isolate (untyped: each rule in
// its own process too), --tier typed|untyped (only that tier's configurations), --only <text>
// (repeatable: only the configurations whose name contains one of them), --out <file> (also write
// the markdown there).
//
// `--scale` runs the scale bench instead (scripts/bench/scale.js: how the rules' time grows with the
// size of generated programs), with --shape <name> (repeatable), --base <n>, --runs <n> (default
// 7), --profile, --natural, --gc and --out.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { loadPlugin, pluginPath } from './corpus/lint.js';
import { cacheDir, prepareCorpus, repoRoot } from './corpus/packages.js';
import { ensureOxlint, OXLINT_VERSION } from './corpus/tools.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    package: { type: 'string', multiple: true },
    isolate: { type: 'boolean', default: false },
    tier: { type: 'string' },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    scale: { type: 'boolean', default: false },
    shape: { type: 'string', multiple: true },
    base: { type: 'string' },
    profile: { type: 'boolean', default: false },
    gc: { type: 'boolean', default: false },
    natural: { type: 'boolean', default: false },
  },
});
if (args.scale) {
  const { runScaleBench } = await import('./bench/scale.js');
  runScaleBench({
    shapes: args.shape,
    base: args.base === undefined ? undefined : Number(args.base),
    runs: Number(args.runs ?? 7),
    profile: args.profile,
    gc: args.gc,
    settle: !args.natural && !args.gc,
    out: args.out,
  });
  process.exit(0);
}
const runs = Number(args.runs ?? 5);
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

const SONAR = 'sonarjs/no-async-constructor';
const FLOATING = '@typescript-eslint/no-floating-promises';
const PRESET = 'typed: recommendedTypeChecked';
const PRESET_WITH_OURS = 'typed: recommendedTypeChecked + async-init recommended';

// ---------------------------------------------------------------------------------------------
// The plan: the corpus files per tier, written where the workers read it.

const corpus = prepareCorpus(log, args.package);
// The typed tier lints the TypeScript of the packages typed from their source (`typed: true`, or
// `'source'` where the corpus also types JavaScript through `.d.ts`, which the bench leaves out).
const typedSource = corpus.filter((pkg) => [true, 'source'].includes(/** @type {unknown} */ (pkg.spec.typed)));
const root = path.join(cacheDir(), 'packages');
const benchDir = path.join(cacheDir(), 'bench');
mkdirSync(benchDir, { recursive: true });
const plan = {
  root,
  untypedFiles: corpus.flatMap((pkg) => [...pkg.jsFiles, ...pkg.tsFiles]),
  moduleFiles: corpus.flatMap((pkg) => [...pkg.moduleFiles]),
  typedFiles: typedSource.flatMap((pkg) => pkg.tsFiles),
  projects: typedSource.flatMap((pkg) => (pkg.tsconfig ? [{ dir: pkg.dir, tsconfig: pkg.tsconfig }] : [])),
};
const planFile = path.join(benchDir, 'plan.json');
writeFileSync(planFile, JSON.stringify(plan));

const plugin = await loadPlugin();
const ours = Object.keys(plugin.configs.all?.rules ?? {});
const recommended = Object.keys(plugin.configs.recommended?.rules ?? {});
const floorOf = (/** @type {string} */ ruleId) => ruleId.replace(/^[^/]+\//, 'floor/');

// The oxlint run: our rules as a JS plugin, oxlint's own rules off (oxlint installed when it runs).
/** @type {string | undefined} */
let oxlint;
const oxlintrc = path.join(benchDir, '.oxlintrc.json');
writeFileSync(
  oxlintrc,
  `${JSON.stringify(
    {
      plugins: [],
      categories: { correctness: 'off' },
      jsPlugins: [pluginPath()],
      rules: Object.fromEntries(ours.map((ruleId) => [ruleId, 'error'])),
    },
    null,
    2,
  )}\n`,
);

/**
 * @typedef {object} Configuration
 * @property {string} id
 * @property {'untyped' | 'typed'} tier
 * @property {'eslint' | 'oxlint'} engine
 * @property {string[]} rules
 * @property {'recommendedTypeChecked'} [preset] typescript-eslint's preset runs too
 */
/** @type {Configuration[]} */
const allConfigurations = [
  // No type checker untyped, so nothing lazy for one rule to pay for another: our rules and their
  // floors share a process (`--isolate` splits them), and ESLint's stats still time each rule.
  ...(args.isolate
    ? ours.flatMap((ruleId) => [untyped(`untyped: ${ruleId}`, [ruleId]), untyped(`untyped: ${floorOf(ruleId)}`, [floorOf(ruleId)])])
    : [untyped('untyped: our rules and their no-op floors', [...ours, ...ours.map(floorOf)])]),
  { id: 'untyped: oxlint, our rules', tier: 'untyped', engine: 'oxlint', rules: ours },
  ...(plan.typedFiles.length > 0
    ? [
        // Typed, each rule in its own process: the checker's lazy work is charged to whoever asks first.
        ...ours.map((ruleId) => typed(`typed: ${ruleId}`, [ruleId])),
        // The floors never ask the checker, so they can share one.
        typed('typed: no-op floors', ours.map(floorOf)),
        typed(`typed: ${SONAR}`, [SONAR]),
        typed(`typed: ${FLOATING}`, [FLOATING]),
        // What users run: typescript-eslint's typed preset, without and with our recommended rules.
        { ...typed(PRESET, []), preset: /** @type {const} */ ('recommendedTypeChecked') },
        { ...typed(PRESET_WITH_OURS, recommended), preset: /** @type {const} */ ('recommendedTypeChecked') },
      ]
    : []),
];
const configurations = allConfigurations.filter(
  (configuration) =>
    (!args.tier || configuration.tier === args.tier) && (!args.only || args.only.some((text) => configuration.id.includes(text))),
);

/**
 * @param {string} id
 * @param {string[]} rules
 * @returns {Configuration}
 */
function untyped(id, rules) {
  return { id, tier: 'untyped', engine: 'eslint', rules };
}
/**
 * @param {string} id
 * @param {string[]} rules
 * @returns {Configuration}
 */
function typed(id, rules) {
  return { id, tier: 'typed', engine: 'eslint', rules };
}

// ---------------------------------------------------------------------------------------------
// The runs: every configuration once per round, the order reversed every other round.

/**
 * @typedef {object} Sample
 * @property {number} processMs the whole process, start to exit (what a user waits for)
 * @property {number} [wallMs] the lint call
 * @property {number} [parseMs]
 * @property {number} [totalMs] ESLint's summed per-file lint time (parse, rules, fixes)
 * @property {Record<string, number>} [rulesMs]
 * @property {Record<string, number> | number} problems
 * @property {number} [files]
 * @property {number} [fatal]
 */
/** @type {Map<string, Sample[]>} */
const samples = new Map(configurations.map((configuration) => [configuration.id, []]));
const loadBefore = os.loadavg();
const startedAt = new Date();
for (let round = 0; round < runs; round++) {
  const order = round % 2 === 0 ? configurations : [...configurations].reverse();
  for (const configuration of order) {
    log(`round ${round + 1}/${runs}: ${configuration.id}`);
    samples.get(configuration.id)?.push(configuration.engine === 'oxlint' ? runOxlint() : runWorker(configuration));
  }
}
const loadAfter = os.loadavg();

/**
 * @param {Configuration} configuration
 * @returns {Sample}
 */
function runWorker(configuration) {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', path.join(repoRoot, 'scripts', 'bench', 'worker.js'), JSON.stringify({ plan: planFile, tier: configuration.tier, rules: configuration.rules, preset: configuration.preset })],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const processMs = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`${configuration.id}: the worker failed (${child.status}):\n${child.stderr}`);
  }
  return { processMs, ...JSON.parse(child.stdout) };
}

/** @returns {Sample} */
function runOxlint() {
  oxlint ??= ensureOxlint(log);
  const started = performance.now();
  const child = spawnSync(oxlint, ['-c', oxlintrc, '--format', 'json', ...plan.untypedFiles], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const processMs = performance.now() - started;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`oxlint failed (${child.status}):\n${child.stderr}`);
  }
  const output = JSON.parse(child.stdout);
  return { processMs, problems: output.diagnostics.length, files: output.number_of_files };
}

// ---------------------------------------------------------------------------------------------
// The table.

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
/**
 * The median of one measure over a configuration's samples.
 * @param {string} id
 * @param {(sample: Sample) => number | undefined} measure
 */
function med(id, measure) {
  return median((samples.get(id) ?? []).map((sample) => measure(sample) ?? NaN));
}
const ms = (/** @type {number} */ value) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(0));
const pct = (/** @type {number} */ value) => `${(value * 100).toFixed(2)}%`;
const ratio = (/** @type {number} */ value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const tsVersion = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
const version = (/** @type {string} */ name) => JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * The median time of one rule, from the configuration of `tier` that runs it.
 * @param {'untyped' | 'typed'} tier
 * @param {string} ruleId
 */
function ruleMedian(tier, ruleId) {
  const configuration = configurationOf(tier, ruleId);
  return configuration ? med(configuration.id, (sample) => sample.rulesMs?.[ruleId]) : NaN;
}
/**
 * The configuration of `tier` that runs `ruleId` (not one of the preset's), if it ran.
 * @param {'untyped' | 'typed'} tier
 * @param {string} ruleId
 */
function configurationOf(tier, ruleId) {
  return configurations.find((c) => c.engine === 'eslint' && c.tier === tier && !c.preset && c.rules.includes(ruleId));
}
const filesOf = (/** @type {Configuration} */ configuration) => med(configuration.id, (sample) => sample.files);
const range = (/** @type {string} */ id, /** @type {(sample: Sample) => number | undefined} */ measure) => {
  const values = (samples.get(id) ?? []).map((sample) => measure(sample) ?? NaN);
  return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
};

const lines = [
  `## Benchmark run ${startedAt.toISOString()}`,
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, nproc ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; ` +
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1/5/15 min). ` +
    `Node ${process.version}, ESLint ${ESLint.version}, TypeScript ${tsVersion}, typescript-eslint ${version('typescript-eslint')}, ` +
    `eslint-plugin-sonarjs ${version('eslint-plugin-sonarjs')}, oxlint ${OXLINT_VERSION}; commit ${gitCommit()}.`,
  '',
  `Corpus: ${corpus.map((pkg) => `${pkg.spec.name}@${pkg.version}`).join(', ')}. Untyped: ${plan.untypedFiles.length} files; typed: ${plan.typedFiles.length} files (${corpus
    .filter((pkg) => typedSource.includes(pkg))
    .map((pkg) => pkg.spec.name)
    .join(', ')}). ${runs} runs per configuration, each in its own process, alternating; medians (ms unless stated).`,
  '',
  '| configuration | files | parse | lint total | process (s) | problems |',
  '|---|--:|--:|--:|--:|--:|',
  ...configurations.map((configuration) => {
    const problems = med(configuration.id, (sample) =>
      typeof sample.problems === 'number' ? sample.problems : Object.values(sample.problems).reduce((a, b) => a + b, 0),
    );
    return `| ${configuration.id} | ${filesOf(configuration)} | ${ms(med(configuration.id, (s) => s.parseMs))} | ${ms(
      med(configuration.id, (s) => s.totalMs),
    )} | ${(med(configuration.id, (s) => s.processMs) / 1000).toFixed(1)} | ${problems} |`;
  }),
  '',
  '| tier | rule | median | min–max | per file (µs) |',
  '|---|---|--:|--:|--:|',
  ...configurations
    .filter((configuration) => configuration.engine === 'eslint')
    .flatMap((configuration) =>
      configuration.rules.map((ruleId) => {
        const median = med(configuration.id, (sample) => sample.rulesMs?.[ruleId]);
        return `| ${configuration.tier} | ${ruleId} | ${ms(median)} | ${range(configuration.id, (sample) => sample.rulesMs?.[ruleId])} | ${ms((median / filesOf(configuration)) * 1000)} |`;
      }),
    ),
  '',
  '| ratio (medians, same run) | value | target | met |',
  '|---|--:|--:|:-:|',
];

/**
 * @param {string} label
 * @param {number} value
 * @param {number | undefined} target the value must not exceed it
 * @param {(value: number) => string} format
 */
const ratioRow = (label, value, target, format) =>
  // A ratio of configurations that did not run (`--only`, `--tier`) is left out.
  Number.isNaN(value) ||
  lines.push(`| ${label} | ${format(value)} | ${target === undefined ? '' : `≤ ${format(target)}`} | ${target === undefined ? '' : value <= target ? 'yes' : '**no**'} |`);
const hasTyped = configurations.some((configuration) => configuration.tier === 'typed');
const hasUntyped = configurations.some((configuration) => configuration.tier === 'untyped');
const sum = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0);
/**
 * A rule's share of the whole untyped lint, per sample (ESLint's stats, same process).
 * @param {string} ruleId
 */
const untypedShare = (ruleId) => med(configurationOf('untyped', ruleId)?.id ?? '', (sample) => (sample.rulesMs?.[ruleId] ?? NaN) / (sample.totalMs ?? NaN));
for (const ruleId of ours) {
  if (hasTyped) {
    const typedRule = ruleMedian('typed', ruleId);
    ratioRow(`typed: ${ruleId} / ${SONAR}`, typedRule / ruleMedian('typed', SONAR), 0.1, ratio);
    ratioRow(`typed: ${ruleId} / ${FLOATING}`, typedRule / ruleMedian('typed', FLOATING), undefined, ratio);
    ratioRow(`typed: ${ruleId} / its no-op floor`, typedRule / ruleMedian('typed', floorOf(ruleId)), undefined, ratio);
  }
  if (hasUntyped) {
    ratioRow(`untyped: ${ruleId} / its no-op floor`, ruleMedian('untyped', ruleId) / ruleMedian('untyped', floorOf(ruleId)), 2, ratio);
    ratioRow(`untyped: ${ruleId}’s share of the whole lint`, untypedShare(ruleId), 0.01, pct);
  }
}
if (hasUntyped) {
  ratioRow(
    'untyped: our rules / their no-op floors',
    sum(ours.map((ruleId) => ruleMedian('untyped', ruleId))) / sum(ours.map((ruleId) => ruleMedian('untyped', floorOf(ruleId)))),
    2,
    ratio,
  );
  ratioRow('untyped: our rules’ share of the whole lint', sum(ours.map(untypedShare)), 0.01, pct);
  ratioRow(
    'untyped: oxlint process / ESLint process, our rules',
    med('untyped: oxlint, our rules', (sample) => sample.processMs) / med(configurationOf('untyped', ours[0] ?? '')?.id ?? '', (sample) => sample.processMs),
    undefined,
    ratio,
  );
}
if (hasTyped) {
  // Two processes compared: the wall time of the lint call, medians. The same added time measured
  // inside the run with our rules (their ESLint stats against the rest of that lint) is far less noisy.
  ratioRow(
    'typed: recommendedTypeChecked + our recommended, extra lint wall time',
    med(PRESET_WITH_OURS, (sample) => sample.wallMs) / med(PRESET, (sample) => sample.wallMs) - 1,
    0.03,
    pct,
  );
  ratioRow(
    'typed: recommendedTypeChecked + our recommended, our rules’ time / the rest of that lint (stats)',
    med(PRESET_WITH_OURS, (sample) => {
      const oursMs = sum(recommended.map((ruleId) => sample.rulesMs?.[ruleId] ?? 0));
      return oursMs / ((sample.totalMs ?? NaN) - oursMs);
    }),
    0.03,
    pct,
  );
}

const markdown = `${lines.join('\n')}\n`;
process.stdout.write(markdown);
writeFileSync(path.join(benchDir, `results-${startedAt.toISOString().replaceAll(':', '-')}.json`), JSON.stringify({ plan: planFile, configurations, samples: Object.fromEntries(samples) }, null, 2));
if (args.out) {
  writeFileSync(args.out, markdown);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
