import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import ts from 'typescript';

import { setDeclineListener, setFixFormListener, type Decline, type FixForm } from '../../src/fixes/declines.js';
import { rules } from '../../src/rules/index.js';
import { transpile, typeCheckModules, writeTempModule } from './run-code.js';

/**
 * What `no-async-constructor`'s transforms do to a class, run: lint a class with the plugin, take
 * every suggestion of each kind (static async factory, awaitable class), and check each fixed
 * program: it parses, no rule of the plugin reports it, in TypeScript it adds no `tsc --strict`
 * diagnostic, and it behaves. The behaviour is measured by running the original and every fixed
 * version in a child Node process (many programs per process, killed if it hangs) with an event log
 * the classes write to (`ev('…')`, `work('name')` from the prelude), and comparing each fixed run
 * with the original's:
 *
 * - the work runs as often as in the original (the same events, as many times), after the
 *   constructor statements that preceded it there (`ctor…` events), and those statements keep
 *   their order;
 * - `await X.create(…)` / `await new X(…)` settles only once every event of the original's
 *   finished run has happened, with the instance the constructor saw (`seen`), initialised (`check`);
 *   awaiting again runs nothing again;
 * - with the work failing (`control.fail`): a failure the original left unhandled rejects the await
 *   with its error; a failure the original routed to a handler still reaches it (`handled…` events);
 *   nothing is an unhandled rejection, also when the caller awaits late (after a 20 ms timer).
 */

export type Transform = 'factory' | 'thenable';

export interface Shape {
  /** A name for messages and file names. */
  name: string;
  /** `js`: parsed by espree as a `.js` file; `ts`: typescript-eslint's parser, a `.ts` file. */
  lang: 'js' | 'ts';
  /**
   * The module after the prelude: the class and whatever it needs. The prelude gives it
   * `ev(event)`, `tick()`, `work(name)` (logs `name:start`, waits, fails when `control.fail`,
   * logs `name:end`), and the exported `log`, `seen`, `control`. Constructor statements log
   * `ctor…` events and push `this` to `seen`; handlers of routed failures log `handled…` events.
   */
  code: string;
  /** The exported class the driver constructs. */
  className: string;
  /** The class's own name, when it differs from the export (`export const T = class Store {…}`). */
  reportedName?: string;
  /** The constructor's arguments as JavaScript source; `m` is the module's namespace. */
  args?: string;
  /** A JavaScript function `(instance, m) => boolean`: is the awaited instance initialised? */
  check?: string;
  /** A JavaScript function `(instance, m) => void` called when a run is done (stops a loop). */
  close?: string;
  /** Event channels (the part before `:`) whose counts depend on timing (a loop's ticks). */
  untimed?: string[];
  /** Options for `no-async-constructor` (`factoryName`, `constructorVisibility`, …). */
  ruleOptions?: Record<string, unknown>;
  /** Hand-written versions of `code` checked as if a transform had offered them (the harness's own tests). */
  handWritten?: { transform: Transform; code: string }[];
}

export interface FixOutcome {
  transform: Transform;
  /** The whole fixed module (the prelude included). */
  output: string;
  /** Every way the fixed program differs from what the transforms promise; empty when right. */
  problems: string[];
  /** From {@link Shape.handWritten}, not offered by the rule. */
  handWritten?: boolean;
}

export interface ShapeOutcome {
  shape: Shape;
  /** The module linted: prelude and code. */
  source: string;
  /** How many times `no-async-constructor` reports the module. */
  reports: number;
  /** The reports' message ids, in order (`asyncWork`, `backgroundWork`, …). */
  messageIds: string[];
  /** The ids of suggestions other than the two transforms (`suggestStart`). */
  otherSuggestions: string[];
  /** One entry per distinct fixed output, factory ones first. */
  fixes: FixOutcome[];
  /** The transforms offered, sorted, each once. */
  offered: Transform[];
  /** Why a transform declined, as recorded by src/fixes/declines.ts. */
  declines: Decline[];
  /** Each offered transform's form (moves the work, or records some where it stands, and why), as recorded there. */
  forms: FixForm[];
  /** Problems with the original itself (it does not parse, its run throws): the shape is wrong. */
  originalProblems: string[];
}

