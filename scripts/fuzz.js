// Long fuzz runs: the crash fuzzer and the behaviour fuzzer through vitest, for a count or a time budget.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const FUZZERS = {
  crash: 'tests/fuzz/crash.test.ts',
  behaviour: 'tests/fuzz/behaviour.test.ts',
};

const usage = `Usage: npm run fuzz -- [--runs N | --seconds S] [--seed X] [--out DIR] [--only crash|behaviour]

  --runs N      programs (crash) / classes per seed (behaviour) to generate
  --seconds S   a time budget instead: each fuzzer runs until it is spent
  --seed X      start from this seed (a failure names the seed and command that reproduce it)
  --out DIR     where failures are written (default fuzz-failures/)
  --only NAME   run one fuzzer: ${Object.keys(FUZZERS).join(' or ')}

Both fuzzers run at once (one vitest worker each). They read FUZZ_RUNS, FUZZ_SECONDS, FUZZ_SEED and
FUZZ_OUT, which this script sets from the options.`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: 'fuzz-failures' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
for (const name of ['runs', 'seconds', 'seed']) {
  if (values[name] !== undefined && !/^\d+$/.test(values[name])) {
    console.error(`--${name} takes a non-negative integer, not ${JSON.stringify(values[name])}\n\n${usage}`);
    process.exit(2);
  }
}
if (values.only !== undefined && !(values.only in FUZZERS)) {
  console.error(`--only takes ${Object.keys(FUZZERS).join(' or ')}, not ${JSON.stringify(values.only)}`);
  process.exit(2);
}
const runs = values.runs ?? (values.seconds === undefined ? '1000' : undefined);
const out = path.resolve(root, values.out);
const files = Object.entries(FUZZERS)
  .filter(([name]) => values.only === undefined || values.only === name)
  .filter(([name, file]) => {
    if (existsSync(path.join(root, file))) return true;
    console.warn(`fuzz: ${name} fuzzer not found (${file}), skipped`);
    return false;
  })
  .map(([, file]) => file);
if (files.length === 0) {
  console.error('fuzz: no fuzzer to run');
  process.exit(2);
}

const env = { ...process.env, FUZZ_OUT: out };
delete env.FUZZ_RUNS;
delete env.FUZZ_SECONDS;
delete env.FUZZ_SEED;
if (runs !== undefined) env.FUZZ_RUNS = runs;
if (values.seconds !== undefined) env.FUZZ_SECONDS = values.seconds;
// Without a seed each fuzzer draws its own and prints it; with one, both start from it.
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;

const budget = [runs !== undefined && `FUZZ_RUNS=${runs}`, values.seconds !== undefined && `FUZZ_SECONDS=${values.seconds}`, values.seed !== undefined && `FUZZ_SEED=${values.seed}`]
  .filter(Boolean)
  .join(' ');
console.log(`fuzz: ${budget} FUZZ_OUT=${path.relative(root, out) || '.'} vitest run ${files.join(' ')}`);

const started = Date.now();
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const written = existsSync(out) ? readdirSync(out).filter((file) => file.endsWith('.txt') || file.endsWith('.md')) : [];
if (result.status === 0) {
  console.log(`fuzz: no failures in ${seconds} s`);
} else {
  console.log(`fuzz: FAILED after ${seconds} s${written.length ? `; see ${path.relative(root, out)}/ (${written.length} report(s))` : ''}`);
}
process.exit(result.status ?? 1);
