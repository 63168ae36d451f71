// The crash fuzzer's programs: eslump's random programs, as they are and cut into pieces that are
// put inside the classes, constructors, thenables and `await using` declarations our rules listen to.
import { generateRandomJS } from 'eslump';
import * as espree from 'espree';

export type ParserName = 'espree' | 'typescript';
export type SourceType = 'module' | 'script';

/** One generated program and everything needed to lint it again. */
export interface FuzzCase {
  /** The seed that regenerates this case alone (`FUZZ_SEED=<seed> FUZZ_RUNS=1`). */
  seed: number;
  parser: ParserName;
  sourceType: SourceType;
  /** `raw` is eslump's program untouched; the others name the template its pieces were put in. */
  shape: string;
  code: string;
  /** Options per rule name (without the plugin prefix). */
  options: Record<string, unknown[]>;
}

/** Option sets that change what a rule reports or which fix it writes; each case draws one per rule. */
export const RULE_OPTIONS: Record<string, unknown[][]> = {
  'no-async-constructor': [
    [],
    [{ autofix: 'factory' }],
    [{ autofix: 'thenable' }],
    [{ autofix: 'factory', constructorVisibility: 'private', factoryName: 'open' }],
    [{ autofix: 'factory', constructorVisibility: 'protected', checkFieldInitializers: false }],
    [{ autofix: 'thenable', allowReadyPromise: true }],
    [{ allowForKnownSafeCalls: ['init', 'this.cache.warm', 'fetch'], allowReadyPromise: true }],
  ],
  'no-self-resolving-thenable': [[]],
  'require-awaited-init': [[], [{ checkUnawaitedNew: false }]],
  'async-dispose-requires-init': [
    [],
    [{ checkAwaitableConstructor: false }],
    [{ checkDisposeReads: false }],
  ],
};

// ---------------------------------------------------------------------------------------------
// A seeded random source. eslump draws from Math.random, so it is swapped in while eslump runs.

export interface Rng {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast, and the same sequence on every machine for a 32-bit seed. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}