const TS_PRELUDE = `export const log: string[] = [];
export const seen: object[] = [];
export const control = { fail: false, error: new Error('init failed'), pending: 0 };

function ev(event: string): void {
  log.push(event);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}

async function work(name: string): Promise<string> {
  ev(name + ':start');
  control.pending++;
  await tick();
  control.pending--;
  if (control.fail) {
    throw control.error;
  }
  ev(name + ':end');
  return name;
}
`;

const JS_PRELUDE = `export const log = [];
export const seen = [];
export const control = { fail: false, error: new Error('init failed'), pending: 0 };

function ev(event) {
  log.push(event);
}

function tick() {
  return new Promise((resolve) => setTimeout(resolve, 1));
}

async function work(name) {
  ev(name + ':start');
  control.pending++;
  await tick();
  control.pending--;
  if (control.fail) {
    throw control.error;
  }
  ev(name + ':end');
  return name;
}
`;

/** The module a shape is linted and run as. */
export function moduleSource(shape: Shape): string {
  return `${shape.lang === 'ts' ? TS_PRELUDE : JS_PRELUDE}\n${shape.code}`;
}

/** The transform each suggestion of `no-async-constructor` applies: the title differs as the work moves or is recorded. */
const TRANSFORM_OF: Readonly<Record<string, Transform | undefined>> = {
  suggestFactory: 'factory',
  suggestFactoryRecorded: 'factory',
  suggestThenable: 'thenable',
  suggestThenableRecorded: 'thenable',
};

const linter = new Linter({ configType: 'flat' });
const plugin = { rules: rules as unknown as Record<string, never> };

const configs = new Map<string, Linter.Config[]>();

function lintConfig(shape: Shape, allRules: boolean): Linter.Config[] {
  const key = JSON.stringify([shape.lang, allRules, shape.ruleOptions ?? null]);
  let config = configs.get(key);
  if (!config) {
    config = buildLintConfig(shape, allRules);
    configs.set(key, config);
  }
  return config;
}

function buildLintConfig(shape: Shape, allRules: boolean): Linter.Config[] {
  const ruleEntries: Linter.RulesRecord = allRules
    ? Object.fromEntries(Object.keys(rules).map((name) => [`async-init/${name}`, 'error']))
    : {};
  ruleEntries['async-init/no-async-constructor'] = shape.ruleOptions ? ['error', shape.ruleOptions] : 'error';
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { 'async-init': plugin },
      languageOptions: {
        parser: (shape.lang === 'js' ? espree : tsParser) as Linter.Parser,
        parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      },
      rules: ruleEntries,
    },
  ];
}

function filenameOf(shape: Shape): string {
  return shape.lang === 'js' ? 'file.js' : 'file.ts';
}

interface Linted {
  reports: number;
  messageIds: string[];
  otherSuggestions: string[];
  outputs: { transform: Transform; output: string }[];
  declines: Decline[];
  forms: FixForm[];
  fatal: string[];
}

