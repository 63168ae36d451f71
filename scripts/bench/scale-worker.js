// @ts-check
// One shape of the scale bench (`npm run bench -- --scale`), in its own process (with the flags
// scale.js gives it): lints the shape's program at each size, `runs` times or more, sizes in
// alternating order after a warm-up lint at every size, and prints one JSON line: per size, per
// run, ESLint's per-rule times (`stats`), and the reports; the process's peak memory. With `gc`
// (node --expose-gc), a full garbage collection before each lint. It is not used any more: a
// forced full collection frees the previous program's hidden classes, and V8 then throws away the
// optimized code that checked for them (`--trace-deopt` shows hundreds of functions of the
// parser, ESLint and the rules deoptimized, reason "weak objects", after each one), so every lint
// ran partly cold, slower and noisier than a lint among others in one process (the 800-piece
// constructor: about 450 ms that way against about 150 ms, on the same build and load). With
// `profile`, the lints at the two largest sizes are also sampled by V8's CPU profiler, `runs`
// times each, and the self time of the plugin's code is added up per folder of dist/ (analysis,
// fixes, rules, utils), so that how each part grows can be told apart. The profiler samples the
// thread's stack, so the plugin's self time is the time its own code ran,
// page faults of what it allocates included, and not the collector's pauses that fall inside its
// listeners (the garbage collector's samples are their own).
//
// With `settle` (the default of scale.js), two scavenges between ESLint's parse and the first rule.
//
// Usage: node [--expose-gc] [--min/max-semi-space-size=<MB>] scripts/bench/scale-worker.js '<json: { shape, sizes: number[], runs, profile?, gc?, settle? }>'
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { getHeapSpaceStatistics } from 'node:v8';

import { loadPlugin } from '../corpus/lint.js';
import { lintShape } from '../../tests/scale/lint.js';
import { getShape } from '../../tests/scale/shapes.js';

const input = /** @type {{ shape: string, sizes: number[], runs: number, profile?: boolean, gc?: boolean, settle?: boolean }} */ (JSON.parse(process.argv[2] ?? '{}'));
const shape = getShape(input.shape);
const plugin = await loadPlugin();
const gc = /** @type {{ gc?: (options?: { type: 'minor' | 'major' }) => void }} */ (globalThis).gc;
const collect = input.gc ? gc : undefined;
// With `settle` (node --expose-gc and a young generation larger than what the rules allocate in
// one lint, scale.js): two scavenges once ESLint has parsed the program and analysed its scopes,
// before the first rule's listener, so that what ESLint allocated is promoted out of the young
// generation and the rules start on an empty one. A scavenge never deoptimizes (a full collection
// does, see above).
const settle = input.settle && gc ? () => (gc({ type: 'minor' }), gc({ type: 'minor' })) : undefined;

// Without `settle`: a lint is deterministic; at one size, the young generation has filled to
// the same point when the same listener runs, so a scavenge (10–40 ms here, as much as the rule
// itself) lands inside the same rule in every run, and the fastest of the runs carries it as surely as the median. A
// random amount of short-lived garbage before each lint (from none to a young generation's worth,
// drawn from a fixed seed) moves where the collections fall, so that the runs sample them: the
// median still carries its share, as a project's lints do, and the fastest run is the one
// with the fewest. Measured with every rule on, 25 lints at 8,000: wrapper-chain's rules were
// free of a scavenge in 13 lints without it and 15 with it (fastest 23.5 and 23.0 ms, median 55
// and 38); many-methods', which allocate about a young generation's worth, in 1 and 1 (fastest
// 63 and 43 ms).
const young = (() => {
  const space = getHeapSpaceStatistics().find(({ space_name }) => space_name === 'new_space');
  return space ? space.space_used_size + space.space_available_size : 16 * 1024 * 1024;
})();
let seed = 0x2545f491;
/** A uniform draw in [0, 1): xorshift32, so that two runs of the bench draw the same amounts. */
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
/** @type {unknown[]} Each block of garbage is kept here until the next replaces it, so that V8 allocates it. */
const sink = [undefined];
function dither() {
  const bytes = random() * young;
  for (let allocated = 0; allocated < bytes; allocated += 8 * 1024) {
    sink[0] = new Array(1024).fill(allocated);
  }
}

/** @param {number} size */
function measure(size) {
  collect?.();
  if (!settle) {
    dither();
  }
  return lintShape(plugin, shape, size, { reference: true, ...(settle && { settle }) });
}

// Every size once, so that what each size runs is compiled before it is measured.
let largestLintMs = 0;
for (const size of input.sizes) {
  const start = performance.now();
  measure(size);
  largestLintMs = performance.now() - start;
}
// A shape whose lint takes a few milliseconds (the nested ones: our rules 1–5 ms at 8n) is noisy
// in 7 lints and cheap in many: as many runs as fill about 4 s of lints at the largest size, up to
// five times `runs`, and never fewer than `runs`.
const runCount = Math.max(input.runs, Math.min(input.runs * 5, Math.ceil(4000 / Math.max(largestLintMs, 1))));
/** @type {Record<number, { rulesMs: Record<string, number>, totalMs: number, reports: Record<string, number>, referenceMs: number, fatal?: string }[]>} */
const runs = Object.fromEntries(input.sizes.map((size) => [size, []]));
for (let run = 0; run < runCount; run++) {
  for (const size of run % 2 === 0 ? input.sizes : [...input.sizes].reverse()) {
    const { rulesMs, totalMs, reports, fatal, referenceMs } = measure(size);
    runs[size]?.push({ rulesMs, totalMs, reports, referenceMs: referenceMs ?? NaN, ...(fatal !== undefined && { fatal }) });
  }
}

/** @type {Record<number, Record<string, number>[]>} */
const profiles = {};
if (input.profile) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  // As many profiled lints as measured ones, sizes alternating: one lint's profile is as noisy as its time.
  const profiled = input.sizes.slice(-2);
  for (let run = 0; run < input.runs; run++) {
    for (const size of run % 2 === 0 ? profiled : [...profiled].reverse()) {
      collect?.();
      if (!settle) {
        dither();
      }
      await session.post('Profiler.start');
      lintShape(plugin, shape, size, { reference: true, ...(settle && { settle }) });
      const { profile } = await session.post('Profiler.stop');
      (profiles[size] ??= []).push(selfTimeByFolder(profile));
    }
  }
  session.disconnect();
}

process.stdout.write(`${JSON.stringify({ runs, runCount, profiles, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

/**
 * Self time (ms) of the plugin's code per folder of dist/, and of the garbage collector.
 * @param {import('node:inspector').Profiler.Profile} profile
 */
function selfTimeByFolder(profile) {
  /** @type {Map<number, string | undefined>} */
  const folderOf = new Map();
  for (const node of profile.nodes) {
    const match = /\/dist\/(analysis|fixes|rules|utils)\//u.exec(node.callFrame.url);
    folderOf.set(node.id, match ? match[1] : node.callFrame.functionName === '(garbage collector)' ? 'gc' : undefined);
  }
  /** @type {Record<string, number>} */
  const ms = { analysis: 0, fixes: 0, rules: 0, utils: 0, gc: 0 };
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const folder = folderOf.get(id);
    if (folder) {
      ms[folder] = (ms[folder] ?? 0) + (deltas[index] ?? 0) / 1000;
    }
  });
  return ms;
}