/** The seed of the case after `seed`'s: a run from seed S lints the cases S, next(S), next(next(S)), … */
export function nextSeed(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function withRandom<T>(rng: Rng, run: () => T): T {
  const original = Math.random;
  Math.random = rng.next;
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

function randomProgram(rng: Rng, sourceType: SourceType, maxDepth: number): string {
  return withRandom(rng, () => generateRandomJS({ sourceType, comments: true, whitespace: true, maxDepth }));
}

// ---------------------------------------------------------------------------------------------
// Pieces of a random program: its statements (with the comments before them) and its expressions.

interface Pieces {
  statements: string[];
  expressions: string[];
}

interface EsNode {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

function isNode(value: unknown): value is EsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const EXPRESSION = /Expression$|^Identifier$|^Literal$|^TemplateLiteral$/;

function piecesOf(code: string): Pieces | undefined {
  let program: EsNode;
  try {
    program = espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as EsNode;
  } catch {
    return undefined;
  }
  const statements: string[] = [];
  let previousEnd = 0;
  for (const statement of program.body as EsNode[]) {
    let inner: EsNode | undefined = statement;
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration') {
      inner = undefined;
    } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      inner = isNode(declaration) && !EXPRESSION.test(declaration.type) ? declaration : undefined;
    }
    if (inner) {
      // The gap before the statement carries its comments along.
      const gap = code.slice(previousEnd, statement.range[0]);
      statements.push(gap + code.slice(inner.range[0], inner.range[1]));
    }
    previousEnd = statement.range[1];
  }
  const expressions: string[] = [];
  const visit = (node: EsNode): void => {
    if (EXPRESSION.test(node.type) && node.range[1] - node.range[0] <= 160) {
      expressions.push(code.slice(node.range[0], node.range[1]));
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range') continue;
      if (Array.isArray(value)) value.filter(isNode).forEach(visit);
      else if (isNode(value)) visit(value);
    }
  };
  visit(program);
  return { statements, expressions };
}

// ---------------------------------------------------------------------------------------------
// Templates: the shapes our rules listen to, with holes filled from the pieces.

class Filler {
  /** Straight-line constructors only, as the transforms on main can move: more fixes get checked. */
  simple = false;

  constructor(
    readonly rng: Rng,
    readonly pieces: Pieces,
    readonly ts: boolean,
  ) {}

  /** An expression: mostly a random one, sometimes one our rules have an opinion about. */
  expr(): string {
    const { rng, pieces } = this;
    if (pieces.expressions.length > 0 && rng.chance(0.7)) {
      return `(${rng.pick(pieces.expressions)})`;
    }
    return rng.pick(['url', 'this.options', '0', "'db'", '[]', '(() => {})', 'this.init()', 'new Client()', 'options.url']);
  }

  /** Up to `max` random statements. */
  stmts(max = 2): string {
    const { rng, pieces } = this;
    if (pieces.statements.length === 0) return '';
    const count = rng.int(0, max);
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) chosen.push(rng.pick(pieces.statements));
    return chosen.join('\n');
  }

  /** One statement that starts asynchronous work during construction. */
  work(): string {
    const { rng } = this;
    if (this.simple) {
      return rng.pick([
        () => 'this.init();',
        () => `void this.load(${this.expr()});`,
        () => `this.ready = this.connect(${this.expr()});`,
        () => `this.init().catch((error) => { ${this.stmts(1)} });`,
        () => `fetch(${this.expr()}).then((response) => response.json());`,
        () => `this.conn = this.connect(url);`,
      ])();
    }
    return rng.pick([
      () => 'this.init();',
      () => `void this.load(${this.expr()});`,
      () => `this.ready = this.connect(${this.expr()});`,
      () => 'this.start().catch(() => {});',
      () => `this.init().catch((error) => { ${this.stmts(1)} });`,
      () => `fetch(${this.expr()}).then((response) => response.json());`,
      () => `(async () => {\n${this.stmts(1)}\nawait this.init();\n})();`,
      () => `Promise.all([this.load(${this.expr()}), this.init()]);`,
      () => `new Promise((resolve) => {\n${this.stmts(1)}\nresolve(${this.expr()});\n});`,
      () => `this.conn = this.connect(${this.expr()});`,
      () => `setTimeout(async () => { ${this.stmts(1)} await this.init(); }, 0);`,
      () => 'this.loop();',
      () => 'this.cache.warm();',
      () => `this.init().then(() => { ${this.stmts(1)} });`,
      () => `const pending = this.load(${this.expr()});`,
      () => this.stmts(2),
      () => this.oddWork(),
      () => this.oddWork(),
    ])();
  }

  /** Work in the spellings a careful rule must still understand (or leave alone without throwing). */
  oddWork(): string {
    const { rng, ts } = this;
    return rng.pick([
      'this?.init?.();',
      "this['init']();",
      'this[`load`](url);',
      'super.init?.();',
      'new.target.prototype.init.call(this);',
      'arguments[0]?.then(() => {});',
      'this.#start();',
      'const self = this;\nself.init();',
      'this.init().finally(() => {});',
      'Promise.resolve().then(() => this.init());',
      'this.timer = setInterval(() => this.init(), 1000);',
      'queueMicrotask(() => void this.init());',
      "this.emitter.on('data', async () => { await this.init(); });",
      'this.init().then(null, console.error);',
      '(0, this.init)();',
      'this.init.call(this);',
      'this.init.bind(this)();',
      '(async function () { await this.init(); }).call(this);',
      'void (async () => this.init())();',
      'this.ready = Promise.all([this.init(), this.load(url)]);',
      'this.ready ??= this.init();',
      'this.ready ||= this.init();',
      'this.state = { ready: this.init() };',
      '[this.a, this.b] = [this.init(), this.load()];',
      '({ ready: this.ready } = { ready: this.init() });',
      'return new Promise((resolve) => { resolve(this); });',
      'tag`${this.init()}`;',
      'this.init()\n;[1].forEach(() => {});',
      'if (this.init()) {}',
      'this.init(), this.load(url);',
      'this.init() && this.load();',
      'throw this.init();',
      'delete this.init();',
      'this.init`x`;',
      ...(ts
        ? ['this.init()!;', '(this.init() as Promise<void>);', '<any>this.init();', 'this.init() satisfies Promise<void>;', 'this.load<string>(url);', 'this.conn! = this.connect(url);']
        : []),
    ]);
  }

  /** Class members that are unusual but legal: where a careless rule would throw. */
  oddMember(): string {
    const { rng, ts } = this;
    return rng.pick([
      "'constructor'() {}",
      'static constructor() {}',
      'get then() { return undefined; }',
      'then = (resolve) => resolve(this);',
      'static then(resolve) { resolve(this); }',
      '#then(resolve) { resolve(this); }',
      "['then'](resolve) { resolve(this); }",
      '[`then`](resolve) { resolve(this); }',
      'async then(resolve) { resolve(this); }',
      '*then() {}',
      '[Symbol.asyncDispose] = async () => { await this.conn.close(); };',
      'static async [Symbol.asyncDispose]() {}',
      '[Symbol.dispose]() {}',
      'get [Symbol.asyncDispose]() { return async () => {}; }',
      'async #start() { await this.init(); }',
      'static #count = 0;',
      'static async init() {}',
      'set ready(value) {}',
      'get ready() { return this.init(); }',
      '[this.init()]() {}',
      '[key] = this.init();',
      'static { this.init(); }',
      'static ready = this.init();',
      'init = async () => {};',
      'async *stream() {}',
      '"init"() {}',
      '123() {}',
      '[Symbol.iterator]() {}',
      ';',
      // The names the transforms write: a transform must pick others or decline, never declare one twice.
      '#pendingInit = [];',
      '#init;',
      '#initialize() {}',
      '#trackInit(work) { return work; }',
      'static create = null;',
      'start() {}',
      ...(ts
        ? [
            'constructor(url: string);',
            'declare then: unknown;',
            'private conn!: { close(): Promise<void> };',
            'abstract init(): Promise<void>;',
            '[key: string]: unknown;',
            'then(this: unknown, resolve: (value: unknown) => void): void {}',
            'override async load(): Promise<void> {}',
            'public static readonly ready?: Promise<void>;',
            'get then(): undefined { return undefined; }',
          ]
        : []),
    ]);
  }

  /** Work, sometimes inside the control flow real constructors have. */
  flow(): string {
    const { rng } = this;
    const w = this.work();
    if (this.simple) return w;
    return rng.pick([
      () => w,
      () => w,
      () => `if (${this.expr()}) {\n${w}\n}`,
      () => `if (${this.expr()}) ${w.includes('\n') || w.startsWith('const') ? `{ ${w} }` : w} else {\n${this.stmts(1)}\n}`,
      () => `for (const item of ${this.expr()}) {\n${w}\n}`,
      () => `try {\n${w}\n} catch (error) {\n${this.stmts(1)}\n} finally {\n${this.stmts(1)}\n}`,
      () => `switch (${this.expr()}) {\ncase 1:\n${w}\nbreak;\ndefault:\n${this.stmts(1)}\n}`,
      () => `{\n${w}\n}`,
      () => `while (${this.expr()}) {\n${w}\nbreak;\n}`,
      () => `do {\n${w}\n} while (false);`,
      () => `label: {\n${w}\nbreak label;\n}`,
    ])();
  }

  constructorBody(derived: boolean): string {
    const { rng } = this;
    const parts: string[] = [];
    if (derived) parts.push('super(...arguments);');
    parts.push(this.stmts(2));
    for (let i = rng.int(1, 3); i > 0; i--) {
      parts.push(this.flow());
      if (rng.chance(0.3)) parts.push(this.stmts(1));
    }
    if (!this.simple && rng.chance(0.1)) parts.push(rng.pick(['return this.init();', 'return;', `return ${this.expr()};`]));
    return parts.filter(Boolean).join('\n');
  }

  params(): string {
    const { rng } = this;
    const plain = ['', 'url', 'url, options', `url = ${this.expr()}`, '{ url, retries } = {}', '...rest', '[first] = []'];
    const ts = ['private readonly url: string', 'public url: string, protected options = {}', 'url?: string', 'readonly url = "db"'];
    return this.ts && rng.chance(0.4) ? rng.pick(ts) : rng.pick(plain);
  }

  /** The async methods the work calls, each with a random body. */
  methods(): string {
    const ret = this.ts ? ': Promise<void>' : '';
    return [
      `async init()${ret} {\n${this.stmts(2)}\n}`,
      `async load(source${this.ts ? '?: unknown' : ''})${ret} {\n${this.stmts(1)}\n}`,
      `async connect(url${this.ts ? '?: unknown' : ''}) {\nthis.conn = await open(url);\n${this.stmts(1)}\nreturn this.conn;\n}`,
      `start() {\nreturn this.init();\n}`,
      `async loop()${ret} {\nwhile (!this.closed) {\nawait this.init();\n}\n}`,
    ]
      .filter(() => this.rng.chance(0.8))
      .join('\n');
  }

  fields(): string {
    const { rng, ts } = this;
    const list = [
      `options = ${this.expr()};`,
      'ready = this.init();',
      `static defaults = ${this.expr()};`,
      `#secret = ${this.expr()};`,
      `cache = { warm: async () => {} };`,
      `loaded = this.load(${this.expr()}).catch(() => {});`,
      `static { ${this.stmts(1)} }`,
      ts ? 'declare conn: unknown;' : 'conn;',
      ts ? `private pending: Promise<unknown> = this.connect(${this.expr()});` : `pending = this.connect(${this.expr()});`,
      ts ? 'accessor count = 0;' : 'closed = false;',
    ];
    return list.filter((field) => rng.chance(0.35) && !(this.simple && /this\.\w+\(/.test(field))).join('\n');
  }

  thenMethod(self: string): string {
    const { rng } = this;
    const resolve = rng.pick(['resolve(this);', 'onfulfilled?.(this);', 'resolve.call(undefined, this);', `resolve(${self});`, 'resolve(undefined);', 'return this.ready.then(resolve, reject);']);
    const params = rng.pick(['resolve, reject', 'resolve', 'onfulfilled, onrejected', 'resolve = () => {}', '']);
    return `then(${params}) {\n${this.stmts(1)}\n${rng.chance(0.3) ? this.flow() : ''}\n${resolve}\n}`;
  }

  disposeMethod(): string {
    const { rng } = this;
    return rng.pick([
      () => `async [Symbol.asyncDispose]() {\n${this.stmts(1)}\nawait this.conn.close();\n}`,
      () => `[Symbol.dispose]() {\nthis.conn.end();\n${this.stmts(1)}\n}`,
      () => `async [Symbol.asyncDispose]() {\nif (this.conn) await this.conn.close();\n}`,
      () => `async [Symbol.asyncDispose]() {\nconst { conn } = this;\nawait conn.close(${this.expr()});\n}`,
      () => `async [Symbol.asyncDispose]() {\n${this.disposeRead()}\n${this.stmts(1)}\n${this.disposeRead()}\n}`,
      () => `[Symbol.dispose]() {\n${this.disposeRead()}\n}`,
    ])();
  }

  /** A read of a field the async init assigns, in every position a read can take. */
  disposeRead(): string {
    const { rng, ts } = this;
    return rng.pick([
      'await this.conn.close();',
      'new this.conn.Client();',
      'this.conn.tag`x`;',
      'this.conn.x = 1;',
      'this.conn.x++;',
      '[this.conn.x] = [1];',
      'for (this.conn.x of []) {}',
      '({ a: this.conn.x } = {});',
      'this.conn.x.y();',
      'new this.conn();',
      'this.conn`x`;',
      'this.conn.x ??= 1;',
      'this.conn();',
      'await this.conn.close().then(() => {});',
      'delete this.conn.x;',
      'typeof this.conn.x;',
      'this.conn.#handle;',
      'this.conn[0] = 1;',
      'for (this.conn.x in {}) {}',
      'this.conn.x?.y;',
      'this.conn?.x.y;',
      'const { x } = this.conn;',
      'return this.conn.end();',
      'await Promise.all([this.conn.close(), this.pool.end()]);',
      '(this.conn).close();',
      'this["conn"].close();',
      'this.conn.close.call(this.conn);',
      'await this.conn.close?.();',
      ...(ts ? ['this.conn!.close();', '(this.conn as any).close();', '(<any>this.conn).close();', 'this.conn!.x = 1;'] : []),
    ]);
  }

  /** An async function that constructs, awaits (or does not) and disposes the class. */
  consumer(name: string): string {
    const { rng } = this;
    const uses = [
      `await using resource = new ${name}(${this.expr()});`,
      `using handle = new ${name}();`,
      `const instance = new ${name}();\ninstance.init();`,
      `const ready = await new ${name}();`,
      `new ${name}(${this.expr()}).load();`,
      `await using other = await ${name}.create();`,
      `const item = new ${name}();\n${this.stmts(1)}\nawait item.init();`,
      `for (const x of [new ${name}()]) { ${this.stmts(1)} }`,
      `await using a = new ${name}(), b = new ${name}();`,
      `for (await using x of [new ${name}()]) { ${this.stmts(1)} }`,
      `for (using x of [new ${name}()]) {}`,
      'await using nothing = null;',
      `await using maybe = ${this.expr()} ? new ${name}() : undefined;`,
      `await using chained = new ${name}().init();`,
      `await using wrapped = (new ${name}());`,
      `using plain = new ${name};`,
      `const made = new ${name}?.();`,
      `await using later = await new ${name}(${this.expr()});`,
      `await Promise.all([new ${name}(), new ${name}()]);`,
      `return new ${name}();`,
      `const lazy = () => new ${name}();`,
      ...(this.ts ? [`await using typed: ${name} = new ${name}();`, `await using cast = new ${name}() as unknown as AsyncDisposable;`, `await using bang = new ${name}()!;`] : []),
    ];
    const body = uses.filter(() => rng.chance(0.35));
    return `async function main() {\n${this.stmts(1)}\n${body.join('\n')}\n${this.stmts(1)}\n}`;
  }

  classHead(name: string | undefined, derived: boolean): string {
    const { rng, ts } = this;
    const typeParams = ts && rng.chance(0.2) ? '<T>' : '';
    const implementsClause = ts && rng.chance(0.2) ? ` implements PromiseLike<unknown>` : '';
    const decorator = ts && !this.simple && rng.chance(0.1) ? '@sealed\n' : '';
    const abstract = ts && !this.simple && rng.chance(0.1) ? 'abstract ' : '';
    const base = derived ? ` extends ${this.simple ? 'Base' : rng.pick(['Base', 'Base', 'Base', '(mixin(Base))', 'null', 'class {}', 'Base.Inner', 'Base<string>'].filter((b) => ts || !b.includes('<')))}` : '';
    return `${decorator}${abstract}class${name ? ` ${name}` : ''}${typeParams}${base}${implementsClause}`;
  }

  classBody(options: { derived: boolean; thenable: boolean; dispose: boolean; ctor: boolean }): string {
    const { rng } = this;
    const members = [this.fields()];
    for (let i = rng.chance(0.4) ? rng.int(1, 3) : 0; i > 0; i--) members.push(this.oddMember());
    if (options.ctor) {
      const visibility = this.ts && rng.chance(0.15) ? rng.pick(['private ', 'protected ', 'public ']) : '';
      members.push(`${visibility}constructor(${this.params()}) {\n${this.constructorBody(options.derived)}\n}`);
    }
    members.push(this.methods());
    if (options.thenable) members.push(this.thenMethod('this'));
    if (options.dispose) members.push(this.disposeMethod(), 'static #handle = 0;');
    if (!this.simple && rng.chance(0.2)) members.push(`static async create(${this.params()}) {\nconst instance = new this();\nawait instance.init();\nreturn instance;\n}`);
    // Class members in a random order: constructors after methods, fields last, all occur.
    for (let i = members.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [members[i], members[j]] = [members[j] as string, members[i] as string];
    }
    return `{\n${members.filter(Boolean).join('\n')}\n}`;
  }
}

/** Each template writes one program from the pieces; all of them put a class where a listener fires. */
const TEMPLATES: Record<string, (f: Filler, sourceType: SourceType) => string> = {
  'in-constructor': (f: Filler) =>
    `${f.stmts(1)}\n${f.classHead('Service', false)} ${f.classBody({ derived: false, thenable: false, dispose: false, ctor: true })}\n${f.stmts(1)}`,
  subclass: (f) =>
    `class Base { constructor() { ${f.stmts(1)} } }\n${f.classHead('Derived', true)} ${f.classBody({ derived: true, thenable: f.rng.chance(0.3), dispose: f.rng.chance(0.3), ctor: true })}`,
  fields: (f) => `${f.classHead('Store', false)} ${f.classBody({ derived: false, thenable: false, dispose: false, ctor: f.rng.chance(0.5) })}`,
  thenable: (f) =>
    `${f.classHead('Client', false)} ${f.classBody({ derived: false, thenable: true, dispose: f.rng.chance(0.4), ctor: f.rng.chance(0.6) })}\n${f.consumer('Client')}`,
  movable: (f) => {
    f.simple = true;
    const name = f.rng.pick(['Service', 'Db']);
    return `${f.stmts(1)}\n${f.classHead(name, false)} ${f.classBody({ derived: false, thenable: false, dispose: f.rng.chance(0.4), ctor: true })}\n${f.consumer(name)}`;
  },
  'object-thenable': (f) => `const conn = {\n${f.thenMethod('conn')},\nvalue: ${f.expr()}\n};\n${f.stmts(1)}`,
  dispose: (f) =>
    `${f.classHead('Db', false)} ${f.classBody({ derived: false, thenable: f.rng.chance(0.3), dispose: true, ctor: true })}\n${f.consumer('Db')}`,
  consumer: (f) =>
    `class Client {\nthen(resolve) { ${f.stmts(1)} resolve(undefined); }\n${f.rng.chance(0.5) ? f.disposeMethod() : ''}\nasync init() {}\n}\n${f.consumer('Client')}`,
  'class-expression': (f, sourceType) => {
    const body = f.classBody({ derived: false, thenable: f.rng.chance(0.3), dispose: f.rng.chance(0.3), ctor: true });
    return f.rng.pick([
      `const Service = class ${body};`,
      `const Named = class Inner ${body};`,
      `const services = { make: () => new (class ${body})() };`,
      `register(class ${body});`,
      `(class ${body});`,
      `new (class ${body})();`,
      `const Mixed = (Base) => class extends Base ${body};`,
      ...(sourceType === 'module' ? [`export default class ${body}`, `export class Service ${body}`] : []),
    ]);
  },
  nested: (f) =>
    `function outer(${f.params()}) {\n${f.stmts(1)}\nreturn class Inner ${f.classBody({ derived: false, thenable: false, dispose: f.rng.chance(0.3), ctor: true })};\n}\n` +
    `class Outer { constructor() { this.child = new (class ${f.classBody({ derived: false, thenable: false, dispose: false, ctor: true })})(); } }`,
  declared: (f) =>
    f.ts
      ? `declare class Ambient { constructor(); then(resolve: (value: unknown) => void): void; }\n${f.classHead('Real', false)} ${f.classBody({ derived: false, thenable: f.rng.chance(0.3), dispose: f.rng.chance(0.3), ctor: true })}\n${f.consumer('Ambient')}`
      : `${f.classHead('Real', false)} ${f.classBody({ derived: false, thenable: true, dispose: true, ctor: true })}\n${f.consumer('Real')}`,
};

const SHAPES = Object.keys(TEMPLATES);

/**
 * Writes a filled template the way people write code: indented by nesting (spaces or tabs), sometimes
 * without semicolons, with comments at line ends and starts, sometimes with CRLF line ends. The fixes
 * take indentation and comments from the source, so they meet all of these.
 */
function restyle(code: string, rng: Rng): string {
  let lines = code.split('\n');
  if (rng.chance(0.7)) {
    const unit = rng.pick(['  ', '    ', '\t']);
    let depth = 0;
    lines = lines.map((line) => {
      const trimmed = line.trimStart();
      const opens = (trimmed.match(/[{[(]/g) ?? []).length;
      const closes = (trimmed.match(/[}\])]/g) ?? []).length;
      const indented = unit.repeat(Math.max(0, depth - (/^[}\])]/.test(trimmed) ? 1 : 0))) + trimmed;
      depth = Math.max(0, depth + opens - closes);
      return indented;
    });
  }
  if (rng.chance(0.3)) {
    lines = lines.map((line, index) => {
      const next = lines[index + 1]?.trimStart() ?? '';
      return /;\s*$/.test(line) && !/^[([`+\-/*]/.test(next) ? line.replace(/;\s*$/, '') : line;
    });
  }
  if (rng.chance(0.4)) {
    lines = lines.map((line) => {
      const start = line.length - line.trimStart().length;
      let out = line;
      if (rng.chance(0.1)) out = `${out.slice(0, start)}/* before */ ${out.slice(start)}`;
      if (rng.chance(0.15)) out = `${out} // after`;
      return out;
    });
  }
  return lines.join(rng.chance(0.15) ? '\r\n' : '\n');
}

/** Whether `code` parses with the parser and source type a case names. */
export type Parses = (code: string, parser: ParserName, sourceType: SourceType) => boolean;

/**
 * The case `seed` names: the same seed gives the same program and options on every machine.
 * A filled template that does not parse (random pieces declare a name twice, use `await` as a name…)
 * is filled again, and at last without random pieces; eslump's raw programs are kept as they are.
 */
export function generateCase(seed: number, parses: Parses): FuzzCase {
  const rng = createRng(seed);
  const parser: ParserName = rng.chance(0.5) ? 'espree' : 'typescript';
  const options: Record<string, unknown[]> = {};
  for (const [rule, sets] of Object.entries(RULE_OPTIONS)) options[rule] = rng.pick(sets);
  if (rng.chance(0.25)) {
    const sourceType: SourceType = rng.chance(0.5) ? 'module' : 'script';
    return { seed, parser, sourceType, shape: 'raw', code: randomProgram(rng, sourceType, rng.int(3, 7)), options };
  }
  const sourceType: SourceType = rng.chance(0.8) ? 'module' : 'script';
  const shape = rng.pick(SHAPES);
  const template = TEMPLATES[shape] as (f: Filler, s: SourceType) => string;
  let code = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    let pieces: Pieces | undefined;
    for (let tries = 0; tries < 2 && !pieces; tries++) pieces = piecesOf(randomProgram(rng, 'module', rng.int(2, 4)));
    const empty = attempt === 3 || !pieces;
    code = template(new Filler(rng, empty ? { statements: [], expressions: [] } : (pieces as Pieces), parser === 'typescript'), sourceType);
    if (attempt < 3) code = restyle(code, rng);
    if (parses(code, parser, sourceType)) break;
  }
  return { seed, parser, sourceType, shape, code, options };
}
