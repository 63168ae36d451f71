import * as espree from 'espree';
import { beforeAll, describe, expect, it } from 'vitest';

import { changedClass } from '../../scripts/corpus/hygiene.js';
import { checkHygiene, describeHygiene, THEN_MEMBER_RULES, type HygieneCase, type HygieneResult } from '../helpers/hygiene.js';

/**
 * The hygiene check itself (tests/helpers/hygiene.ts): hand-written outputs, each with what a
 * reviewer would say about it, prove it reports what a fix leaves behind under typescript-eslint's
 * `strictTypeChecked` and sonarjs's `recommended` (an empty constructor whose parameters nothing
 * reads, a floating promise), and nothing a fix did not add (an unchanged output, a report that
 * moved with its code).
 */

// The original: a constructor that starts the connection and a method that needs it.
const db = (members: string, ctor: string): string => `export const log: string[] = [];

export class Db {
  connected = false;
${ctor}
${members}
  async connect(host: string, port: number): Promise<void> {
    log.push(host + ':' + String(port));
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.connected = true;
  }
}
`;

const original = db(
  '',
  `  constructor(host: string, port: number) {
    void this.connect(host, port);
  }
`,
);

const factory = `  static async create(host: string, port: number): Promise<Db> {
    const db = new Db(host, port);
    await db.connect(host, port);
    return db;
  }
`;

// What the factory transform leaves when it keeps the constructor's parameters.
const emptyConstructor = db(factory, '  constructor(host: string, port: number) {}\n');

// The move a reviewer would accept: the constructor goes, the factory takes the parameters.
const moved = db(
  `  static async create(host: string, port: number): Promise<Db> {
    const db = new Db();
    await db.connect(host, port);
    return db;
  }
`,
  '',
);

// The work recorded through a helper whose promise the constructor drops.
const floating = db(
  `  #pending: Promise<void>[] = [];

  #track(work: Promise<void>): Promise<void> {
    this.#pending.push(work);
    return work;
  }
`,
  `  constructor(host: string, port: number) {
    this.#track(this.connect(host, port));
  }
`,
);

// Recorded the way a person would: one field holding the promise.
const recorded = db(
  `  #connecting: Promise<void>;

  static async create(host: string, port: number): Promise<Db> {
    const db = new Db(host, port);
    await db.#connecting;
    return db;
  }
`,
  `  private constructor(host: string, port: number) {
    this.#connecting = this.connect(host, port);
  }
`,
).replace('  connected = false;\n', '  connected = false;\n  #connecting: Promise<void>;\n').replace('  #connecting: Promise<void>;\n\n  static', '  static');

// An original with reports of its own: a non-null assertion (`strict`) in the constructor's work.
const withAssertion = `export class Store {
  loaded = false;

  constructor(options: { path?: string }) {
    void this.load(options.path!);
  }

  async load(path: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, path.length));
    this.loaded = true;
  }
}
`;

// The same work moved into a factory, lines away: the assertion moved with it.
const assertionMoved = `export class Store {
  loaded = false;

  private constructor() {}

  async load(path: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, path.length));
    this.loaded = true;
  }

  static async create(options: { path?: string }): Promise<Store> {
    const store = new Store();
    await store.load(options.path!);
    return store;
  }
}
`;

// The same, with the assertion written twice: one is new.
const assertionTwice = assertionMoved.replace(
  '    await store.load(options.path!);\n',
  '    await store.load(options.path!);\n    await store.load(options.path!);\n',
);

// An awaitable class whose `then` takes an `any` (`no-explicit-any`, in `strict`), and an `any` elsewhere.
const thenable = (elsewhere: string): string => `export class Cache {
  #init: Promise<void> | undefined;
  loaded = false;

  async #initialize(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.loaded = true;
  }

  then<T = Omit<this, 'then'>>(onfulfilled?: ((value: any) => T | PromiseLike<T>) | null): Promise<T> {
    this.#init ??= this.#initialize();
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled);
  }
${elsewhere}}
`;
const thenableOriginal = `export class Cache {
  loaded = false;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.loaded = true;
  }
}
`;
const anyElsewhere = '\n  read(key: any): string {\n    return String(key);\n  }\n';

