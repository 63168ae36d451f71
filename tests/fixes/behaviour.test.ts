import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-async-constructor.js';
import { checkHygiene, describeHygiene } from '../helpers/hygiene.js';
import { runInChild, typeCheckModules } from '../helpers/run-code.js';

/**
 * The quick fixes, run. For each class: lint it, apply each suggestion the rule offers, transpile
 * the output with `transpileModule` and run it in a child Node process (killed if it hangs), then
 * check what the docs promise: the work runs exactly once, `await X.create(…)` / `await new X(…)`
 * gives the instance the constructor saw (identity), initialised; awaiting twice runs nothing
 * twice; a failed initialisation rejects the caller's await with its error and leaves no unhandled
 * rejection. The original class runs through the same probe, to show the probe sees the bug.
 */

type Mode = 'original' | 'factory' | 'thenable';

interface Scenario {
  /** The exported class the probe constructs. */
  className: string;
  code: string;
  /** Plain JavaScript, parsed by espree. */
  javascript?: boolean;
  /** The constructor's arguments, as JavaScript source. */
  args: string;
  /** A JavaScript function of the instance: is it initialised? */
  initialised: string;
  /** What `log` holds after one successful construction (the work ran once). */
  log: string[];
  /** The transforms the rule offers for it. */
  offers: Exclude<Mode, 'original'>[];
  /** `.catch(handler)` in the constructor: a failure is handled, so the await fulfils. */
  failureHandled?: boolean;
  /** A same-file async function that constructs the class (rewritten by the factory fix). */
  callSite?: string;
  /**
   * What `log` holds after a failing construction, when it is not all of `log`: the fixes start every
   * piece of work before awaiting any (as the constructor did), so only work that starts after
   * another settles (a `.then` callback) is missing. Default: `log`.
   */
  failureLog?: string[];
}

// Each module records the work it does in `log`, the instances its constructors saw in `seen`,
// and fails its work when `control.fail` is set.
const prelude = `export const log: string[] = [];
export const seen: object[] = [];
export const control: { fail?: Error } = {};

async function tick(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1));
}
`;

const jsPrelude = `export const log = [];
export const seen = [];
export const control = {};

async function tick() {
  await new Promise((resolve) => setTimeout(resolve, 1));
}
`;