/** Lints the module with `no-async-constructor` and applies each distinct suggestion. */
function lintShape(shape: Shape, source: string): Linted {
  const declines: Decline[] = [];
  const forms: FixForm[] = [];
  setDeclineListener((decline) => declines.push(decline));
  setFixFormListener((form) => forms.push(form));
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(source, lintConfig(shape, false), filenameOf(shape));
  } finally {
    setDeclineListener(undefined);
    setFixFormListener(undefined);
  }
  const fatal = messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${message.line}: ${message.message}`);
  const reported = messages.filter((message) => message.ruleId === 'async-init/no-async-constructor');
  const outputs: Linted['outputs'] = [];
  const otherSuggestions: string[] = [];
  const seenOutputs = new Set<string>();
  // Only the fixes of the class the driver constructs (another class's fix leaves this one as it was).
  const ofClass = new RegExp(`\\b${shape.reportedName ?? shape.className}\\b`);
  for (const message of reported) {
    for (const suggestion of message.suggestions ?? []) {
      const transform = TRANSFORM_OF[suggestion.messageId ?? ''];
      if (!transform) {
        otherSuggestions.push(suggestion.messageId ?? '');
        continue;
      }
      if (!ofClass.test(suggestion.desc)) {
        continue;
      }
      const { range, text } = suggestion.fix;
      const output = source.slice(0, range[0]) + text + source.slice(range[1]);
      if (!seenOutputs.has(`${transform}\0${output}`)) {
        seenOutputs.add(`${transform}\0${output}`);
        outputs.push({ transform, output });
      }
    }
  }
  outputs.sort((a, b) => (a.transform === b.transform ? 0 : a.transform === 'factory' ? -1 : 1));
  return {
    reports: reported.length,
    messageIds: reported.map((message) => message.messageId ?? ''),
    otherSuggestions,
    outputs,
    declines,
    forms,
    fatal,
  };
}

/** What any rule of the plugin says about a fixed output (a parse error included); typed with `typed`. */
function relint(shape: Shape, output: string, typed?: { program: ts.Program; filename: string }): string[] {
  const config = typed
    ? lintConfig(shape, true).map((entry) => ({
        ...entry,
        languageOptions: { ...entry.languageOptions, parserOptions: { programs: [typed.program] } },
      }))
    : lintConfig(shape, true);
  return linter
    .verify(output, config, typed ? typed.filename : filenameOf(shape))
    .map((message) =>
      message.fatal || !message.ruleId
        ? `the output does not parse: ${message.line}:${message.column} ${message.message}`
        : `the output is reported again by ${message.ruleId} at ${message.line}:${message.column}: ${message.message}`,
    );
}

/** One in-memory program of TypeScript modules (file name to source), for the type tier. */
function createProgram(modules: Readonly<Record<string, string>>): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const sources = new Map(Object.entries(modules).map(([name, source]) => [path.resolve(name), source]));
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => sources.has(path.resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => sources.get(path.resolve(name)) ?? readFile.call(host, name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const source = sources.get(path.resolve(name));
    return source === undefined
      ? getSourceFile.call(host, name, languageVersion, ...rest)
      : ts.createSourceFile(name, source, languageVersion, true);
  };
  return ts.createProgram([...sources.keys()], options, host);
}

// ---------------------------------------------------------------------------------------------
// Running: one child process runs many programs concurrently, each module with its own log.

type Mode = 'original' | Transform;

interface Program {
  id: number;
  file: string;
  mode: Mode;
  shape: Shape;
}

interface Settled {
  status: 'fulfilled' | 'rejected' | 'pending' | 'threw';
  /** The rejection's or the throw's message; `control.error` is `init failed`. */
  reason?: string;
  /** The rejection is `control.error`. */
  isControlError?: boolean;
}

interface PhaseRecord extends Settled {
  /** The log right after construction (synchronously). */
  syncLog?: string[];
  /** The log when the await settled. */
  settledLog?: string[];
  /** The log once everything has run (a drain after the await). */
  finalLog: string[];
  /** Awaiting again settled with the same instance. */
  sameTwice?: boolean;
  /** Awaiting the instance itself settled with it (or it is no thenable). */
  selfAwait?: boolean;
  identity?: boolean;
  check?: boolean | string;
  /** Unhandled rejections, as messages, not counting the caller's own (late-awaited) promise. */
  unhandled: string[];
}

interface RunRecord {
  id: number;
  success: PhaseRecord;
  failure: PhaseRecord;
  lateSuccess: PhaseRecord;
  lateFailure: PhaseRecord;
}

const SETTLE_MS = 3000;
const DRAIN_MS = 15;
const LATE_MS = 20;

function driverSource(programs: readonly Program[], sequential: boolean): string {
  const entries = programs.map(({ id, file, mode, shape }) => {
    const factoryName = typeof shape.ruleOptions?.factoryName === 'string' ? shape.ruleOptions.factoryName : 'create';
    const construct =
      mode === 'factory'
        ? `m[${JSON.stringify(shape.className)}][${JSON.stringify(factoryName)}](...args)`
        : `new m[${JSON.stringify(shape.className)}](...args)`;
    return `{
  id: ${id},
  url: ${JSON.stringify(pathToFileURL(file).href)},
  make: (m) => { const args = [${shape.args ?? ''}]; return ${construct}; },
  check: ${shape.check ?? '() => true'},
  close: ${shape.close ?? '() => {}'},
}`;
  });
  return `
