// @ts-check
// The size generator: large valid programs of the shapes that generated and machine-written code
// reaches (issue #20), each as a function of one size `n`. `tests/scale/scale.test.ts` lints each
// shape at its largest size with every rule on and asserts that nothing throws; `npm run bench --
// --scale` (scripts/bench/scale.js) times the rules at n, 2n, 4n and 8n and prints how the time grows.
// Plain JavaScript, so that the bench runs it with node and the test with vitest.
//
// Most shapes are JavaScript (espree): typescript-eslint's parser takes seconds on a file of 8,000
// members, which would be most of the test's time; constructor-work and deep-typescript keep its
// syntax (annotations, type wrappers, parameter properties) covered.
//
// A shape's size is what the input controls: links of a call chain, pieces of work, methods,
// classes, nesting depth. Flat shapes go to 8,000 and beyond. Nesting is bounded by the parsers and
// by ESLint itself before it reaches us: typescript-eslint's parser overflows its stack at about 900
// nested expressions and 390 nested blocks, espree at about 1,500 nested blocks and 5,500 `||`
// operands, and ESLint's scope analysis at about 1,950 links of a `.then()` chain (measured in
// Node 20 with its default stack, from a shallow call stack). `maxSize` is the largest size a shape
// is run at: 8,000, or about four fifths of what the parser (and ESLint's scope analysis) accept,
// since how deep they get depends on how much of the stack the caller already uses.

/** @typedef {import('./shapes.js').Shape} Shape the shape's fields, documented in shapes.d.ts */

/** @param {number} n @param {(k: number) => string} line */
const lines = (n, line) => Array.from({ length: n }, (_, k) => line(k)).join('\n');