const scenarios: Record<string, Scenario> = {
  'a floating call, and a same-file call site': {
    className: 'Db',
    args: "'db://a'",
    initialised: '(db) => db.connected === true',
    log: ['connect db://a'],
    offers: ['factory', 'thenable'],
    callSite: "open('db://a')",
    code: `${prelude}
export class Db {
  connected = false;

  constructor(readonly url: string) {
    seen.push(this);
    this.connect();
  }

  async connect(): Promise<void> {
    log.push('connect ' + this.url);
    await tick();
    if (control.fail) throw control.fail;
    this.connected = true;
  }
}

export async function open(url: string): Promise<Db> {
  const db = new Db(url);
  return db;
}
`,
  },
  '`void` work': {
    className: 'Loader',
    args: '',
    initialised: '(loader) => loader.loaded === true',
    log: ['load'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Loader {
  loaded = false;

  constructor() {
    seen.push(this);
    void this.load(); // fire and forget
  }

  async load(): Promise<void> {
    log.push('load');
    await tick();
    if (control.fail) throw control.fail;
    this.loaded = true;
  }
}
`,
  },
  'a stored ready promise': {
    className: 'Pool',
    args: '3',
    initialised: '(pool) => pool.open === 3 && pool.ready instanceof Promise',
    log: ['open 3'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Pool {
  open = 0;
  ready: Promise<void>;

  constructor(private readonly size: number) {
    seen.push(this);
    this.ready = this.fill();
  }

  async fill(): Promise<void> {
    log.push('open ' + this.size);
    await tick();
    if (control.fail) throw control.fail;
    this.open = this.size;
  }
}
`,
  },
  'a `.catch()` chain: its handler still handles the failure': {
    className: 'Metrics',
    args: "'https://metrics.test'",
    initialised: '(metrics) => metrics.flushed === true || metrics.errors.length === 1',
    log: ['flush https://metrics.test'],
    offers: ['factory', 'thenable'],
    failureHandled: true,
    code: `${prelude}
export class Metrics {
  flushed = false;
  errors: unknown[] = [];

  constructor(private readonly endpoint: string) {
    seen.push(this);
    this.flush().catch((error: unknown) => {
      this.errors.push(error);
    });
  }

  async flush(): Promise<void> {
    log.push('flush ' + this.endpoint);
    await tick();
    if (control.fail) throw control.fail;
    this.flushed = true;
  }
}
`,
  },
  'an async IIFE': {
    className: 'Cache',
    args: "new URL('https://cache.test/entries')",
    initialised: "(cache) => cache.entries.get('key') === 'https://cache.test/entries'",
    log: ['fetch https://cache.test/entries'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Cache {
  entries = new Map<string, string>();

  constructor(private readonly source: URL) {
    seen.push(this);
    (async () => {
      log.push('fetch ' + this.source.href);
      await tick();
      if (control.fail) throw control.fail;
      this.entries.set('key', this.source.href);
    })();
  }
}
`,
  },
  'several statements, a synchronous one between them': {
    className: 'Session',
    args: "'s1'",
    initialised: "(session) => session.refreshed && session.user === 'anonymous' && session.history.join() === 'loaded'",
    log: ['refresh s1', 'history s1'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Session {
  user = '';
  refreshed = false;
  history: string[] = [];

  constructor(readonly id: string) {
    seen.push(this);
    this.refresh();
    this.user = 'anonymous';
    this.loadHistory().then(() => {
      this.history.push('loaded');
    });
  }

  async refresh(): Promise<void> {
    log.push('refresh ' + this.id);
    await tick();
    if (control.fail) throw control.fail;
    this.refreshed = true;
  }

  async loadHistory(): Promise<void> {
    log.push('history ' + this.id);
    await tick();
  }
}
`,
  },
  'parameters read by the moved code (the awaitable class records the work)': {
    className: 'Client',
    args: "'wss://a', 5",
    initialised: "(client) => client.connection === 'wss://a x5'",
    log: ['connect wss://a 5'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
async function connect(client: Client, url: string, options: { retries: number }): Promise<void> {
  log.push('connect ' + url + ' ' + options.retries);
  await tick();
  if (control.fail) throw control.fail;
  client.connection = url + ' x' + options.retries;
}

export class Client {
  connection = '';

  constructor(url: string, retries = 3) {
    seen.push(this);
    connect(this, url, { retries });
  }
}
`,
  },
  'parameter properties': {
    className: 'Socket',
    args: "'wss://b'",
    initialised: "(socket) => socket.token === 'wss://b/1000'",
    log: ['handshake wss://b 1000'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
async function handshake(url: string, options: { timeout: number }): Promise<string> {
  log.push('handshake ' + url + ' ' + options.timeout);
  await tick();
  if (control.fail) throw control.fail;
  return url + '/' + options.timeout;
}

export class Socket {
  token = '';

  constructor(
    private readonly url: string,
    public timeout = 1000,
  ) {
    seen.push(this);
    handshake(url, { timeout }).then((token) => {
      this.token = token;
    });
  }
}
`,
  },
  'a generic class': {
    className: 'Store',
    args: "'answer', 42",
    initialised: "(store) => store.value === 42 && store.name === 'answer'",
    log: ['load answer'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Store<T> {
  value: T | undefined;

  constructor(
    readonly name: string,
    private readonly initial: T,
  ) {
    seen.push(this);
    this.load();
  }

  async load(): Promise<void> {
    log.push('load ' + this.name);
    await tick();
    if (control.fail) throw control.fail;
    this.value = this.initial;
  }
}
`,
  },
  'a subclass, after `super()`': {
    className: 'Child',
    args: "'kid'",
    initialised: "(child) => child.name === 'kid' && child.ready === true && child instanceof Base",
    log: ['init kid'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Base {
  constructor(readonly name: string) {}
}

export class Child extends Base {
  ready = false;

  constructor(name: string) {
    super(name);
    seen.push(this);
    this.init();
  }

  async init(): Promise<void> {
    log.push('init ' + this.name);
    await tick();
    if (control.fail) throw control.fail;
    this.ready = true;
  }
}
`,
  },
  'comments inside the moved code': {
    className: 'Feed',
    args: '',
    initialised: '(feed) => feed.pages.join() === "1,2"',
    log: ['page 1', 'page 2'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Feed {
  pages: number[] = [];

  constructor() {
    seen.push(this);
    // The first page now,
    this.load(/* page */ 1); // first
    /* then the second */
    this.load(
      // page
      2,
    );
  }

  async load(page: number): Promise<void> {
    log.push('page ' + page);
    await tick();
    if (control.fail) throw control.fail;
    this.pages.push(page);
  }
}
`,
  },
  'a .js file': {
    className: 'Db',
    javascript: true,
    args: "'db://js'",
    initialised: '(db) => db.connected === true',
    log: ['connect db://js'],
    offers: ['factory', 'thenable'],
    callSite: "open('db://js')",
    code: `${jsPrelude}
export class Db {
  #connection;

  constructor(url) {
    seen.push(this);
    this.url = url;
    this.connect();
  }

  get connected() {
    return this.#connection !== undefined;
  }

  async connect() {
    log.push('connect ' + this.url);
    await tick();
    if (control.fail) throw control.fail;
    this.#connection = { url: this.url };
  }
}

export async function open(url) {
  return new Db(url);
}
`,
  },

  'a guarded start that reads a destructured option, and a later statement that needs what it set up': {
    className: 'Queue',
    args: "{ name: 'jobs' }",
    initialised: "(queue) => queue.started && queue.socket.handlers.join() === 'message'",
    log: ['start queue:jobs'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
interface Socket {
  handlers: string[];
  on(event: string): void;
}

export class Queue {
  socket: Socket | undefined;
  started = false;

  constructor({ name, autostart = true }: { name: string; autostart?: boolean }) {
    seen.push(this);
    const prefix = 'queue:' + name;
    if (autostart) {
      this.start(prefix);
    }
    // Reads what start()'s synchronous part set up.
    this.socket?.on('message');
  }

  async start(prefix: string): Promise<void> {
    this.socket = {
      handlers: [],
      on(event: string) {
        this.handlers.push(event);
      },
    };
    log.push('start ' + prefix);
    await tick();
    if (control.fail) throw control.fail;
    this.started = true;
  }
}
`,
  },
  'work in a loop over a parameter, each with a `.catch` handler': {
    className: 'Prefetcher',
    args: "['a', 'b']",
    initialised: '(prefetcher) => prefetcher.pages.size === 2 || prefetcher.errors.length === 2',
    log: ['fetch a', 'fetch b'],
    failureLog: ['fetch a', 'fetch b'],
    offers: ['factory', 'thenable'],
    failureHandled: true,
    code: `${prelude}
export class Prefetcher {
  pages = new Map<string, string>();
  errors: unknown[] = [];

  constructor(urls: string[]) {
    seen.push(this);
    for (const url of urls) {
      this.fetch(url).catch((error: unknown) => {
        this.errors.push(error);
      });
    }
  }

  async fetch(url: string): Promise<void> {
    log.push('fetch ' + url);
    await tick();
    if (control.fail) throw control.fail;
    this.pages.set(url, 'ok');
  }
}
`,
  },
  'a ready promise in a field initialiser, and one assigned in both branches of an `if`': {
    className: 'Store',
    args: 'false',
    initialised: "(store) => store.loaded && store.connected === 'local' && store.ready instanceof Promise && store.connection instanceof Promise",
    log: ['load', 'connect local'],
    failureLog: ['load', 'connect local'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Store {
  loaded = false;
  connected = '';
  ready = this.load();
  connection: Promise<void>;

  constructor(remote: boolean) {
    seen.push(this);
    if (remote) {
      this.connection = this.connect('remote');
    } else {
      this.connection = this.connect('local');
    }
  }

  async load(): Promise<void> {
    log.push('load');
    await tick();
    if (control.fail) throw control.fail;
    this.loaded = true;
  }

  async connect(where: string): Promise<void> {
    log.push('connect ' + where);
    await tick();
    if (control.fail) throw control.fail;
    this.connected = where;
  }
}
`,
  },
  'a .js subclass whose work reads a local, with a statement after it': {
    className: 'Client',
    javascript: true,
    args: "'example.test', 2",
    initialised: "(client) => client.connected && client.retries === 2 && client.name === 'example.test' && client instanceof Base",
    log: ['open wss://example.test'],
    offers: ['factory', 'thenable'],
    code: `${jsPrelude}
export class Base {
  constructor(name) {
    this.name = name;
  }
}

export class Client extends Base {
  #session;

  constructor(name, retries = 3) {
    super(name);
    seen.push(this);
    const url = 'wss://' + name;
    this.open(url);
    this.retries = retries;
  }

  get connected() {
    return this.#session !== undefined;
  }

  async open(url) {
    log.push('open ' + url);
    await tick();
    if (control.fail) throw control.fail;
    this.#session = url;
  }
}
`,
  },
  'an async callback of `forEach` over a parameter': {
    className: 'Warmer',
    args: "['x', 'y']",
    initialised: "(warmer) => warmer.warm.join() === 'x,y'",
    log: ['warm x', 'warm y'],
    failureLog: ['warm x', 'warm y'],
    offers: ['factory', 'thenable'],
    code: `${prelude}
export class Warmer {
  warm: string[] = [];

  constructor(keys: string[]) {
    seen.push(this);
    keys.forEach(async (key) => {
      log.push('warm ' + key);
      await tick();
      if (control.fail) throw control.fail;
      this.warm.push(key);
    });
  }
}
`,
  },
};

interface Outcome {
  identity: boolean;
  sameTwice: boolean;
  initialised: boolean;
  log: string[];
  failure: 'fulfilled' | 'rejected with the error' | 'rejected with another value';
  failedInitialised: boolean | null;
  failureLog: string[];
  unhandled: string[];
  viaCallSite: boolean | null;
  /** A failing construction awaited after a 20 ms timer. */
  lateFailure: 'fulfilled' | 'rejected with the error' | 'rejected with another value';
  /** Unhandled rejections of that run, the caller's own late-awaited promise aside. */
  lateUnhandled: string[];
}

/** The probe, appended to the module: construct, await twice, fail, and report as JSON. */
function probe(scenario: Scenario, mode: Mode): string {
  const make =
    mode === 'factory' ? `${scenario.className}.create(${scenario.args})` : `new ${scenario.className}(${scenario.args})`;
  return `
const __unhandled = [];
const __lateUnhandled = [];
let __latePending;
process.on('unhandledRejection', (reason, promise) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  if (__latePending === undefined) {
    __unhandled.push(message);
  } else if (promise !== __latePending) {
    __lateUnhandled.push(message);
  }
});
// The caller's own promise, awaited late, is the caller's business (an async function's is too).
process.on('rejectionHandled', () => {});
const __guard = setTimeout(() => {
  console.log(JSON.stringify({ deadlock: true }));
  process.exit(0);
}, 3000);
const __initialised = ${scenario.initialised};
const __result = {};
log.length = 0;
seen.length = 0;
const __pending = ${make};
const __first = await __pending;
const __second = await __pending;
__result.identity = seen.length === 1 && __first === seen[0];
__result.sameTwice = __second === __first;
__result.initialised = __initialised(__first);
__result.log = [...log];
// Let work the await did not wait for (the original's) finish before the failing run.
await new Promise((resolve) => setTimeout(resolve, 30));
log.length = 0;
control.fail = new Error('init failed');
__result.failedInitialised = null;
try {
  __result.failedInitialised = __initialised(await ${make});
  __result.failure = 'fulfilled';
} catch (error) {
  __result.failure = error === control.fail ? 'rejected with the error' : 'rejected with another value';
}
await new Promise((resolve) => setTimeout(resolve, 30));
__result.failureLog = [...log];
__result.unhandled = __unhandled;
control.fail = new Error('late failure');
__latePending = ${make};
await new Promise((resolve) => setTimeout(resolve, 20));
try {
  await __latePending;
  __result.lateFailure = 'fulfilled';
} catch (error) {
  __result.lateFailure = error === control.fail ? 'rejected with the error' : 'rejected with another value';
}
await new Promise((resolve) => setTimeout(resolve, 30));
__result.lateUnhandled = __lateUnhandled;
control.fail = undefined;
__result.viaCallSite = ${scenario.callSite && mode === 'factory' ? `__initialised(await ${scenario.callSite})` : 'null'};
clearTimeout(__guard);
console.log(JSON.stringify(__result));
`;
}

const linter = new Linter({ configType: 'flat' });

/** The outputs of the suggestions the rule offers for the module's (single) class, by transform. */
function applySuggestions(scenario: Scenario): Partial<Record<Exclude<Mode, 'original'>, string>> {
  const filename = scenario.javascript ? 'file.js' : 'file.ts';
  const messages = linter.verify(
    scenario.code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { 'async-init': { rules: { 'no-async-constructor': rule as never } } },
        languageOptions: { parser: (scenario.javascript ? espree : tsParser) as Linter.Parser },
        rules: { 'async-init/no-async-constructor': 'error' },
      },
    ],
    filename,
  );
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const outputs: Partial<Record<Exclude<Mode, 'original'>, string>> = {};
  for (const suggestion of messages[0]?.suggestions ?? []) {
    const { range, text } = suggestion.fix;
    const mode = suggestion.messageId?.startsWith('suggestFactory') ? 'factory' : 'thenable';
    outputs[mode] = scenario.code.slice(0, range[0]) + text + scenario.code.slice(range[1]);
  }
  // Every report of the class offers the same whole-class fix.
  for (const message of messages) {
    expect(message.suggestions?.map((suggestion) => suggestion.fix)).toEqual(messages[0]?.suggestions?.map((suggestion) => suggestion.fix));
  }
  return outputs;
}

const fixedModules: Record<string, string> = {};

describe.each(Object.entries(scenarios))('%s', (name, scenario) => {
  const outputs = applySuggestions(scenario);

  it('offers the expected transforms', () => {
    expect(Object.keys(outputs).sort()).toEqual([...scenario.offers].sort());
  });

  it('shows the bug in the original: a half-initialised instance and an unhandled rejection', () => {
    const outcome = runInChild<Outcome>(scenario.code, probe(scenario, 'original'));
    expect(outcome.identity).toBe(true);
    expect(outcome.initialised).toBe(false);
    expect(outcome.failure).toBe('fulfilled');
    if (scenario.failureHandled) {
      expect(outcome.unhandled).toEqual([]);
    } else {
      // One per statement that failed (they all ran: nothing awaited the first).
      expect(outcome.unhandled.length).toBeGreaterThan(0);
      expect(new Set(outcome.unhandled)).toEqual(new Set(['init failed']));
    }
  });

  for (const mode of scenario.offers) {
    it(`${mode}: runs the work once, gives the initialised instance, and rejects on failure`, () => {
      const output = outputs[mode];
      expect(output).toBeDefined();
      if (!scenario.javascript) {
        fixedModules[`${name} (${mode}).ts`] = output!;
      }
      const outcome = runInChild<Outcome>(output!, probe(scenario, mode));
      expect(outcome).toEqual({
        identity: true,
        sameTwice: true,
        initialised: true,
        log: scenario.log,
        ...(scenario.failureHandled
          ? { failure: 'fulfilled', failedInitialised: true }
          : { failure: 'rejected with the error', failedInitialised: null }),
        // Every piece of work starts before any is awaited, as in the constructor.
        failureLog: scenario.failureLog ?? scenario.log,
        unhandled: [],
        viaCallSite: scenario.callSite && mode === 'factory' ? true : null,
        lateFailure: scenario.failureHandled ? 'fulfilled' : 'rejected with the error',
        lateUnhandled: [],
      });
    });
  }
});

describe('every fixed module', () => {
  it('adds no report under strictTypeChecked and sonarjs recommended', () => {
    const results = checkHygiene(
      Object.entries(scenarios).map(([name, scenario]) => ({
        name,
        lang: scenario.javascript ? 'js' : 'ts',
        original: scenario.code,
        outputs: Object.entries(applySuggestions(scenario)).map(([transform, code]) => ({ label: transform, code: code!, transform })),
      })),
    );
    expect(results.length).toBeGreaterThanOrEqual(30);
    for (const result of results) {
      expect(result.added, describeHygiene(result)).toEqual([]);
    }
  }, 600_000);
});

describe('the fixed TypeScript modules', () => {
  it('type-check under --strict, as the originals do', () => {
    const originals = Object.fromEntries(
      Object.entries(scenarios)
        .filter(([, scenario]) => !scenario.javascript)
        .map(([name, scenario]) => [`${name} (original).ts`, scenario.code]),
    );
    expect(Object.keys(fixedModules).length).toBeGreaterThanOrEqual(16);
    const diagnostics = typeCheckModules({ ...originals, ...fixedModules });
    expect(Object.entries(diagnostics).filter(([, list]) => list.length > 0)).toEqual([]);
  });
});