const programs = [${entries.join(',\n')}];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const current = { unhandled: [] };
const errors = new Map();
process.on('unhandledRejection', (reason, promise) => {
  const owner = errors.get(reason);
  const entry = { reason: reason instanceof Error ? reason.message : String(reason), promise };
  if (owner) owner.unhandled.push(entry);
  else if (${sequential}) current.unhandled.push(entry);
  else process.stdout.write(JSON.stringify({ unattributed: entry.reason }) + '\\n');
});
function message(error) {
  return error instanceof Error ? error.constructor.name + ': ' + error.message : String(error);
}
async function race(value, m) {
  let timer;
  const pending = new Promise((resolve) => { timer = setTimeout(() => resolve({ status: 'pending' }), ${SETTLE_MS}); });
  const settled = Promise.resolve(value).then(
    (value) => ({ status: 'fulfilled', value }),
    (error) => ({ status: 'rejected', reason: message(error), isControlError: error === m.control.error }),
  );
  const result = await Promise.race([settled, pending]);
  clearTimeout(timer);
  return result;
}
// Waits until no work() is pending and the log has stopped growing (a loaded machine delays timers).
async function drain(m) {
  let last = -1;
  for (let i = 0; i < 200; i++) {
    await sleep(${DRAIN_MS});
    if (m.control.pending === 0 && m.log.length === last) return;
    last = m.log.length;
  }
}
async function phase(p, m, state, { fail, late }) {
  m.log.length = 0;
  m.seen.length = 0;
  m.control.fail = fail;
  state.unhandled = [];
  const record = {};
  let made;
  try {
    made = p.make(m);
  } catch (error) {
    await drain(m);
    return { status: 'threw', reason: message(error), finalLog: [...m.log], unhandled: state.unhandled.map((u) => u.reason) };
  }
  record.syncLog = [...m.log];
  if (late) await sleep(${LATE_MS});
  const first = await race(made, m);
  record.status = first.status;
  record.reason = first.reason;
  record.isControlError = first.isControlError;
  record.settledLog = [...m.log];
  if (first.status === 'fulfilled') {
    const instance = first.value;
    const second = await race(made, m);
    record.sameTwice = second.status === 'fulfilled' && second.value === instance;
    const again = await race(instance, m);
    record.selfAwait = again.status === 'fulfilled' && again.value === instance;
    record.identity = m.seen.length === 1 && m.seen[0] === instance;
    try {
      record.check = p.check(instance, m) === true;
    } catch (error) {
      record.check = message(error);
    }
    try { p.close(instance, m); } catch {}
  } else if (m.seen.length === 1) {
    try { p.close(m.seen[0], m); } catch {}
  }
  await drain(m);
  m.control.fail = false;
  record.finalLog = [...m.log];
  record.unhandled = state.unhandled.filter((u) => u.promise !== made).map((u) => u.reason);
  return record;
}
async function run(p) {
  const m = await import(p.url);
  const state = sequentialState ?? { unhandled: [] };
  errors.set(m.control.error, state);
  const record = { id: p.id };
  record.success = await phase(p, m, state, { fail: false, late: false });
  record.failure = await phase(p, m, state, { fail: true, late: false });
  record.lateSuccess = await phase(p, m, state, { fail: false, late: true });
  record.lateFailure = await phase(p, m, state, { fail: true, late: true });
  process.stdout.write(JSON.stringify(record) + '\\n');
}
const sequentialState = ${sequential} ? current : undefined;
if (${sequential}) {
  for (const p of programs) await run(p);
} else {
  await Promise.all(programs.map((p) => run(p).catch((error) => process.stdout.write(JSON.stringify({ id: p.id, crashed: message(error) }) + '\\n'))));
}
process.exit(0);
`;
}

interface BatchResult {
  records: Map<number, RunRecord | { crashed: string }>;
  unattributed: string[];
  killed: boolean;
}

function runBatch(programs: readonly Program[], sequential: boolean, timeoutMs: number): BatchResult {
  const file = writeTempModule(driverSource(programs, sequential), 'driver');
  const child = spawnSync(process.execPath, [file], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  const records: BatchResult['records'] = new Map();
  const unattributed: string[] = [];
  for (const line of (child.stdout ?? '').split('\n')) {
    if (!line.startsWith('{')) {
      continue;
    }
    const parsed = JSON.parse(line) as (RunRecord & { crashed?: string }) | { unattributed: string };
    if ('unattributed' in parsed) {
      unattributed.push(parsed.unattributed);
    } else {
      records.set(parsed.id, parsed.crashed === undefined ? parsed : { crashed: parsed.crashed });
    }
  }
  return { records, unattributed, killed: child.signal === 'SIGKILL' || child.error !== undefined };
}

/**
 * Runs every program; a batch whose child hangs or leaves unattributed unhandled rejections
 * (a rejection of some other error than the module's own) is run again one program per child.
 */
function runPrograms(programs: readonly Program[]): Map<number, RunRecord | { crashed: string }> {
  const results = new Map<number, RunRecord | { crashed: string }>();
  const batchSize = 40;
  for (let start = 0; start < programs.length; start += batchSize) {
    const batch = programs.slice(start, start + batchSize);
    const { records, unattributed, killed } = runBatch(batch, false, 30_000);
    if (!killed && unattributed.length === 0 && records.size === batch.length) {
      for (const [id, record] of records) {
        results.set(id, record);
      }
      continue;
    }
    for (const program of batch) {
      const single = runBatch([program], true, 10_000);
      results.set(
        program.id,
        single.records.get(program.id) ??
          (single.killed
            ? { crashed: 'the run hung: killed by the parent (its own timers never fired)' }
            : { crashed: 'the run printed nothing' }),
      );
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Judging a fixed run against the original's.

function channelOf(event: string): string {
  const colon = event.indexOf(':');
  return colon === -1 ? event : event.slice(0, colon);
}

function isCtorEvent(event: string): boolean {
  return event.startsWith('ctor');
}

function isHandledEvent(event: string): boolean {
  return event.startsWith('handled');
}

function counts(events: readonly string[], untimed: ReadonlySet<string>): Map<string, number> {
  const result = new Map<string, number>();
  for (const event of events) {
    if (!untimed.has(channelOf(event))) {
      result.set(event, (result.get(event) ?? 0) + 1);
    }
  }
  return result;
}

function countDifferences(actual: readonly string[], expected: readonly string[], untimed: ReadonlySet<string>): string[] {
  const a = counts(actual, untimed);
  const e = counts(expected, untimed);
  const out: string[] = [];
  for (const event of new Set([...a.keys(), ...e.keys()])) {
    if ((a.get(event) ?? 0) !== (e.get(event) ?? 0)) {
      out.push(`${event} ×${a.get(event) ?? 0} (the original: ×${e.get(event) ?? 0})`);
    }
  }
  return out;
}

/** `event#n`: the n-th occurrence of each event, so repeated events can be ordered. */
function numbered(events: readonly string[]): string[] {
  const seenCount = new Map<string, number>();
  return events.map((event) => {
    const n = (seenCount.get(event) ?? 0) + 1;
    seenCount.set(event, n);
    return `${event}#${n}`;
  });
}