/** @type {Shape[]} */
export const SHAPES = [
  {
    name: 'wrapper-chain',
    what: 'a constructor calls a chain of n synchronous wrapper methods; the last starts async work',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: () => ({ 'no-async-constructor': 1 }),
    generate: (n) => `class Wrapped {
  constructor(url) {
    this.url = url;
    this.w0();
  }
${lines(n, (k) => `  w${k}() {\n    this.${k === n - 1 ? 'load' : `w${k + 1}`}();\n  }`)}
  async load() {}
}
`,
  },
  {
    name: 'module-chain',
    what: 'a constructor calls a chain of n module functions; the last starts async work',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: () => ({ 'no-async-constructor': 1 }),
    generate: (n) => `async function load() {}
${lines(n, (k) => `function f${k}() {\n  ${k === n - 1 ? 'load' : `f${k + 1}`}();\n}`)}
export class Chained {
  constructor() {
    f0();
  }
}
`,
  },
  {
    name: 'shared-chain',
    what: 'n classes whose constructors call the head of one chain of n module functions; the last starts async work',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-async-constructor': n }),
    generate: (n) => `async function load() {}
${lines(n, (k) => `function f${k}() {\n  ${k === n - 1 ? 'load' : `f${k + 1}`}();\n}`)}
${lines(n, (k) => `export class S${k} {\n  constructor() {\n    f0();\n  }\n}`)}
`,
  },
  {
    name: 'module-fan-out',
    what: 'n module functions, each calling the next two (2^n paths); the last two start async work',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: () => ({ 'no-async-constructor': 1 }),
    generate: (n) => `async function load() {}
function sync() {}
${lines(n, (k) => `function f${k}() {\n  ${k + 1 < n ? `f${k + 1}` : 'sync'}();\n  ${k + 2 < n ? `f${k + 2}` : 'load'}();\n}`)}
export class FannedOut {
  constructor() {
    f0();
  }
}
`,
  },
  {
    name: 'constructor-work',
    what: 'one constructor starts n guarded pieces of work (`if (opts.fK) this.rK = this.loadK(opts.xK)`)',
    parser: 'ts',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-async-constructor': n }),
    generate: (n) => `type Options = Record<string, string | undefined>;
export class Loader {
${lines(n, (k) => `  r${k}?: Promise<string>;`)}
  constructor(opts: Options) {
${lines(n, (k) => `    if (opts.f${k}) this.r${k} = this.load${k}(opts.x${k});`)}
  }
${lines(n, (k) => `  async load${k}(x: string | undefined): Promise<string> {\n    return x ?? '${k}';\n  }`)}
}
`,
  },
  {
    name: 'background-work',
    what: 'one constructor starts n background loops (`while (this.running) await …`), each offered an explicit start',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-async-constructor': n }),
    generate: (n) => `export class Workers {
  running = true;
  constructor() {
${lines(n, (k) => `    this.poll${k}();`)}
  }
${lines(n, (k) => `  async poll${k}() {\n    while (this.running) {\n      await this.tick(${k});\n    }\n  }`)}
  async tick(k) {
    return k;
  }
  close() {
    this.running = false;
  }
}
`,
  },
  {
    name: 'many-methods',
    what: 'a class with n synchronous methods, each called by its constructor; the last starts async work',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: () => ({ 'no-async-constructor': 1 }),
    generate: (n) => `export class Wide {
${lines(n, (k) => `  v${k} = 0;`)}
  constructor() {
${lines(n, (k) => `    this.m${k}();`)}
  }
${lines(n, (k) => `  m${k}() {\n    this.v${k} = ${k};${k === n - 1 ? '\n    this.load();' : ''}\n  }`)}
  async load() {}
}
`,
  },
  {
    name: 'many-classes',
    what: 'a file of n classes, each starting async work in its constructor',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-async-constructor': n }),
    generate: (n) =>
      lines(
        n,
        (k) => `/** Connection ${k}. */
export class C${k} {
  conn;
  constructor(url) {
    this.url = url;
    this.connect(url);
  }
  async connect(url) {
    this.conn = url;
  }
}`,
      ) + '\n',
  },
  {
    name: 'many-subclasses',
    what: 'a file of n classes extending one base class, each starting the base\'s async work in its constructor',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-async-constructor': n }),
    generate: (n) => `class Base {
  async load() {}
}
${lines(n, (k) => `export class Sub${k} extends Base {\n  constructor() {\n    super();\n    this.load();\n  }\n}`)}
`,
  },
  {
    name: 'awaitable-class',
    what: 'an awaitable, disposable class with n methods, constructed and used at n call sites',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'async-dispose-requires-init': 1, 'require-awaited-init': n }),
    generate: (n) => `export class Client {
  conn;
  #init;
  constructor(url) {
    this.url = url;
  }
  async #initialize() {
    this.conn = { query: async (k) => k, close: async () => {} };
  }
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
${lines(n, (k) => `  async m${k}() {\n    return this.conn.query(${k});\n  }`)}
  async [Symbol.asyncDispose]() {
    await this.conn?.close();
  }
}
export async function main() {
${lines(n, (k) => (k % 2 === 0 ? `  await new Client('u${k}').m${k}();` : `  new Client('u${k}');`))}
}
`,
  },
  {
    name: 'disposable-class',
    what: 'a disposable class whose async init assigns n fields, n methods guard on them, and dispose reads them',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: (n) => ({ 'no-two-phase-disposable': 1, 'async-dispose-requires-init': n }),
    generate: (n) => `export class Pool {
${lines(n, (k) => `  c${k};`)}
  async connect(open) {
${lines(n, (k) => `    this.c${k} = await open();`)}
  }
${lines(n, (k) => `  q${k}() {\n    if (!this.c${k}) throw new Error('not connected');\n    return this.c${k}.query();\n  }`)}
  async [Symbol.asyncDispose]() {
${lines(n, (k) => `    await this.c${k}.close();`)}
  }
}
`,
  },
  {
    name: 'then-steps',
    what: 'a constructor extends one promise by n `.then()` steps, one statement each',
    parser: 'js',
    baseSize: 1000,
    maxSize: 8000,
    expected: () => ({ 'no-async-constructor': 1 }),
    generate: (n) => `export class Steps {
  constructor() {
    let p = this.load();
${lines(n, (k) => `    p = p.then((v) => v + ${k});`)}
    this.ready = p;
  }
  async load() {
    return 0;
  }
}
`,
  },
  {
    name: 'then-chain',
    what: 'a constructor stores one `.then()` chain of n links (espree; ESLint\'s scope analysis stops near 1,950)',
    parser: 'js',
    baseSize: 200,
    maxSize: 1600,
    expected: () => ({ 'no-async-constructor': 2 }),
    nested: true,
    generate: (n) => `export class Chain {
  constructor() {
    this.ready = this.load()${'.then((v) => v + 1)'.repeat(n)};
    this.more = this.ready${'.then((v) => v + 1)'.repeat(n)}.then(() => this.load());
  }
  async load() {
    return 0;
  }
}
`,
  },
  {
    name: 'deep-blocks',
    what: 'work nested n blocks deep in a constructor (espree; it stops near 1,530)',
    parser: 'js',
    baseSize: 150,
    maxSize: 1200,
    expected: () => ({ 'no-async-constructor': 1 }),
    nested: true,
    generate: (n) => `export class Nested {
  constructor(opts) {
    ${'if (opts.a) {\n'.repeat(n)}this.load();\n${'}'.repeat(n)}
  }
  async load() {}
}
`,
  },
  {
    name: 'deep-logical',
    what: 'work at the end of `||` chains of n operands (nested n deep), in a loop test and a background loop\'s (espree and ESLint\'s scope analysis stop near 4,000 here)',
    parser: 'js',
    baseSize: 400,
    maxSize: 3200,
    expected: () => ({ 'no-async-constructor': 3 }),
    nested: true,
    generate: (n) => `export class Either {
  constructor(opts) {
    this.poll();
    this.ready = ${lines(n, (k) => `opts.a${k} ||`)} this.load();
    while (${lines(n, (k) => `this.a${k} ||`)} this.closed) {
      this.load();
    }
  }
  async load() {}
  async poll() {
    while (${lines(n, (k) => `!this.a${k} ||`)} !this.closed) {
      await this.load();
    }
  }
}
`,
  },
  {
    name: 'deep-iife',
    what: 'work in n nested synchronous IIFEs in a constructor (espree; it stops near 240)',
    parser: 'js',
    baseSize: 23,
    maxSize: 184,
    expected: () => ({ 'no-async-constructor': 1 }),
    nested: true,
    generate: (n) => `export class Immediate {
  constructor() {
    ${'(() => {\n'.repeat(n)}this.load();\n${'})();\n'.repeat(n)}
  }
  async load() {}
}
`,
  },
  {
    name: 'deep-typescript',
    what: 'work under n nested type wrappers (`x!`, `as`) and n nested blocks (typescript-eslint\'s parser; it stops near 200 of each)',
    parser: 'ts',
    baseSize: 20,
    maxSize: 160,
    expected: () => ({ 'no-async-constructor': 2 }),
    nested: true,
    generate: (n) => `export class Wrapped {
  ready: unknown;
  constructor(opts: { a?: boolean }) {
    this.ready = ${'('.repeat(n)}this.load()${' as Promise<void>)!'.repeat(n)};
    ${'if (opts.a) {\n'.repeat(n)}void this.load();\n${'}'.repeat(n)}
  }
  async load(): Promise<void> {}
}
`,
  },
  {
    name: 'deep-callbacks',
    what: 'work in n nested `.then()` callbacks on a stored promise (espree; ESLint stops near 300)',
    parser: 'js',
    baseSize: 30,
    maxSize: 240,
    expected: () => ({ 'no-async-constructor': 1 }),
    nested: true,
    generate: (n) => `export class Continued {
  constructor(ready) {
    this.ready = ready;
    this.more = ${'this.ready.then(() => '.repeat(n)}this.load()${')'.repeat(n)};
  }
  async load() {}
}
`,
  },
  {
    name: 'deep-executors',
    what: 'work in n nested `new Promise` executors (espree; ESLint stops near 240)',
    parser: 'js',
    baseSize: 25,
    maxSize: 200,
    expected: () => ({ 'no-async-constructor': 1 }),
    nested: true,
    generate: (n) => `export class Executed {
  constructor() {
    this.done = ${'new Promise((resolve) => {\n void '.repeat(n)}this.load()${';\n resolve(); })'.repeat(n)};
  }
  async load() {}
}
`,
  },
];

/** The shape named `name`. */
export function getShape(/** @type {string} */ name) {
  const shape = SHAPES.find((candidate) => candidate.name === name);
  if (!shape) {
    throw new Error(`no scale shape named ${name}: ${SHAPES.map((candidate) => candidate.name).join(', ')}`);
  }
  return shape;
}
