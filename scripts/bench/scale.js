// @ts-check
// `npm run bench -- --scale`: how the rules' time grows with the size of the input. For each shape
// of the size generator (tests/scale/shapes.js), lints its program at n, 2n, 4n and 8n with every
// rule on, untyped, in its own process (scripts/bench/scale-worker.js), and prints per shape the
// rules' time (ESLint's per-rule `stats`, summed; the median of the runs) at each size and the
// growth exponent between each pair: log2(t(2x) / t(x)), 1 for linear, 2 for quadratic. The
// exponent between the two largest sizes is also given per run, as a range, to show how noisy it
// is, and between the fastest runs at each size: the noise of a lint is added time, never taken
// away. Beside them, a yardstick timed in the same lints: a rule that only walks the whole tree
// once (tests/scale/lint.js), what this machine charges for touching twice the nodes; where it too
// grows faster than the tree, the measurement does not tell the rules' growth apart from the
// machine's. A benchmark, not a test: nothing fails on a number.
//
// By default the rules are timed settled: the worker runs with a young generation of
// SETTLED_SEMI_SPACE_MB and two scavenges between ESLint's parse and the first rule (lint.js,
// `settle`), so that the rules start on an empty young generation and a collection of ESLint's
// garbage does not land inside them. Under Node's default heap (`--natural`) it does, in whichever
// rule is running, and on the virtual machines we measure on (2 cores, a page touched for the first
// time costing about 12 µs) how much such a pause costs depends on the size of ESLint's heap and on
// which pages V8 hands out, more than on our code: there even the yardstick, which does nothing but
// walk, grew by up to 2.75 for twice the nodes (docs/benchmarks.md, "Scale").
//
// Options (after `--scale`): --shape <name> (repeatable), --base <n> (every shape's n, default each
// shape's own; a nested shape's stays within what its parser accepts), --runs <n> (default 7),
// --profile (also sample the two largest sizes with V8's CPU profiler: the self time of
// dist/analysis, dist/fixes, dist/rules + dist/utils, and the garbage collector, with their
// exponents), --natural (Node's default heap, nothing settled; a random amount of garbage before
// each lint moves where the collections fall, scale-worker.js), --gc (a full garbage collection
// before each lint, as the runs recorded before 2026-12-07 06:40 UTC did; scale-worker.js says why
// it is no longer used), --out <file> (also write the markdown there). ASYNC_INIT_PLUGIN names
// another build to measure (another branch's dist/index.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

import { ESLint } from 'eslint';

import { pluginPath } from '../corpus/lint.js';
import { repoRoot } from '../corpus/packages.js';
import { SHAPES, getShape } from '../../tests/scale/shapes.js';

/**
 * @typedef {object} ScaleOptions
 * @property {string[] | undefined} shapes
 * @property {number | undefined} base
 * @property {number} runs
 * @property {boolean} profile
 * @property {boolean} gc
 * @property {boolean} settle
 * @property {string | undefined} out
 */

/**
 * @typedef {object} WorkerResult
 * @property {Record<string, { rulesMs: Record<string, number>, totalMs: number, reports: Record<string, number>, referenceMs: number, fatal?: string }[]>} runs
 * @property {Record<string, Record<string, number>[]>} profiles
 * @property {number} runCount
 * @property {number} maxRssMb
 */

/** The young generation's semi-space with `settle`, MB (Node's default is 16). */
const SETTLED_SEMI_SPACE_MB = 128;

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