/** Pairs (constructor event, later event) of the original that the fixed run reverses. */
function orderProblems(fixed: readonly string[], original: readonly string[], untimed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ctorFixed = fixed.filter(isCtorEvent);
  const ctorOriginal = original.filter(isCtorEvent);
  if (ctorFixed.join('\n') !== ctorOriginal.join('\n')) {
    problems.push(`the constructor's side effects ran as [${ctorFixed.join(', ')}], the original's as [${ctorOriginal.join(', ')}]`);
  }
  const position = new Map(numbered(fixed).map((event, index) => [event, index]));
  const originalNumbered = numbered(original);
  for (let i = 0; i < originalNumbered.length; i++) {
    const before = originalNumbered[i]!;
    if (!isCtorEvent(before)) {
      continue;
    }
    for (let j = i + 1; j < originalNumbered.length; j++) {
      const after = originalNumbered[j]!;
      if (isCtorEvent(after) || untimed.has(channelOf(after))) {
        continue;
      }
      const pb = position.get(before);
      const pa = position.get(after);
      if (pb !== undefined && pa !== undefined && pa < pb) {
        problems.push(`${after.replace(/#1$/, '')} ran before the constructor's ${before.replace(/#1$/, '')} (the original runs it after)`);
      }
    }
  }
  return problems.slice(0, 5);
}