const jsOriginal = `export class Queue {
  constructor(options) {
    this.options = options;
    this.start(options.concurrency);
  }

  async start(concurrency) {
    await new Promise((resolve) => setTimeout(resolve, concurrency));
  }
}
`;

const cases: HygieneCase[] = [
  {
    name: 'db',
    lang: 'ts',
    original,
    outputs: [
      { label: 'unchanged', code: original, transform: 'factory' },
      { label: 'empty constructor', code: emptyConstructor, transform: 'factory' },
      { label: 'moved', code: moved, transform: 'factory' },
      { label: 'floating', code: floating, transform: 'thenable' },
      { label: 'recorded', code: recorded, transform: 'factory' },
      { label: 'broken', code: `${original}\nexport class {`, transform: 'factory' },
    ],
  },
  {
    // The original's own floating promise does not excuse the one the output writes.
    name: 'db, floating in the original',
    lang: 'ts',
    original: original.replace('void this.connect(host, port);', 'this.connect(host, port);'),
    outputs: [{ label: 'floating', code: floating, transform: 'factory' }],
  },
  {
    name: 'store',
    lang: 'ts',
    original: withAssertion,
    outputs: [
      { label: 'unchanged', code: withAssertion, transform: 'factory' },
      { label: 'moved', code: assertionMoved, transform: 'factory' },
      { label: 'twice', code: assertionTwice, transform: 'factory' },
    ],
  },
  {
    name: 'cache',
    lang: 'ts',
    original: thenableOriginal,
    outputs: [
      { label: 'awaitable', code: thenable(''), transform: 'thenable' },
      { label: 'awaitable, any elsewhere', code: thenable(anyElsewhere), transform: 'thenable' },
      { label: 'the same text from another transform', code: thenable(''), transform: 'factory' },
    ],
  },
  {
    name: 'queue',
    lang: 'js',
    original: jsOriginal,
    outputs: [{ label: 'unchanged', code: jsOriginal, transform: 'thenable' }],
  },
];

let results: HygieneResult[];
let withThenRule: HygieneResult[];

beforeAll(() => {
  results = checkHygiene(cases);
  // The `then` exception, with a rule that reports inside the member's signature.
  withThenRule = checkHygiene(cases.filter((hygieneCase) => hygieneCase.name === 'cache'), {
    thenMemberRules: ['@typescript-eslint/no-explicit-any'],
  });
});

function result(name: string, label: string, from: HygieneResult[] = results): HygieneResult {
  const found = from.find((candidate) => candidate.name === name && candidate.label === label);
  if (!found) {
    throw new Error(`no result for ${name} (${label})`);
  }
  return found;
}

const rulesOf = (outcome: HygieneResult): string[] => outcome.added.map((report) => report.ruleId).sort();

describe('what a fix leaves behind', () => {
  it('an empty constructor whose parameters nothing reads: unused parameters and a useless constructor', () => {
    const outcome = result('db', 'empty constructor');
    expect(rulesOf(outcome), describeHygiene(outcome)).toEqual([
      '@typescript-eslint/no-unused-vars',
      '@typescript-eslint/no-unused-vars',
      '@typescript-eslint/no-useless-constructor',
    ]);
    expect(outcome.added.map((report) => report.message)).toEqual(
      expect.arrayContaining(["'host' is defined but never used.", "'port' is defined but never used."]),
    );
  });

  it('a floating promise statement', () => {
    const outcome = result('db', 'floating');
    expect(rulesOf(outcome), describeHygiene(outcome)).toContain('@typescript-eslint/no-floating-promises');
    const report = outcome.added.find((added) => added.ruleId === '@typescript-eslint/no-floating-promises');
    expect(report?.text).toBe('this.#track(this.connect(host, port));');
    expect(outcome.allowed).toEqual([]);
  });

  it('a floating promise statement where the original floated another', () => {
    const outcome = result('db, floating in the original', 'floating');
    expect(outcome.added.map((report) => report.text), describeHygiene(outcome)).toContain('this.#track(this.connect(host, port));');
  });

  it('an output that does not parse', () => {
    expect(rulesOf(result('db', 'broken'))).toEqual(['parse']);
  });
});

