// The crash fuzzer's loop: generate, lint, check, minimise what fails and write it down.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { checkProgram, parseWith, parses, signatureOf, type CheckCounts, type CommentLoss, type Failure } from './crash-check.js';
import { minimise } from './crash-minimise.js';
import { generateCase, nextSeed, type FuzzCase } from './crash-programs.js';

/** The environment `npm run fuzz` (scripts/fuzz.js) sets for every fuzzer. */
export interface FuzzEnv {
  runs?: number;
  seconds?: number;
  seed?: number;
  /** The folder failures are written to. */
  out?: string;
}

export function readFuzzEnv(env: NodeJS.ProcessEnv = process.env): FuzzEnv {
  const number = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not ${JSON.stringify(value)}`);
    return parsed;
  };
  return {
    runs: number('FUZZ_RUNS'),
    seconds: number('FUZZ_SECONDS'),
    seed: number('FUZZ_SEED'),
    out: env.FUZZ_OUT || undefined,
  };
}

export interface CrashFuzzSettings {
  seed: number;
  /** Stop after this many programs, or after this many seconds, whichever comes first (one is required). */
  runs?: number;
  seconds?: number;
  /** Write each failure (minimised) to this folder. */
  out?: string;
  /** The time the minimiser may spend on one failure. */
  minimiseMs?: number;
  /** Called about every `progressMs` with the figures so far. */
  onProgress?: (stats: CrashFuzzStats) => void;
  progressMs?: number;
}

export interface Reported {
  failure: Failure;
  case: FuzzCase;
  /** The smallest program found that fails the same way. */
  minimised: string;
  /** How many programs failed with this signature. */
  occurrences: number;
  /** The shell command that reruns the case (from the repository root). */
  command: string;
  file?: string;
}

export interface CrashFuzzStats extends CheckCounts {
  seed: number;
  programs: number;
  /** Programs whose generated text did not parse with their parser (eslump's raw ones mostly). */
  unparsed: number;
  /** Linted programs by parser and source type (`espree/module`, `typescript/script`, …) and by shape. */
  byTarget: Record<string, number>;
  byShape: Record<string, number>;
  ms: number;
  failures: Reported[];
}

export function commandFor(seed: number): string {
  return `FUZZ_SEED=${seed} FUZZ_RUNS=1 npx vitest run tests/fuzz/crash.test.ts`;
}

/** Minimises a failing case: a candidate counts when it fails with the same signature. */
export function minimiseFailure(c: FuzzCase, failure: Failure, maxMs: number): string {
  const signature = signatureOf(failure);
  return minimise(c.code, {
    parse: (code) => parseWith(code, c.parser, c.sourceType).ast,
    reproduces: (code) => {
      const again = checkProgram(c, code);
      return again !== undefined && signatureOf(again) === signature;
    },
    maxMs,
  }).code;
}

export function formatFailure(reported: Reported): string {
  const { failure, case: c } = reported;
  return [
    `${failure.kind} in ${failure.ruleId}${failure.messageId ? ` (${failure.messageId})` : ''}: ${failure.message}`,
    `parser: ${c.parser}, sourceType: ${c.sourceType}, shape: ${c.shape}, seen ${reported.occurrences}×`,
    `options: ${JSON.stringify(c.options)}`,
    `reproduce: ${reported.command}`,
    '--- minimised program ---',
    reported.minimised,
    ...(failure.output !== undefined && failure.kind !== 'crash' ? ['--- its output (original program) ---', failure.output] : []),
    ...(failure.stack ? ['--- stack ---', failure.stack] : []),
  ].join('\n');
}

function writeFailure(out: string, reported: Reported): string {
  mkdirSync(out, { recursive: true });
  const { case: c, failure } = reported;
  const base = `crash-${failure.kind}-${failure.ruleId.replace(/[^\w-]+/g, '_')}-${c.seed}`;
  const ext = c.parser === 'espree' ? 'js' : 'ts';
  writeFileSync(path.join(out, `${base}.min.${ext}`), `${reported.minimised}\n`);
  writeFileSync(path.join(out, `${base}.original.${ext}`), `${c.code}\n`);
  writeFileSync(path.join(out, `${base}.txt`), `${formatFailure(reported)}\n`);
  return path.join(out, `${base}.txt`);
}

const writtenLosses = new Set<string>();

/** The first comment loss per rule and messageId is written down (a figure, not a failure). */
function writeCommentLoss(out: string, c: FuzzCase, loss: CommentLoss): void {
  const key = `${loss.ruleId}-${loss.messageId}`.replace(/[^\w-]+/g, '_');
  if (writtenLosses.has(key)) return;
  writtenLosses.add(key);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, `comment-lost-${key}-${c.seed}.txt`),
    `${loss.ruleId} (${loss.messageId}) lost the comment ${JSON.stringify(loss.comment)}\nparser: ${c.parser}, sourceType: ${c.sourceType}\noptions: ${JSON.stringify(c.options)}\nreproduce: ${commandFor(c.seed)}\n--- program ---\n${loss.code}\n--- output ---\n${loss.output}\n`,
  );
}

export function runCrashFuzz(settings: CrashFuzzSettings): CrashFuzzStats {
  if (settings.runs === undefined && settings.seconds === undefined) throw new Error('runs or seconds is required');
  const started = Date.now();
  const deadline = settings.seconds === undefined ? Infinity : started + settings.seconds * 1000;
  const stats: CrashFuzzStats = {
    seed: settings.seed,
    programs: 0,
    unparsed: 0,
    reports: 0,
    fixes: 0,
    suggestions: 0,
    byRule: {},
    commentLosses: [],
    byTarget: {},
    byShape: {},
    ms: 0,
    failures: [],
  };
  const bySignature = new Map<string, Reported>();
  let lastProgress = started;
  let seed = settings.seed >>> 0;
  for (let i = 0; (settings.runs === undefined || i < settings.runs) && Date.now() < deadline; i++, seed = nextSeed(seed)) {
    const c = generateCase(seed, parses);
    stats.programs++;
    if (!parses(c.code, c.parser, c.sourceType)) {
      stats.unparsed++;
      continue;
    }
    const target = `${c.parser}/${c.sourceType}`;
    stats.byTarget[target] = (stats.byTarget[target] ?? 0) + 1;
    stats.byShape[c.shape] = (stats.byShape[c.shape] ?? 0) + 1;
    const lossesBefore = stats.commentLosses?.length ?? 0;
    const failure = checkProgram(c, c.code, stats);
    if (settings.out) {
      for (const loss of stats.commentLosses?.slice(lossesBefore) ?? []) writeCommentLoss(settings.out, c, loss);
    }
    // Only the first few are kept in memory; the counts are in byRule.
    stats.commentLosses?.splice(20);
    if (failure) {
      const signature = signatureOf(failure);
      const known = bySignature.get(signature);
      if (known) {
        known.occurrences++;
      } else {
        const reported: Reported = {
          failure,
          case: c,
          minimised: minimiseFailure(c, failure, settings.minimiseMs ?? 60_000),
          occurrences: 1,
          command: commandFor(seed),
        };
        if (settings.out) reported.file = writeFailure(settings.out, reported);
        bySignature.set(signature, reported);
        stats.failures.push(reported);
      }
    }
    if (settings.onProgress && Date.now() - lastProgress >= (settings.progressMs ?? 2000)) {
      lastProgress = Date.now();
      stats.ms = lastProgress - started;
      settings.onProgress(stats);
    }
  }
  stats.ms = Date.now() - started;
  return stats;
}

/** The coverage figures: how often each rule reported, fixed and suggested, and each shape was linted. */
export function formatCoverage(stats: CrashFuzzStats): string {
  const list = (record: Record<string, number>): string =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `  ${key}: ${count}`)
      .join('\n');
  return `by rule:\n${list(stats.byRule)}\nby shape:\n${list(stats.byShape)}`;
}

export function formatStats(stats: CrashFuzzStats): string {
  const targets = Object.entries(stats.byTarget)
    .sort()
    .map(([target, count]) => `${target} ${count}`)
    .join(', ');
  const linted = stats.programs - stats.unparsed;
  return (
    `crash fuzz (seed ${stats.seed}): ${stats.programs} programs in ${(stats.ms / 1000).toFixed(1)} s, ${linted} linted (${targets}), ` +
    `${stats.reports} reports, ${stats.fixes} fixes and ${stats.suggestions} suggestions checked, ${stats.failures.length} failure(s)`
  );
}