function describeSettled(record: PhaseRecord): string {
  return record.status === 'pending'
    ? `stayed pending for ${SETTLE_MS} ms (a hang)`
    : record.status === 'threw'
      ? `threw synchronously: ${record.reason ?? ''}`
      : record.status === 'rejected'
        ? `rejected with ${record.isControlError ? "the work's error" : (record.reason ?? '')}`
        : 'fulfilled';
}

function judge(transform: Transform, fixed: RunRecord, original: RunRecord, shape: Shape): string[] {
  const untimed = new Set(shape.untimed ?? []);
  const problems: string[] = [];
  const await_ = transform === 'factory' ? `await ${shape.className}.create(…)` : `await new ${shape.className}(…)`;
  const reference = original.success.finalLog;
  const originalUnhandled = original.failure.unhandled.length > 0;
  const originalHandled = original.failure.finalLog.filter(isHandledEvent);

  const successLike = (record: PhaseRecord, label: string): void => {
    if (record.status !== 'fulfilled') {
      problems.push(`${label}: ${await_} ${describeSettled(record)}`);
      return;
    }
    if (!record.identity) {
      problems.push(`${label}: ${await_} did not give the instance the constructor saw (or the constructor ran ${'≠'} once)`);
    }
    if (record.check !== true) {
      problems.push(`${label}: the instance is not initialised when ${await_} settles (check: ${String(record.check)})`);
    }
    if (!record.sameTwice || !record.selfAwait) {
      problems.push(`${label}: awaiting again did not give the same instance`);
    }
    const missing = countDifferences(record.settledLog ?? [], reference, untimed).filter((line) => !/^\S+ ×\d+ \(the original: ×0\)$/.test(line));
    const early = missing.filter((line) => {
      const match = /×(\d+) \(the original: ×(\d+)\)$/.exec(line);
      return match && Number(match[1]) < Number(match[2]);
    });
    if (early.length > 0) {
      problems.push(`${label}: ${await_} settled before the initialisation finished: ${early.join('; ')}`);
    }
    const differences = countDifferences(record.finalLog, reference, untimed);
    if (differences.length > 0) {
      problems.push(`${label}: the run's events differ from the original's: ${differences.join('; ')}`);
    }
    problems.push(...orderProblems(record.finalLog, reference, untimed).map((line) => `${label}: ${line}`));
    if (record.unhandled.length > 0) {
      problems.push(`${label}: unhandled rejection(s): ${record.unhandled.join('; ')}`);
    }
  };
  successLike(fixed.success, 'run');
  successLike(fixed.lateSuccess, 'late await');

  const failureLike = (record: PhaseRecord, label: string): void => {
    if (record.status === 'threw' && !record.isControlError) {
      problems.push(`${label}: construction threw: ${record.reason ?? ''}`);
      return;
    }
    if (record.status === 'pending') {
      problems.push(`${label}: ${await_} ${describeSettled(record)}`);
    }
    if (originalUnhandled) {
      if (!(record.status === 'rejected' && record.isControlError)) {
        problems.push(`${label}: the original leaves the failure unhandled, but ${await_} ${describeSettled(record)} instead of rejecting with it`);
      }
    } else {
      const handled = record.finalLog.filter(isHandledEvent);
      if (handled.join('\n') !== originalHandled.join('\n')) {
        problems.push(`${label}: the failure reached the handlers as [${handled.join(', ')}], in the original as [${originalHandled.join(', ')}]`);
      }
      if (record.status === 'rejected' && !record.isControlError) {
        problems.push(`${label}: ${await_} ${describeSettled(record)}`);
      }
    }
    if (record.unhandled.length > 0) {
      problems.push(`${label}: unhandled rejection(s): ${record.unhandled.join('; ')}`);
    }
  };
  failureLike(fixed.failure, 'failing work');
  failureLike(fixed.lateFailure, 'failing work, late await');
  return problems;
}