/** @param {ScaleOptions} options */
export function runScaleBench(options) {
  const shapes = options.shapes ? options.shapes.map(getShape) : SHAPES;
  const loadBefore = os.loadavg();
  const startedAt = new Date();
  const lines = [
    `## Scale run ${startedAt.toISOString()}`,
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, nproc ${os.availableParallelism()}; Node ${process.version}, ESLint ${ESLint.version}; plugin ${path.relative(repoRoot, pluginPath()) || pluginPath()} at commit ${gitCommit()}. ` +
      `${options.runs} runs per size or more (as many as fill about 4 s of lints at 8n, up to ${options.runs * 5}: the last column) after a warm-up lint at each size, sizes in alternating order, ${options.gc ? 'a full GC before each lint' : options.settle ? `settled (a young generation of ${SETTLED_SEMI_SPACE_MB} MB, two scavenges after the parse, before the first rule)` : "Node's default heap, nothing settled"}; medians. Load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min).`,
    '',
    '| shape | parser | n | t(n) | t(2n) | t(4n) | t(8n) | exponent n→2n | 2n→4n | 4n→8n (runs) | 4n→8n, fastest runs | yardstick 4n→8n: one walk of the tree, fastest runs | slowest rule at 8n | reports at 8n | peak RSS | runs |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|',
  ];
  const profileLines = [
    '',
    `Where the time goes at 4n and 8n (V8's CPU profiler over ${options.runs} more lints at each: self time in ms per lint, the median) and its exponent. The plugin's own code is the four before it together: the time its code ran, and not the garbage collector's pauses, which the last column gives for the whole lint (ESLint's and ours):`,
    '',
    "| shape | analysis | fixes | rules + utils | the plugin's own code | garbage collector (whole lint) |",
    '|---|--:|--:|--:|--:|--:|',
  ];
  for (const shape of shapes) {
    // A nesting depth beyond what the parser accepts only measures the parser's failure (and an
    // espree run out of stack can take the process down with it): nested shapes stay within theirs.
    const base = shape.nested ? Math.min(options.base ?? shape.baseSize, Math.floor(shape.maxSize / 8)) : (options.base ?? shape.baseSize);
    const sizes = [base, 2 * base, 4 * base, 8 * base];
    log(`scale: ${shape.name} at ${sizes.join(', ')}`);
    const child = spawnSync(
      process.execPath,
      [
        ...(options.gc || options.settle ? ['--expose-gc'] : []),
        ...(options.settle ? [`--min-semi-space-size=${SETTLED_SEMI_SPACE_MB}`, `--max-semi-space-size=${SETTLED_SEMI_SPACE_MB}`] : []),
        path.join(repoRoot, 'scripts', 'bench', 'scale-worker.js'),
        JSON.stringify({ shape: shape.name, sizes, runs: options.runs, profile: options.profile, gc: options.gc, settle: options.settle }),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (child.status !== 0) {
      // A rule that throws, or a heap that runs out: the row says so, and the other shapes still run.
      const reason = (child.stderr.match(/(RangeError|TypeError|Error|FATAL ERROR)[^\n]*/u)?.[0] ?? `exit ${child.status}`).slice(0, 160);
      lines.push(`| ${shape.name} | ${shape.parser} | ${base} | **failed: ${reason.replaceAll('|', '\\|')}** |  |  |  |  |  |  |  |  |  |  |  |  |`);
      continue;
    }
    /** @type {WorkerResult} */
    const result = JSON.parse(child.stdout);
    const total = (/** @type {{ rulesMs: Record<string, number> }} */ run) => Object.values(run.rulesMs).reduce((a, b) => a + b, 0);
    const times = sizes.map((size) => median((result.runs[size] ?? []).map(total)));
    const exponents = times.slice(1).map((time, index) => Math.log2(time / (times[index] ?? NaN)));
    const fastest = sizes.map((size) => Math.min(...(result.runs[size] ?? []).map(total)));
    const fastestExponent = Math.log2((fastest[3] ?? NaN) / (fastest[2] ?? NaN));
    const [walk4, walk8] = [sizes[2] ?? 0, sizes[3] ?? 0].map((size) => Math.min(...(result.runs[size] ?? []).map((run) => run.referenceMs)));
    const perRun = (result.runs[sizes[3] ?? 0] ?? []).map((run, index) => Math.log2(total(run) / total(result.runs[sizes[2] ?? 0]?.[index] ?? run)));
    const largest = result.runs[sizes[3] ?? 0] ?? [];
    const ruleIds = Object.keys(largest[0]?.rulesMs ?? {});
    const slowest = ruleIds
      .map((ruleId) => ({ ruleId, ms: median(largest.map((run) => run.rulesMs[ruleId] ?? 0)) }))
      .sort((a, b) => b.ms - a.ms)[0];
    const fatal = largest.find((run) => run.fatal)?.fatal;
    const reports = Object.values(largest[0]?.reports ?? {}).reduce((a, b) => a + b, 0);
    lines.push(
      `| ${shape.name} | ${shape.parser} | ${base} | ${times.map(ms).join(' | ')} | ${exponents
        .map((exponent, index) => (index === 2 ? `**${exponent.toFixed(2)}** (${Math.min(...perRun).toFixed(2)}–${Math.max(...perRun).toFixed(2)})` : exponent.toFixed(2)))
        .join(' | ')} | ${fastestExponent.toFixed(2)} (${ms(fastest[2] ?? NaN)} → ${ms(fastest[3] ?? NaN)}) | ${Math.log2((walk8 ?? NaN) / (walk4 ?? NaN)).toFixed(2)} (${ms(walk4 ?? NaN)} → ${ms(walk8 ?? NaN)}) | ${slowest ? `${slowest.ruleId.replace(/^async-init\//u, '')} ${ms(slowest.ms)}` : '–'} | ${fatal ? `parse error: ${fatal}` : reports} | ${result.maxRssMb.toFixed(0)} MB | ${result.runCount} |`,
    );
    if (options.profile) {
      const [at4, at8] = [result.profiles[sizes[2] ?? 0] ?? [], result.profiles[sizes[3] ?? 0] ?? []];
      // Per part, the median over the profiled lints; an exponent of times under a few
      // milliseconds (a few dozen samples) says nothing.
      const cell = (/** @type {(profile: Record<string, number>) => number} */ pick) => {
        const [t4, t8] = [median(at4.map(pick)), median(at8.map(pick))];
        return `${ms(t4)} → ${ms(t8)}${t4 >= 5 ? ` (${Math.log2(t8 / t4).toFixed(2)})` : ''}`;
      };
      const own = (/** @type {Record<string, number>} */ p) => (p.analysis ?? 0) + (p.fixes ?? 0) + (p.rules ?? 0) + (p.utils ?? 0);
      profileLines.push(
        `| ${shape.name} | ${cell((p) => p.analysis ?? 0)} | ${cell((p) => p.fixes ?? 0)} | ${cell((p) => (p.rules ?? 0) + (p.utils ?? 0))} | **${cell(own)}** | ${cell((p) => p.gc ?? 0)} |`,
      );
    }
  }
  const loadAfter = os.loadavg();
  lines.push(
    '',
    `Load average after: ${loadAfter.map((l) => l.toFixed(2)).join(' / ')}. Times in ms: the rules' time is the sum of the plugin's rules in ESLint's stats (their listeners, and the fixes and suggestions they build).`,
    ...(options.profile ? profileLines : []),
  );
  const markdown = `${lines.join('\n')}\n`;
  process.stdout.write(markdown);
  if (options.out) {
    writeFileSync(options.out, markdown);
  }
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function ms(/** @type {number} */ value) {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(0);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