describe('what a fix did not add', () => {
  it.each([
    ['db', 'unchanged'],
    ['store', 'unchanged'],
    ['queue', 'unchanged'],
  ])('an unchanged output adds nothing (%s, with the reports the original has)', (name, label) => {
    const outcome = result(name, label);
    expect(outcome.added, describeHygiene(outcome)).toEqual([]);
    expect(outcome.allowed).toEqual([]);
  });

  it('the work moved into a factory, the constructor gone', () => {
    const outcome = result('db', 'moved');
    expect(outcome.added, describeHygiene(outcome)).toEqual([]);
  });

  it('the work recorded on one private field the factory awaits', () => {
    const outcome = result('db', 'recorded');
    expect(outcome.added, describeHygiene(outcome)).toEqual([]);
  });

  it('a report that moved with its code, lines away and on another receiver, is the same report', () => {
    const outcome = result('store', 'moved');
    expect(outcome.added, describeHygiene(outcome)).toEqual([]);
  });

  it('reports are counted: the same report twice where the original had it once is one added', () => {
    const outcome = result('store', 'twice');
    expect(rulesOf(outcome), describeHygiene(outcome)).toEqual(['@typescript-eslint/no-non-null-assertion']);
  });
});

describe('the `then` member of the awaitable transform', () => {
  it('is reported by no rule of the configs the check runs (the list of allowed rules is empty)', () => {
    expect(THEN_MEMBER_RULES).toEqual([]);
    const outcome = result('cache', 'awaitable');
    // The `any` in `then`'s signature is the one report it adds, and no rule is allowed to make it.
    expect(rulesOf(outcome), describeHygiene(outcome)).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(outcome.allowed).toEqual([]);
  });

  it('a report inside the member’s signature by an allowed rule is returned apart, as allowed', () => {
    const outcome = result('cache', 'awaitable', withThenRule);
    expect(outcome.added, describeHygiene(outcome)).toEqual([]);
    expect(outcome.allowed.map((report) => report.ruleId)).toEqual(['@typescript-eslint/no-explicit-any']);
  });

  it('the same rule elsewhere in the class is added', () => {
    const outcome = result('cache', 'awaitable, any elsewhere', withThenRule);
    expect(rulesOf(outcome), describeHygiene(outcome)).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(outcome.added[0]?.text).toBe('any');
    expect(outcome.added[0]?.line).toBeGreaterThan(13);
    expect(outcome.allowed).toHaveLength(1);
  });

  it('only the awaitable transform has the exception', () => {
    const outcome = result('cache', 'the same text from another transform', withThenRule);
    expect(rulesOf(outcome)).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(outcome.allowed).toEqual([]);
  });
});

describe('the class an edit changes, cut out of a big file (the corpus run)', () => {
  const bundle = `var Store;
var init_store = __esm(() => {
  Store = class {
    constructor(path) {
      this.load(path).catch(() => {});
    }
    async load(path) {}
  };
});
class Other {
  run() {}
}
`;
  const ast = espree.parse(bundle, { ecmaVersion: 'latest', range: true }) as unknown as Parameters<typeof changedClass>[0];

  it('cuts out the class expression the edit changes, as a module, in both versions', () => {
    const output = bundle.replace('    async load(path) {}\n', '    async load(path) {}\n    static async create(path) {}\n');
    expect(changedClass(ast, bundle, output)).toEqual({
      original: 'export default class {\n    constructor(path) {\n      this.load(path).catch(() => {});\n    }\n    async load(path) {}\n  }\n',
      output:
        'export default class {\n    constructor(path) {\n      this.load(path).catch(() => {});\n    }\n    async load(path) {}\n    static async create(path) {}\n  }\n',
    });
  });

  it('cuts out a class declaration', () => {
    const output = bundle.replace('  run() {}\n', '  run() {}\n  stop() {}\n');
    expect(changedClass(ast, bundle, output)?.output).toBe('export class Other {\n  run() {}\n  stop() {}\n}\n');
  });

  it('gives up where no one class holds every change', () => {
    const output = bundle.replace('constructor(path)', 'constructor()').replace('run() {}', 'run() { return 1; }');
    expect(changedClass(ast, bundle, output)).toBeUndefined();
  });
});