function originalProblemsOf(record: RunRecord): string[] {
  const problems: string[] = [];
  if (record.success.status !== 'fulfilled') {
    problems.push(`the original's construction ${describeSettled(record.success)}`);
  }
  if (record.success.identity !== true) {
    problems.push('the original does not push `this` to `seen` exactly once');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

export interface CheckOptions {
  /** Type-check TypeScript outputs with `tsc --strict` (one program for the whole call). Default true. */
  typeCheck?: boolean;
  /** With `typeCheck`: type-check a caller of each awaitable output (`const x: X = await new X(…)`). Default true. */
  typeCheckCallers?: boolean;
  /** With `typeCheck`: lint TypeScript outputs again with type information (the same program). Default true. */
  typedLint?: boolean;
}

/** Lints, fixes, type-checks and runs every shape (all in a few child processes); see the file's doc. */
export function checkFixOutcomes(shapes: readonly Shape[], options: CheckOptions = {}): ShapeOutcome[] {
  const outcomes: ShapeOutcome[] = [];
  const ownerOf = new Map<FixOutcome, ShapeOutcome>();
  const outcomeOf = (fix: FixOutcome): ShapeOutcome => ownerOf.get(fix)!;
  const programs: Program[] = [];
  const originals = new Map<ShapeOutcome, Program>();
  const fixedPrograms = new Map<FixOutcome, Program>();
  for (const shape of shapes) {
    const source = moduleSource(shape);
    const linted = lintShape(shape, source);
    const outcome: ShapeOutcome = {
      shape,
      source,
      reports: linted.reports,
      messageIds: linted.messageIds,
      otherSuggestions: linted.otherSuggestions,
      fixes: [],
      offered: [...new Set(linted.outputs.map((output) => output.transform))].sort(),
      declines: linted.declines,
      forms: linted.forms,
      originalProblems: linted.fatal.map((line) => `the original does not parse: ${line}`),
    };
    outcomes.push(outcome);
    if (linted.fatal.length > 0) {
      continue;
    }
    const original: Program = { id: programs.length, file: writeModule(source, shape), mode: 'original', shape };
    programs.push(original);
    originals.set(outcome, original);
    const handWritten: { transform: Transform; output: string; handWritten?: boolean }[] = (shape.handWritten ?? []).map(({ transform, code }) => ({
      transform,
      output: moduleSource({ ...shape, code }),
      handWritten: true,
    }));
    for (const { transform, output, handWritten: byHand } of [...linted.outputs, ...handWritten] as typeof handWritten) {
      const fix: FixOutcome = { transform, output, problems: relint(shape, output), ...(byHand && { handWritten: true }) };
      outcome.fixes.push(fix);
      ownerOf.set(fix, outcome);
      if (!fix.problems.some((problem) => problem.startsWith('the output does not parse'))) {
        const program: Program = { id: programs.length, file: writeModule(output, shape), mode: transform, shape };
        programs.push(program);
        fixedPrograms.set(fix, program);
      }
    }
  }

  if (options.typeCheck !== false) {
    const modules: Record<string, string> = {};
    const names = new Map<FixOutcome, [string, string]>();
    const callers = new Map<FixOutcome, [string, string]>();
    outcomes.forEach((outcome, index) => {
      if (outcome.shape.lang !== 'ts' || outcome.fixes.length === 0) {
        return;
      }
      const originalName = `shape${index}-original.ts`;
      modules[originalName] = outcome.source;
      // The same caller after the original and after an awaitable output: what `await new X(…)` gives must
      // still be an X (a function typed `(x: X) => …` takes it).
      const withCaller = (source: string): string => `${source}\n${thenableCaller(outcome.shape)}`;
      modules[`shape${index}-original-caller.ts`] = withCaller(outcome.source);
      outcome.fixes.forEach((fix, fixIndex) => {
        const fixedName = `shape${index}-${fix.transform}${fixIndex}.ts`;
        modules[fixedName] = fix.output;
        names.set(fix, [originalName, fixedName]);
        if (fix.transform === 'thenable') {
          const callerName = `shape${index}-${fix.transform}${fixIndex}-caller.ts`;
          modules[callerName] = withCaller(fix.output);
          callers.set(fix, [`shape${index}-original-caller.ts`, callerName]);
        }
      });
    });
    if (Object.keys(modules).length > 0) {
      const diagnostics = typeCheckModules(modules);
      const compare = (pairs: Map<FixOutcome, [string, string]>, label: string): void => {
        for (const [fix, [originalName, fixedName]] of pairs) {
          const before = [...(diagnostics[originalName] ?? [])];
          for (const diagnostic of diagnostics[fixedName] ?? []) {
            const index = before.indexOf(diagnostic);
            if (index === -1) {
              fix.problems.push(`${label}: ${diagnostic}`);
            } else {
              before.splice(index, 1);
            }
          }
        }
      };
      compare(names, 'tsc --strict');
      if (options.typeCheckCallers !== false) {
        compare(callers, 'tsc --strict, a caller of the class');
      }
      if (options.typedLint !== false) {
        // The type tier: every rule again, with the fixed modules' program.
        const program = createProgram(modules);
        for (const [fix, [, fixedName]] of names) {
          fix.problems.push(
            ...relint(outcomeOf(fix).shape, fix.output, { program, filename: path.resolve(fixedName) }).map((problem) =>
              problem.replace('is reported again', 'is reported again (typed)'),
            ),
          );
        }
      }
    }
  }

  const records = runPrograms(programs);
  for (const outcome of outcomes) {
    const originalProgram = originals.get(outcome);
    if (!originalProgram) {
      continue;
    }
    const originalRecord = records.get(originalProgram.id);
    if (!originalRecord || 'crashed' in originalRecord) {
      outcome.originalProblems.push(`the original's run crashed: ${originalRecord ? originalRecord.crashed : 'no record'}`);
      continue;
    }
    outcome.originalProblems.push(...originalProblemsOf(originalRecord));
    for (const fix of outcome.fixes) {
      const program = fixedPrograms.get(fix);
      if (!program) {
        continue;
      }
      const record = records.get(program.id);
      if (!record || 'crashed' in record) {
        fix.problems.push(`the run crashed: ${record ? record.crashed : 'no record'}`);
        continue;
      }
      fix.problems.push(...judge(fix.transform, record, originalRecord, outcome.shape));
    }
  }
  return outcomes;
}

/** A caller that awaits `new X(…)` and uses the result where an `X` is expected. */
function thenableCaller(shape: Shape): string {
  const args = (shape.args ?? '').replace(/\bm\./g, '');
  return `export async function callerOf${shape.className}(): Promise<void> {
  const direct = new ${shape.className}(${args});
  const awaited = await new ${shape.className}(${args});
  const same: typeof direct = awaited;
  console.assert(same === awaited);
}
`;
}

function writeModule(source: string, shape: Shape): string {
  // JavaScript runs as written; TypeScript loses its types (transpileModule, no type-check).
  return writeTempModule(shape.lang === 'ts' ? transpile(source) : source, shape.name.replace(/[^\w-]+/g, '-').slice(0, 40) || 'shape');
}

/**
 * Known bugs of the transforms, still open, each with the problems it causes. The
 * tests set these problems apart (and prove they still occur, so a fix turns them red), so that every
 * other problem still fails them. Remove an entry once its bug is fixed.
 */
export const OPEN_BUGS: Readonly<Record<string, (problem: string) => boolean>> = {
  // The settled `then` resolves with `Omit<this, 'then'>`: a caller cannot use it as the class.
  B7: (problem) => problem.startsWith('tsc --strict, a caller of the class: '),
};

/** The problems no open bug explains. */
export function unexplained(problems: readonly string[]): string[] {
  return problems.filter((problem) => !Object.values(OPEN_BUGS).some((explains) => explains(problem)));
}

/** A shape's outcome in a few lines, for test failure messages and fuzz reports. */
export function summarise(outcome: ShapeOutcome): string {
  const lines = [`${outcome.shape.name}: ${outcome.reports} report(s), offered [${outcome.offered.join(', ')}]`];
  for (const decline of outcome.declines) {
    lines.push(`  ${decline.transform} declined: ${decline.reason}`);
  }
  for (const form of outcome.forms) {
    lines.push(`  ${form.transform} ${form.form}${form.reason ? `: ${form.reason}` : ''}`);
  }
  for (const problem of outcome.originalProblems) {
    lines.push(`  original: ${problem}`);
  }
  for (const fix of outcome.fixes) {
    for (const problem of fix.problems) {
      lines.push(`  ${fix.transform}: ${problem}`);
    }
  }
  return lines.join('\n');
}
