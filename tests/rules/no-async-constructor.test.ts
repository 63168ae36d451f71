import path from 'node:path';

import { Linter } from 'eslint';
import { Linter as LinterV9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-async-constructor.js';
import { fixturesDir, jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

/** The two endings of the `asyncWork` message: the work's errors reach nobody, or its own handler. */
const UNHANDLED = ' and cannot catch its errors';
const HANDLED = ', and its errors go to its handler, not to them';

// Code the type tier catches and the syntax tier cannot: each is valid without types (tsTester)
// and invalid with them (typedTester), so the difference is tested as such.

/** An injected client whose `connect()` returns a promise (declared in tests/fixtures/deps.ts). */
const injectedClient = `
import type { Client } from './deps.js';

class Session {
  constructor(client: Client) {
    client.connect();
    client.close();
  }
}
`;

/** An async function imported from another module; the sync one next to it is fine. */
const importedAsyncFunction = `
import { loadConfig, syncConfig } from './deps.js';

class Settings {
  constructor() {
    loadConfig();
    syncConfig();
  }
}
`;

/** A method that returns a promise without being declared `async` or annotated. */
const promiseReturningMethod = `
class Feed {
  constructor() {
    this.refresh();
  }

  refresh() {
    return fetch('/feed');
  }
}
`;

/** `new` of a promise subclass handed an executor that does work. */
const workingPromiseSubclass = `
class Task<T> extends Promise<T> {}

class Timer {
  done = new Task<void>((resolve) => setTimeout(resolve, 10));
}
`;

/** A `void`-ed call whose type is a promise: `void` silences lint rules, not rejections. */
const voidedClientCall = `
import type { Client } from './deps.js';

class Pool {
  constructor(client: Client) {
    void client.connect();
  }
}
`;

/** Optional calls and unions that may be promises. */
const maybePromise = `
import type { Client } from './deps.js';

declare function maybeLoad(): Promise<void> | undefined;

class Lazy {
  constructor(client?: Client) {
    client?.connect();
    maybeLoad();
  }
}
`;

jsTester.run('no-async-constructor (JavaScript, espree)', rule, {
  valid: [
    // Synchronous construction.
    `
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
    `,
    // Async work started in a method, after construction, is out of scope.
    `
class Db {
  start() {
    this.connect();
  }

  get ready() {
    return this.connect();
  }

  async connect() {}
}
    `,
    // Event listeners, stored callbacks and timers run later, not during construction.
    `
class Watcher {
  constructor(emitter) {
    emitter.on('change', () => this.reload());
    emitter.once('close', async () => {
      await this.flush();
    });
    this.onChange = async () => {
      await this.reload();
    };
    this.later = () => this.reload();
    setTimeout(() => this.reload(), 10);
    queueMicrotask(() => this.reload());
  }

  async reload() {}

  async flush() {}
}
    `,
    // Callbacks stored in fields run later too.
    `
class Handler {
  handle = async () => {
    await this.load();
  };

  retry = () => this.load();

  async load() {}
}
    `,
    // `.then()`/`.catch()` on a stored promise only marks it handled: no new work.
    `
class Client {
  constructor(ready) {
    this.ready = ready;
    this.ready.then(() => {
      this.connected = true;
    });
    ready.catch(() => {});
  }
}
    `,
    // Callbacks on a stored promise that start no work: they record, report or log; a `function`
    // callback's `this` is not the instance.
    `
class Client {
  constructor(ready) {
    this.ready = ready;
    this.ready.then(() => this.emit('ready')).catch((error) => this.log(error));
    ready.then(function () {
      return this.connect();
    });
  }

  emit() {}

  log() {}

  async connect() {}
}
    `,
    // Promise.resolve().then(…) defers its callback like queueMicrotask.
    `
class Ticker {
  constructor() {
    Promise.resolve().then(() => this.tick());
  }

  tick() {}
}
    `,
    // A deferred: the executor only captures resolve/reject.
    `
class Gate {
  constructor() {
    this.opened = new Promise((res, rej) => {
      this.res = res;
      this.rej = rej;
    });
  }
}
    `,
    // Combinators over promises that already exist start no work.
    `
class Group {
  constructor(first, second, items) {
    Promise.race([first, second]);
    Promise.any(this.pending);
    Promise.all(items.map((item) => item.ready));
    Promise.all([first, second]).then(() => {});
  }
}
    `,
    // A class extending Promise passes its executor on.
    `
class Task extends Promise {
  constructor(executor) {
    super(executor);
  }
}
    `,
    // Unknown calls are not async work without types.
    `
class Service {
  constructor(client, items) {
    client.connect();
    items.forEach((item) => this.add(item));
  }

  add(item) {}
}
    `,
    // A synchronous method of the same name overrides the async one of the ancestor.
    `
class Base {
  async init() {}
}

class Child extends Base {
  constructor() {
    super();
    this.init();
  }

  init() {}
}
    `,
    // Static blocks and static fields run when the class is defined, not per construction.
    `
class Registry {
  static instance = Registry.create();

  static {
    this.load();
  }

  static async create() {}

  static async load() {}
}
    `,
    // Object literals with a `constructor` key are not classes.
    `
const prototype = {
  constructor() {
    this.load();
  },
  'constructor'() {
    this.load();
  },
  async load() {},
};
    `,
    // A computed ['constructor'] key is an ordinary method, not the constructor.
    `
class Odd {
  ['constructor']() {
    this.load();
  }

  async load() {}
}
    `,
    // Generators defined in the constructor run when iterated.
    `
class Stream {
  constructor() {
    this.items = (function* () {
      yield fetch('/a');
    })();
  }
}
    `,
    // Calling an async generator starts nothing until it is iterated.
    `
async function* lines() {}

class Reader {
  constructor() {
    this.lines = lines();
    this.entries = this.each();
  }

  async *each() {}
}
    `,
    // Inner classes' members run when they are used; the outer constructor only defines them.
    `
class Outer {
  async make() {
    return new (class {
      value = 1;
    })();
  }
}
    `,
    // A class that extends itself or a call: no crash, nothing to resolve.
    `
class Loop extends Loop {
  constructor() {
    super();
    this.load();
  }
}
class Mixed extends mixin(Base) {
  constructor() {
    super();
    this.load();
  }
}
    `,
    // A local binding named Promise is not the global.
    `
class Promise {
  static all() {}
}

class Local {
  constructor() {
    Promise.all([fetch('/a')]);
  }
}
    `,
    // checkFieldInitializers: false leaves field initialisers alone.
    {
      code: `
class Cache {
  ready = this.load();

  async load() {}
}
      `,
      options: [{ checkFieldInitializers: false }],
    },
    // allowReadyPromise: the promise is kept on `this`, where callers can await it.
    {
      code: `
class Db {
  ready = this.init();

  constructor() {
    this.connected = this.connect();
    this.warm = this.init().catch(() => {});
  }

  async init() {}

  async connect() {}
}
      `,
      options: [{ allowReadyPromise: true }],
    },
    // allowForKnownSafeCalls: names and callees as written.
    {
      code: `
async function warmUp() {}

class Cache {
  constructor() {
    warmUp();
    this.warmUp();
    this.prime.call(this);
    this.refresh();
  }

  async warmUp() {}

  async prime() {}

  async refresh() {}
}
      `,
      options: [{ allowForKnownSafeCalls: ['warmUp', 'prime', 'this.refresh'] }],
    },
  ],
  invalid: [
    // Work continued from a stored promise: a callback that starts work once it settles (B3); an
    // async callback; a background loop started that way (no transform awaits it).
    {
      code: `
class TwoStageLoader {
  constructor() {
    this.ready = this.load();
    this.ready.then(() => this.more());
  }

  async load() {}

  async more() {}
}
     `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class TwoStageLoader {
  static async create() {
    const twoStageLoader = new TwoStageLoader();
    twoStageLoader.ready = twoStageLoader.load();
    await Promise.all([
      twoStageLoader.ready,
      twoStageLoader.ready.then(() => twoStageLoader.more()),
    ]);
    return twoStageLoader;
  }

  async load() {}

  async more() {}
}
     `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class TwoStageLoader {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    this.ready = this.load();
    await Promise.all([
      this.ready,
      this.ready.then(() => this.more()),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}

  async more() {}
}
     `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class TwoStageLoader {
  static async create() {
    const twoStageLoader = new TwoStageLoader();
    twoStageLoader.ready = twoStageLoader.load();
    await Promise.all([
      twoStageLoader.ready,
      twoStageLoader.ready.then(() => twoStageLoader.more()),
    ]);
    return twoStageLoader;
  }

  async load() {}

  async more() {}
}
     `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class TwoStageLoader {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    this.ready = this.load();
    await Promise.all([
      this.ready,
      this.ready.then(() => this.more()),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}

  async more() {}
}
     `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Session {
  constructor(ready) {
    ready.then(async () => {
      await this.sync();
    });
  }

  sync() {}
}
     `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  static async create(ready) {
    const session = new Session();
    await ready.then(async () => {
      await session.sync();
    });
    return session;
  }

  sync() {}
}
     `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  /** @type {unknown} */
  #ready;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(ready) {
    this.#ready = ready;
  }

  async #initialize() {
    await this.#ready.then(async () => {
      await this.sync();
    });
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  sync() {}
}
     `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Consumer {
  running = true;

  constructor(ready) {
    this.ready = ready;
    this.ready.then(() => this.run()).catch(() => {});
  }

  async run() {
    while (this.running) {
      await this.poll();
    }
  }

  poll() {}

  close() {
    this.running = false;
  }
}
     `,
      errors: [
        {
          messageId: 'backgroundWork',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestStart',
              output: `
class Consumer {
  running = true;

  constructor(ready) {
    this.ready = ready;
  }

  start() {
    this.ready.then(() => this.run()).catch(() => {});
  }

  async run() {
    while (this.running) {
      await this.poll();
    }
  }

  poll() {}

  close() {
    this.running = false;
  }
}
     `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Db {
  constructor() {
    this.connect();
  }

  async connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Db`'s constructor", work: '`this.connect()`', className: 'Db', errors: UNHANDLED },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create() {
    const db = new Db();
    await db.connect();
    return db;
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // #private async methods.
    {
      code: `
class Db {
  constructor() {
    this.#connect();
  }

  async #connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create() {
    const db = new Db();
    await db.#connect();
    return db;
  }

  async #connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.#connect();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async #connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // An async method of an ancestor declared in the same file, called after super().
    {
      code: `
class Base {
  async init() {}
}

class Child extends Base {
  constructor() {
    super();
    this.init();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Base {
  async init() {}
}

class Child extends Base {
  static async create() {
    const child = new Child();
    await child.init();
    return child;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  async init() {}
}

class Child extends Base {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.init();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // super.x() calls the ancestor's async method.
    {
      code: `
class Base {
  async init() {}
}

class Child extends Base {
  constructor() {
    super();
    super.init();
  }

  init() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Child`'s constructor", work: '`super.init()`', className: 'Child', errors: UNHANDLED },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Base {
  async init() {}
}

class Child extends Base {
  /** @type {Promise<unknown>} */
  #initializing;

  constructor() {
    super();
    this.#initializing = super.init();
  }

  static async create() {
    const child = new Child();
    await child.#initializing;
    return child;
  }

  init() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  async init() {}
}

class Child extends Base {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await super.init();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  init() {}
}
      `,
            },
          ],
        },
      ],
    },
    // Optional calls of an async method.
    {
      code: `
class Db {
  constructor() {
    this.connect?.();
  }

  async connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create() {
    const db = new Db();
    await db.connect?.();
    return db;
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect?.();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // this.x.call(this) runs the async method too.
    {
      code: `
class Db {
  constructor() {
    this.connect.call(this);
  }

  async connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create() {
    const db = new Db();
    await db.connect.call(db);
    return db;
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect.call(this);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // Async functions of the same module: declarations and const-bound function expressions.
    {
      code: `
async function load() {}
const save = async () => {};

class Store {
  constructor() {
    load();
    save();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
async function load() {}
const save = async () => {};

class Store {
  static async create() {
    const store = new Store();
    await Promise.all([
      load(),
      save(),
    ]);
    return store;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
async function load() {}
const save = async () => {};

class Store {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      load(),
      save(),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
async function load() {}
const save = async () => {};

class Store {
  static async create() {
    const store = new Store();
    await Promise.all([
      load(),
      save(),
    ]);
    return store;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
async function load() {}
const save = async () => {};

class Store {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      load(),
      save(),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // A .then/.catch/.finally chain on a call: the whole chain is the report.
    {
      code: `
class Feed {
  constructor() {
    this.load().then(() => {}).catch(() => {});
    fetch('/feed').finally(() => {});
  }

  async load() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Feed`'s constructor", work: '`this.load()`', className: 'Feed', errors: HANDLED },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create() {
    const feed = new Feed();
    await Promise.all([
      feed.load().then(() => {}).catch(() => {}),
      fetch('/feed').finally(() => {}),
    ]);
    return feed;
  }

  async load() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      this.load().then(() => {}).catch(() => {}),
      fetch('/feed').finally(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          data: { where: "`Feed`'s constructor", work: '`fetch()`', className: 'Feed', errors: UNHANDLED },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create() {
    const feed = new Feed();
    await Promise.all([
      feed.load().then(() => {}).catch(() => {}),
      fetch('/feed').finally(() => {}),
    ]);
    return feed;
  }

  async load() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      this.load().then(() => {}).catch(() => {}),
      fetch('/feed').finally(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}
}
      `,
            },
          ],
        },
      ],
    },
    // A chain on an assignment that starts work: the work inside is reported.
    {
      code: `
class Db {
  constructor() {
    (this.ready = this.init()).catch(() => {});
  }

  async init() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Db {
  /** @type {unknown[]} */
  #pendingInit = [];

  constructor() {
    (this.ready = this.#trackInit(this.init())).catch(() => {});
  }

  static async create() {
    const db = new Db();
    await Promise.all(db.#pendingInit);
    return db;
  }

  async init() {}

  /**
   * @template T
   * @param {T} work
   * @returns {T}
   */
  #trackInit(work) {
    this.#pendingInit.push(work);
    return work;
  }
}
      `,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  /** @type {unknown[]} */
  #pendingInit = [];
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    (this.ready = this.#trackInit(this.init())).catch(() => {});
  }

  async #initialize() {
    await Promise.all(this.#pendingInit);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async init() {}

  /**
   * @template T
   * @param {T} work
   * @returns {T}
   */
  #trackInit(work) {
    // Handled here so that a late await is no unhandled rejection; awaiting the instance still rejects with it.
    Promise.resolve(work).catch(() => undefined);
    this.#pendingInit.push(work);
    return work;
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Async IIFEs, arrow and function, including `.call(this)`.
    {
      code: `
class Cache {
  constructor() {
    (async () => {
      await this.fill();
    })();
    (async function () {
      await this.fill();
    }).call(this);
  }

  fill() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Cache`'s constructor", work: 'an async IIFE', className: 'Cache', errors: UNHANDLED },
          line: 4,
          column: 5,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  static async create() {
    const cache = new Cache();
    await Promise.all([
      (async () => {
        await cache.fill();
      })(),
      (async function () {
        await this.fill();
      }).call(cache),
    ]);
    return cache;
  }

  fill() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      (async () => {
        await this.fill();
      })(),
      (async function () {
        await this.fill();
      }).call(this),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  fill() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 7,
          column: 5,
          endLine: 9,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  static async create() {
    const cache = new Cache();
    await Promise.all([
      (async () => {
        await cache.fill();
      })(),
      (async function () {
        await this.fill();
      }).call(cache),
    ]);
    return cache;
  }

  fill() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await Promise.all([
      (async () => {
        await this.fill();
      })(),
      (async function () {
        await this.fill();
      }).call(this),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  fill() {}
}
      `,
            },
          ],
        },
      ],
    },
    // A synchronous IIFE runs now: the async work inside it is reported.
    {
      code: `
class Cache {
  constructor() {
    (() => {
      this.fill();
    })();
  }

  async fill() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Cache {
  /** @type {unknown[]} */
  #pendingInit = [];

  constructor() {
    (() => {
      this.#trackInit(this.fill());
    })();
  }

  static async create() {
    const cache = new Cache();
    await Promise.all(cache.#pendingInit);
    return cache;
  }

  async fill() {}

  /** @param {unknown} work */
  #trackInit(work) {
    this.#pendingInit.push(work);
  }
}
      `,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Cache {
  /** @type {unknown[]} */
  #pendingInit = [];
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    (() => {
      this.#trackInit(this.fill());
    })();
  }

  async #initialize() {
    await Promise.all(this.#pendingInit);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async fill() {}

  /** @param {unknown} work */
  #trackInit(work) {
    // Handled here so that a late await is no unhandled rejection; awaiting the instance still rejects with it.
    Promise.resolve(work).catch(() => undefined);
    this.#pendingInit.push(work);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Async callbacks of synchronous array methods, and async work inside sync callbacks.
    {
      code: `
class Loader {
  constructor(items) {
    items.forEach(async (item) => {
      await item.load();
    });
    items.map((item) => this.load(item));
  }

  async load(item) {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Loader`'s constructor", work: 'an async callback', className: 'Loader', errors: UNHANDLED },
          line: 4,
          column: 19,
          endLine: 6,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loader {
  static async create(items) {
    const loader = new Loader();
    const pending = [];
    pending.push(...items.map(async (item) => {
      await item.load();
    }));
    pending.push(...items.map((item) => loader.load(item)));
    await Promise.all(pending);
    return loader;
  }

  async load(item) {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loader {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    const pending = [];
    pending.push(...this.#items.map(async (item) => {
      await item.load();
    }));
    pending.push(...this.#items.map((item) => this.load(item)));
    await Promise.all(pending);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load(item) {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loader {
  static async create(items) {
    const loader = new Loader();
    const pending = [];
    pending.push(...items.map(async (item) => {
      await item.load();
    }));
    pending.push(...items.map((item) => loader.load(item)));
    await Promise.all(pending);
    return loader;
  }

  async load(item) {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loader {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    const pending = [];
    pending.push(...this.#items.map(async (item) => {
      await item.load();
    }));
    pending.push(...this.#items.map((item) => this.load(item)));
    await Promise.all(pending);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load(item) {}
}
      `,
            },
          ],
        },
      ],
    },
    // new Promise whose executor does work (a timer, I/O), or is async.
    {
      code: `
class Timer {
  constructor() {
    new Promise((resolve) => {
      setTimeout(resolve, 10);
    });
    this.done = new Promise(async (resolve) => {
      resolve();
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Timer`'s constructor", work: '`new Promise(…)`', className: 'Timer', errors: UNHANDLED },
          line: 4,
          column: 5,
          endLine: 6,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Timer {
  static async create() {
    const timer = new Timer();
    const pending = [];
    pending.push(new Promise((resolve) => {
      setTimeout(resolve, 10);
    }));
    timer.done = new Promise(async (resolve) => {
      resolve();
    });
    pending.push(timer.done);
    await Promise.all(pending);
    return timer;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Timer {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    const pending = [];
    pending.push(new Promise((resolve) => {
      setTimeout(resolve, 10);
    }));
    this.done = new Promise(async (resolve) => {
      resolve();
    });
    pending.push(this.done);
    await Promise.all(pending);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 7,
          column: 17,
          endLine: 9,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Timer {
  static async create() {
    const timer = new Timer();
    const pending = [];
    pending.push(new Promise((resolve) => {
      setTimeout(resolve, 10);
    }));
    timer.done = new Promise(async (resolve) => {
      resolve();
    });
    pending.push(timer.done);
    await Promise.all(pending);
    return timer;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Timer {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    const pending = [];
    pending.push(new Promise((resolve) => {
      setTimeout(resolve, 10);
    }));
    this.done = new Promise(async (resolve) => {
      resolve();
    });
    pending.push(this.done);
    await Promise.all(pending);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Promise.all/allSettled/any/race over new work.
    {
      code: `
class Group {
  constructor(items) {
    Promise.all([this.first(), this.second()]);
    Promise.allSettled(items.map((item) => item.load()));
    Promise.any([fetch('/a'), fetch('/b')]);
    Promise.race([fetch('/a')]).then(() => {});
  }

  async first() {}

  async second() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Group`'s constructor", work: '`Promise.all(…)`', className: 'Group', errors: UNHANDLED },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Group {
  static async create(items) {
    const group = new Group();
    await Promise.all([
      Promise.all([group.first(), group.second()]),
      Promise.allSettled(items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
    return group;
  }

  async first() {}

  async second() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Group {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    await Promise.all([
      Promise.all([this.first(), this.second()]),
      Promise.allSettled(this.#items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async first() {}

  async second() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Group {
  static async create(items) {
    const group = new Group();
    await Promise.all([
      Promise.all([group.first(), group.second()]),
      Promise.allSettled(items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
    return group;
  }

  async first() {}

  async second() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Group {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    await Promise.all([
      Promise.all([this.first(), this.second()]),
      Promise.allSettled(this.#items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async first() {}

  async second() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Group {
  static async create(items) {
    const group = new Group();
    await Promise.all([
      Promise.all([group.first(), group.second()]),
      Promise.allSettled(items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
    return group;
  }

  async first() {}

  async second() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Group {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    await Promise.all([
      Promise.all([this.first(), this.second()]),
      Promise.allSettled(this.#items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async first() {}

  async second() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          data: { where: "`Group`'s constructor", work: '`Promise.race(…)`', className: 'Group', errors: UNHANDLED },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Group {
  static async create(items) {
    const group = new Group();
    await Promise.all([
      Promise.all([group.first(), group.second()]),
      Promise.allSettled(items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
    return group;
  }

  async first() {}

  async second() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Group {
  /** @type {unknown} */
  #items;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(items) {
    this.#items = items;
  }

  async #initialize() {
    await Promise.all([
      Promise.all([this.first(), this.second()]),
      Promise.allSettled(this.#items.map((item) => item.load())),
      Promise.any([fetch('/a'), fetch('/b')]),
      Promise.race([fetch('/a')]).then(() => {}),
    ]);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async first() {}

  async second() {}
}
      `,
            },
          ],
        },
      ],
    },
    // The "async constructor" trick: returning a promise.
    {
      code: `
class Db {
  constructor() {
    return this.init();
  }

  async init() {}
}
      `,
      errors: [
        {
          messageId: 'returnsPromise',
          data: { work: '`this.init()`', className: 'Db' },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      code: `
class Db {
  constructor() {
    return (async () => {
      await this.connect();
      return this;
    })();
  }

  connect() {}
}
      `,
      errors: [{ messageId: 'returnsPromise', line: 4, column: 12, endLine: 7, endColumn: 9, suggestions: [] }],
    },
    {
      code: `
class Db {
  constructor() {
    return Promise.resolve(this);
  }
}
      `,
      errors: [{ messageId: 'returnsPromise', line: 4, column: 12, endLine: 4, endColumn: 33, suggestions: [] }],
    },
    // Work started after super(), and in super()'s arguments.
    {
      code: `
async function open() {}

class Base {}

class Child extends Base {
  constructor() {
    super(open());
    this.load();
  }

  async load() {}
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 8, column: 11, endLine: 8, endColumn: 17, suggestions: [] },
        { messageId: 'asyncWork', line: 9, column: 5, endLine: 9, endColumn: 16, suggestions: [] },
      ],
    },
    // Parameter defaults run during construction.
    {
      code: `
async function open() {}

class Db {
  constructor(connection = open()) {
    this.connection = connection;
  }
}
      `,
      errors: [{ messageId: 'asyncWork', line: 5, column: 28, endLine: 5, endColumn: 34, suggestions: [] }],
    },
    // Field initialisers run during construction.
    {
      code: `
class Cache {
  ready = this.load();

  async load() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: 'The initialiser of `Cache.ready`', work: '`this.load()`', className: 'Cache', errors: UNHANDLED },
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  ready;

  static async create() {
    const cache = new Cache();
    cache.ready = cache.load();
    await cache.ready;
    return cache;
  }

  async load() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  ready;
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    this.ready = this.load();
    await this.ready;
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}
}
      `,
            },
          ],
        },
      ],
    },
    // A string-named 'constructor' is the constructor.
    {
      code: `
class Db {
  'constructor'() {
    this.connect();
  }

  async connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create() {
    const db = new Db();
    await db.connect();
    return db;
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // Class expressions, named by their binding or anonymous.
    {
      code: `
const Db = class {
  constructor() {
    this.connect();
  }

  async connect() {}
};

export default class {
  constructor() {
    this.connect();
  }

  async connect() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Db`'s constructor", work: '`this.connect()`', className: 'Db', errors: UNHANDLED },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
const Db = class {
  static async create() {
    const db = new Db();
    await db.connect();
    return db;
  }

  async connect() {}
};

export default class {
  constructor() {
    this.connect();
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
const Db = class {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
};

export default class {
  constructor() {
    this.connect();
  }

  async connect() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          data: { where: "`(anonymous class)`'s constructor", work: '`this.connect()`', className: '(anonymous class)', errors: UNHANDLED },
          line: 12,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
const Db = class {
  constructor() {
    this.connect();
  }

  async connect() {}
};

export default class {
  static async create() {
    const instance = new this();
    await instance.connect();
    return instance;
  }

  async connect() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
const Db = class {
  constructor() {
    this.connect();
  }

  async connect() {}
};

export default class {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.connect();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async connect() {}
}
      `,
            },
          ],
        },
      ],
    },
    // A class defined inside a constructor is checked on its own.
    {
      code: `
class Outer {
  constructor() {
    this.Inner = class Inner {
      constructor() {
        this.load();
      }

      async load() {}
    };
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Inner`'s constructor", work: '`this.load()`', className: 'Inner', errors: UNHANDLED },
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Outer {
  constructor() {
    this.Inner = class Inner {
      static async create() {
        const inner = new Inner();
        await inner.load();
        return inner;
      }

      async load() {}
    };
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Outer {
  constructor() {
    this.Inner = class Inner {
      /** @type {Promise<void> | undefined} */
      #init;

      async #initialize() {
        await this.load();
      }

      /**
       * @param {((value: this) => unknown) | null} [onfulfilled]
       * @param {((reason: unknown) => unknown) | null} [onrejected]
       */
      then(onfulfilled, onrejected) {
        this.#init ??= this.#initialize().then(() => {
          Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
        });
        return this.#init.then(() => this).then(onfulfilled, onrejected);
      }

      async load() {}
    };
  }
}
      `,
            },
          ],
        },
      ],
    },
    // allowReadyPromise does not allow work whose promise is dropped or kept in a local.
    {
      code: `
class Db {
  constructor() {
    this.ready = this.init();
    const pending = this.init();
    this.init();
  }

  async init() {}
}
      `,
      options: [{ allowReadyPromise: true }],
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor() {
    this.ready = this.init();
  }

  static async create() {
    const db = new Db();
    const pendingWork = [];
    const pending = db.init();
    pendingWork.push(pending);
    pendingWork.push(db.init());
    await Promise.all(pendingWork);
    return db;
  }

  async init() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    this.ready = this.init();
  }

  async #initialize() {
    const pendingWork = [];
    const pending = this.init();
    pendingWork.push(pending);
    pendingWork.push(this.init());
    await Promise.all(pendingWork);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async init() {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor() {
    this.ready = this.init();
  }

  static async create() {
    const db = new Db();
    const pendingWork = [];
    const pending = db.init();
    pendingWork.push(pending);
    pendingWork.push(db.init());
    await Promise.all(pendingWork);
    return db;
  }

  async init() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    this.ready = this.init();
  }

  async #initialize() {
    const pendingWork = [];
    const pending = this.init();
    pendingWork.push(pending);
    pendingWork.push(this.init());
    await Promise.all(pendingWork);
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async init() {}
}
      `,
            },
          ],
        },
      ],
    },
    // checkFieldInitializers: false still checks the constructor.
    {
      code: `
class Cache {
  ready = this.load();

  constructor() {
    this.load();
  }

  async load() {}
}
      `,
      options: [{ checkFieldInitializers: false }],
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  ready = this.load();

  static async create() {
    const cache = new Cache();
    await cache.load();
    return cache;
  }

  async load() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  ready = this.load();
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.load();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async load() {}
}
      `,
            },
          ],
        },
      ],
    },
    // The allowlist matches names exactly.
    {
      code: `
class Cache {
  constructor() {
    this.warmUpAll();
  }

  async warmUpAll() {}
}
      `,
      options: [{ allowForKnownSafeCalls: ['warmUp', 'this.warmUp'] }],
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  static async create() {
    const cache = new Cache();
    await cache.warmUpAll();
    return cache;
  }

  async warmUpAll() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    await this.warmUpAll();
  }

  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }

  async warmUpAll() {}
}
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsTester.run('no-async-constructor (TypeScript without types)', rule, {
  valid: [
    // The type tier's catches: without a program they are not reported, and nothing throws.
    injectedClient,
    importedAsyncFunction,
    promiseReturningMethod,
    workingPromiseSubclass,
    voidedClientCall,
    maybePromise,
    // `declare class` and classes in `declare module`: no code runs there.
    `
declare class Db {
  constructor(url: string);
  ready: Promise<void>;
  connect(): Promise<void>;
}

declare module 'db' {
  class Pool {
    constructor();
    ready: Promise<void>;
  }
}
    `,
    // A declaration file.
    {
      code: `
export declare class Db {
  constructor(url: string);
  ready: Promise<void>;
  connect(): Promise<void>;
}

export declare function openDb(url: string): Promise<Db>;
      `,
      filename: 'declarations.d.ts',
    },
    // Constructor overloads: only the implementation's body runs.
    `
class Db {
  url: string;

  constructor(url: string);
  constructor(url: URL);
  constructor(url: string | URL) {
    this.url = String(url);
  }

  async connect(): Promise<void> {}
}
    `,
    // An abstract class with no constructor work; abstract members do not run.
    `
abstract class Base {
  abstract init(): Promise<void>;

  start(): Promise<void> {
    return this.init();
  }
}
    `,
    // Decorators and parameter properties without async work.
    `
declare function decorate(...args: unknown[]): any;

@decorate
class Db {
  @decorate retries = 1;

  constructor(@decorate private readonly url: string) {
    this.retries = url.length;
  }
}
    `,
    // A function-typed field is not a method declaration the syntax tier can read.
    `
class Db {
  connect!: () => Promise<void>;

  constructor() {
    this.connect();
  }
}
    `,
    // Promise.withResolvers() is a deferred.
    `
class Gate {
  opened: Promise<void>;
  open: () => void;

  constructor() {
    const { promise, resolve } = Promise.withResolvers<void>();
    this.opened = promise;
    this.open = resolve;
  }
}
    `,
  ],
  invalid: [
    // Methods annotated as returning Promise/PromiseLike, in the class or an ancestor.
    {
      code: `
class Db {
  constructor() {
    this.connect();
    this.ping();
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  ping(): PromiseLike<void> {
    return Promise.resolve();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(): Promise<Db> {
    const db = new Db();
    await Promise.all([
      db.connect(),
      db.ping(),
    ]);
    return db;
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  ping(): PromiseLike<void> {
    return Promise.resolve();
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      this.connect(),
      this.ping(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  ping(): PromiseLike<void> {
    return Promise.resolve();
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(): Promise<Db> {
    const db = new Db();
    await Promise.all([
      db.connect(),
      db.ping(),
    ]);
    return db;
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  ping(): PromiseLike<void> {
    return Promise.resolve();
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      this.connect(),
      this.ping(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  ping(): PromiseLike<void> {
    return Promise.resolve();
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Abstract methods annotated Promise in an ancestor declared in the same file.
    {
      code: `
abstract class Base {
  abstract init(): Promise<void>;
}

abstract class Child extends Base {
  constructor() {
    super();
    this.init();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestThenable',
              output: `
abstract class Base {
  abstract init(): Promise<void>;
}

abstract class Child extends Base {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.init();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Functions of this module annotated as returning a promise, including `declare function`.
    {
      code: `
declare function open(): Promise<void>;

function load(): Promise<void> {
  return Promise.resolve();
}

class Store {
  constructor() {
    open();
    load();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
declare function open(): Promise<void>;

function load(): Promise<void> {
  return Promise.resolve();
}

class Store {
  static async create(): Promise<Store> {
    const store = new Store();
    await Promise.all([
      open(),
      load(),
    ]);
    return store;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
declare function open(): Promise<void>;

function load(): Promise<void> {
  return Promise.resolve();
}

class Store {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      open(),
      load(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
declare function open(): Promise<void>;

function load(): Promise<void> {
  return Promise.resolve();
}

class Store {
  static async create(): Promise<Store> {
    const store = new Store();
    await Promise.all([
      open(),
      load(),
    ]);
    return store;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
declare function open(): Promise<void>;

function load(): Promise<void> {
  return Promise.resolve();
}

class Store {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      open(),
      load(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // `accessor` fields are initialised during construction.
    {
      code: `
class Cache {
  accessor ready = this.load();

  async load(): Promise<void> {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: 'The initialiser of `Cache.ready`', work: '`this.load()`', className: 'Cache', errors: UNHANDLED },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Cache {
  accessor ready = this.load();

  static async create(): Promise<Cache> {
    const cache = new Cache();
    await cache.ready;
    return cache;
  }

  async load(): Promise<void> {}
}
      `,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Cache {
  #init: Promise<void> | undefined;

  accessor ready = this.#handled(this.load());

  async #initialize(): Promise<void> {
    await this.ready;
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async load(): Promise<void> {}

  /** Awaited by \`then\`, maybe late: handled now, so a failure meanwhile is no unhandled rejection. */
  #handled<T>(work: T): T {
    Promise.resolve(work).catch(() => undefined);
    return work;
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Type wrappers around the work do not hide it.
    {
      code: `
class Db {
  constructor() {
    (this.connect() as Promise<void>).catch(() => {});
    this.connect()!;
  }

  async connect(): Promise<void> {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(): Promise<Db> {
    const db = new Db();
    await Promise.all([
      (db.connect() as Promise<void>).catch(() => {}),
      db.connect()!,
    ]);
    return db;
  }

  async connect(): Promise<void> {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      (this.connect() as Promise<void>).catch(() => {}),
      this.connect()!,
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async connect(): Promise<void> {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(): Promise<Db> {
    const db = new Db();
    await Promise.all([
      (db.connect() as Promise<void>).catch(() => {}),
      db.connect()!,
    ]);
    return db;
  }

  async connect(): Promise<void> {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      (this.connect() as Promise<void>).catch(() => {}),
      this.connect()!,
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async connect(): Promise<void> {}
}
      `,
            },
          ],
        },
      ],
    },
    // Parameter properties' defaults run during construction.
    {
      code: `
async function open(): Promise<number> {
  return 1;
}

class Db {
  constructor(private readonly connection = open()) {}
}
      `,
      errors: [{ messageId: 'asyncWork', line: 7, column: 45, endLine: 7, endColumn: 51, suggestions: [] }],
    },
    // Overloaded constructors: the implementation's work is reported once.
    {
      code: `
class Db {
  constructor(url: string);
  constructor(url: URL);
  constructor(url: string | URL) {
    this.connect(String(url));
  }

  async connect(url: string): Promise<void> {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  #connecting: Promise<unknown>;
  #init: Promise<void> | undefined;

  constructor(url: string);
  constructor(url: URL);
  constructor(url: string | URL) {
    this.#connecting = this.#handled(this.connect(String(url)));
  }

  async #initialize(): Promise<void> {
    await this.#connecting;
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async connect(url: string): Promise<void> {}

  /** Awaited by \`then\`, maybe late: handled now, so a failure meanwhile is no unhandled rejection. */
  #handled<T>(work: T): T {
    Promise.resolve(work).catch(() => undefined);
    return work;
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Db {
  constructor() {
    return this.init() as unknown as Db;
  }

  async init(): Promise<void> {}
}
      `,
      errors: [{ messageId: 'returnsPromise', line: 4, column: 12, endLine: 4, endColumn: 40, suggestions: [] }],
    },
  ],
});

typedTester.run('no-async-constructor (TypeScript with types)', rule, {
  valid: [
    // `any` and `unknown` say nothing: not reported.
    `
class Loose {
  constructor(client: any, value: unknown) {
    client.connect();
    (value as any).connect();
    client();
  }
}
    `,
    // A class extending Promise calling super(executor).
    `
class Task<T> extends Promise<T> {
  constructor(executor: (resolve: (value: T) => void, reject: (reason?: unknown) => void) => void) {
    super(executor);
  }
}
    `,
    // Constructing a thenable starts nothing by itself: deferreds and lazy thenables.
    `
class Job {
  then(resolve: () => void) {
    resolve();
  }
}

class ManualPromise<T> extends Promise<T> {
  constructor() {
    super(() => {});
  }
}

class Worker {
  job = new Job();
  closed = new ManualPromise<void>();
}
    `,
    // `.then()` on stored promises, and synchronous calls of a client.
    `
import type { Client } from './deps.js';

class Session {
  ready: Promise<void>;

  constructor(client: Client, ready: Promise<void>) {
    this.ready = ready;
    this.ready.then(
      () => {},
      () => {},
    );
    ready.catch(() => {});
    client.close();
  }
}
    `,
    // Listeners and timers that call the client later.
    `
import type { Client } from './deps.js';

class Session {
  constructor(client: Client, emitter: { on(event: string, listener: () => void): void }) {
    emitter.on('reconnect', () => client.connect());
    setTimeout(() => client.connect(), 10);
  }
}
    `,
    // A declaration file in the project.
    {
      code: `
// A declaration file linted by no-async-constructor's type-tier tests: nothing here runs.
export declare class Db {
  constructor(url: string);
  ready: Promise<void>;
  connect(): Promise<void>;
}

export declare function openDb(url: string): Promise<Db>;
      `,
      filename: path.join(fixturesDir, 'nac-declarations.d.ts'),
    },
    // allowForKnownSafeCalls by where the function is declared: a project file...
    {
      code: injectedClient,
      options: [{ allowForKnownSafeCalls: [{ from: 'file', name: 'connect', path: 'deps.ts' }] }],
    },
    {
      code: importedAsyncFunction,
      options: [{ allowForKnownSafeCalls: [{ from: 'file', name: ['loadConfig'] }] }],
    },
    {
      code: promiseReturningMethod,
      options: [{ allowForKnownSafeCalls: [{ from: 'file', name: 'refresh' }] }],
    },
    // ...a TypeScript lib...
    {
      code: `
class Feed {
  constructor() {
    fetch('/feed');
  }
}
      `,
      options: [{ allowForKnownSafeCalls: [{ from: 'lib', name: 'fetch' }] }],
    },
    // ...or a package.
    {
      code: `
import type { ESLint } from 'eslint';

class Linter {
  constructor(eslint: ESLint) {
    eslint.lintText('let x = 1;');
  }
}
      `,
      options: [{ allowForKnownSafeCalls: [{ from: 'package', package: 'eslint', name: 'lintText' }] }],
    },
    // allowReadyPromise with a typed client.
    {
      code: `
import type { Client } from './deps.js';

class Session {
  ready: Promise<void>;

  constructor(client: Client) {
    this.ready = client.connect();
  }
}
      `,
      options: [{ allowReadyPromise: true }],
    },
  ],
  invalid: [
    // The syntax tier's findings stay, reported once.
    {
      code: `
class Db {
  ready = this.init();

  constructor() {
    this.connect().catch(() => {});
  }

  async init(): Promise<void> {}

  async connect(): Promise<void> {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  ready!: Promise<void>;

  static async create(): Promise<Db> {
    const db = new Db();
    const pending: unknown[] = [];
    db.ready = db.init();
    pending.push(db.ready);
    pending.push(db.connect().catch(() => {}));
    await Promise.all(pending);
    return db;
  }

  async init(): Promise<void> {}

  async connect(): Promise<void> {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  ready!: Promise<void>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    const pending: unknown[] = [];
    this.ready = this.init();
    pending.push(this.ready);
    pending.push(this.connect().catch(() => {}));
    await Promise.all(pending);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async init(): Promise<void> {}

  async connect(): Promise<void> {}
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  ready!: Promise<void>;

  static async create(): Promise<Db> {
    const db = new Db();
    const pending: unknown[] = [];
    db.ready = db.init();
    pending.push(db.ready);
    pending.push(db.connect().catch(() => {}));
    await Promise.all(pending);
    return db;
  }

  async init(): Promise<void> {}

  async connect(): Promise<void> {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  ready!: Promise<void>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    const pending: unknown[] = [];
    this.ready = this.init();
    pending.push(this.ready);
    pending.push(this.connect().catch(() => {}));
    await Promise.all(pending);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  async init(): Promise<void> {}

  async connect(): Promise<void> {}
}
      `,
            },
          ],
        },
      ],
    },
    // An injected client's connect().
    {
      code: injectedClient,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Session`'s constructor", work: '`client.connect()`', className: 'Session', errors: UNHANDLED },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { Client } from './deps.js';

class Session {
  constructor(client: Client) {
    client.close();
  }

  static async create(client: Client): Promise<Session> {
    const session = new Session(client);
    await client.connect();
    return session;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { Client } from './deps.js';

class Session {
  #client: Client;
  #init: Promise<void> | undefined;

  constructor(client: Client) {
    this.#client = client;
    client.close();
  }

  async #initialize(): Promise<void> {
    await this.#client.connect();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // An async function imported from another module.
    {
      code: importedAsyncFunction,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { loadConfig, syncConfig } from './deps.js';

class Settings {
  constructor() {
    syncConfig();
  }

  static async create(): Promise<Settings> {
    const settings = new Settings();
    await loadConfig();
    return settings;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { loadConfig, syncConfig } from './deps.js';

class Settings {
  #init: Promise<void> | undefined;

  constructor() {
    syncConfig();
  }

  async #initialize(): Promise<void> {
    await loadConfig();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A method that returns a promise without being declared async.
    {
      code: promiseReturningMethod,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create(): Promise<Feed> {
    const feed = new Feed();
    await feed.refresh();
    return feed;
  }

  refresh() {
    return fetch('/feed');
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.refresh();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  refresh() {
    return fetch('/feed');
  }
}
`,
            },
          ],
        },
      ],
    },
    // A promise subclass handed an executor that does work.
    {
      code: workingPromiseSubclass,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Task<T> extends Promise<T> {}

class Timer {
  done!: Task<void>;

  static async create(): Promise<Timer> {
    const timer = new Timer();
    timer.done = new Task<void>((resolve) => setTimeout(resolve, 10));
    await timer.done;
    return timer;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Task<T> extends Promise<T> {}

class Timer {
  done!: Task<void>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    this.done = new Task<void>((resolve) => setTimeout(resolve, 10));
    await this.done;
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // `void` does not handle the rejection.
    {
      code: voidedClientCall,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { Client } from './deps.js';

class Pool {
  static async create(client: Client): Promise<Pool> {
    const pool = new Pool();
    await client.connect();
    return pool;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { Client } from './deps.js';

class Pool {
  #client: Client;
  #init: Promise<void> | undefined;

  constructor(client: Client) {
    this.#client = client;
  }

  async #initialize(): Promise<void> {
    await this.#client.connect();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // Optional calls, and unions that may be promises.
    {
      code: maybePromise,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { Client } from './deps.js';

declare function maybeLoad(): Promise<void> | undefined;

class Lazy {
  static async create(client?: Client): Promise<Lazy> {
    const lazy = new Lazy();
    await Promise.all([
      client?.connect(),
      maybeLoad(),
    ]);
    return lazy;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { Client } from './deps.js';

declare function maybeLoad(): Promise<void> | undefined;

class Lazy {
  #client: Client | undefined;
  #init: Promise<void> | undefined;

  constructor(client?: Client) {
    this.#client = client;
  }

  async #initialize(): Promise<void> {
    await Promise.all([
      this.#client?.connect(),
      maybeLoad(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { Client } from './deps.js';

declare function maybeLoad(): Promise<void> | undefined;

class Lazy {
  static async create(client?: Client): Promise<Lazy> {
    const lazy = new Lazy();
    await Promise.all([
      client?.connect(),
      maybeLoad(),
    ]);
    return lazy;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { Client } from './deps.js';

declare function maybeLoad(): Promise<void> | undefined;

class Lazy {
  #client: Client | undefined;
  #init: Promise<void> | undefined;

  constructor(client?: Client) {
    this.#client = client;
  }

  async #initialize(): Promise<void> {
    await Promise.all([
      this.#client?.connect(),
      maybeLoad(),
    ]);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // The allowlist by declaration: a wrong file or lib does not match.
    {
      code: importedAsyncFunction,
      options: [
        {
          allowForKnownSafeCalls: [
            { from: 'file', name: 'loadConfig', path: 'other.ts' },
            { from: 'lib', name: 'loadConfig' },
            { from: 'package', package: 'eslint', name: 'loadConfig' },
          ],
        },
      ],
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { loadConfig, syncConfig } from './deps.js';

class Settings {
  constructor() {
    syncConfig();
  }

  static async create(): Promise<Settings> {
    const settings = new Settings();
    await loadConfig();
    return settings;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { loadConfig, syncConfig } from './deps.js';

class Settings {
  #init: Promise<void> | undefined;

  constructor() {
    syncConfig();
  }

  async #initialize(): Promise<void> {
    await loadConfig();
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
`,
            },
          ],
        },
      ],
    },
    // Without the allowlist, the package's and the lib's async functions are reported.
    {
      code: `
import type { ESLint } from 'eslint';

class Linter {
  constructor(eslint: ESLint) {
    eslint.lintText('let x = 1;');
  }
}
      `,
      options: [{ allowForKnownSafeCalls: [{ from: 'package', package: 'typescript', name: 'lintText' }] }],
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { ESLint } from 'eslint';

class Linter {
  static async create(eslint: ESLint): Promise<Linter> {
    const linter = new Linter();
    await eslint.lintText('let x = 1;');
    return linter;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { ESLint } from 'eslint';

class Linter {
  #eslint: ESLint;
  #init: Promise<void> | undefined;

  constructor(eslint: ESLint) {
    this.#eslint = eslint;
  }

  async #initialize(): Promise<void> {
    await this.#eslint.lintText('let x = 1;');
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Feed {
  constructor() {
    fetch('/feed');
  }
}
      `,
      options: [{ allowForKnownSafeCalls: [{ from: 'file', name: 'fetch' }] }],
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create(): Promise<Feed> {
    const feed = new Feed();
    await fetch('/feed');
    return feed;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await fetch('/feed');
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}
      `,
            },
          ],
        },
      ],
    },
    // The injected client's promise returned from the constructor.
    {
      code: `
import type { Client } from './deps.js';

class Session {
  constructor(client: Client) {
    return client.connect();
  }
}
      `,
      errors: [
        {
          messageId: 'returnsPromise',
          data: { work: '`client.connect()`', className: 'Session' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
  ],
});

describe('no-async-constructor options', () => {
  // ESLint validates options against the rule's schema before the rule runs and throws.
  // The two majors' Linter types differ in overloads; both take (code, flat config array).
  type AnyLinter = new () => { verify(code: string, config: object[]): unknown };
  const lint = (LinterClass: AnyLinter, options: unknown[]): void => {
    new LinterClass().verify('class A {}', [
      {
        // RuleCreator's rule type is not ESLint's Rule.RuleModule (typescript-eslint#11573): same shape at run time.
        plugins: { 'async-init': { rules: { 'no-async-constructor': rule } } },
        rules: { 'async-init/no-async-constructor': ['error', ...options] },
      },
    ]);
  };

  it('accepts the documented options', () => {
    expect(() =>
      lint(Linter, [
        {
          checkFieldInitializers: false,
          allowReadyPromise: true,
          allowForKnownSafeCalls: [
            'warmUp',
            'this.cache.warm',
            { from: 'file', name: 'connect', path: 'src/db.ts' },
            { from: 'lib', name: ['fetch'] },
            { from: 'package', package: 'ioredis', name: ['connect', 'ping'] },
          ],
        },
      ]),
    ).not.toThrow();
  });

  it.each([
    ['an unknown property', { checkFields: true }, 'Unexpected property "checkFields"'],
    ['a boolean given as a string', { allowReadyPromise: 'yes' }, 'Value "yes" should be boolean'],
    ['an unknown `from`', { allowForKnownSafeCalls: [{ from: 'npm', name: 'x' }] }, 'should match exactly one schema in oneOf'],
    ['a specifier without a name', { allowForKnownSafeCalls: [{ from: 'lib' }] }, "should have required property 'name'"],
    ['an empty list of names', { allowForKnownSafeCalls: [{ from: 'lib', name: [] }] }, 'should NOT have fewer than 1 items'],
    [
      'a package specifier without the package',
      { allowForKnownSafeCalls: [{ from: 'package', name: 'connect' }] },
      "should have required property 'package'",
    ],
    ['`path` on a lib specifier', { allowForKnownSafeCalls: [{ from: 'lib', name: 'x', path: 'a.ts' }] }, 'should match exactly one schema in oneOf'],
    ['a number in the allowlist', { allowForKnownSafeCalls: [1] }, 'Value 1 should be string'],
  ])('rejects %s with ESLint 10 and 9', (_label, options, message) => {
    expect(() => lint(Linter, [options])).toThrow(message);
    expect(() => lint(LinterV9, [options])).toThrow(message);
  });

  it('rejects a second options object', () => {
    expect(() => lint(Linter, [{}, {}])).toThrow('should NOT have more than 1 items');
  });
});
