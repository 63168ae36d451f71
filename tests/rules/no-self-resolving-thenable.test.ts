import * as tsParser from '@typescript-eslint/parser';

import rule from '../../src/rules/no-self-resolving-thenable.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

/** typescript-eslint's AST without its parser services, as oxlint's jsPlugins see a `.ts` file. */
const parserWithoutServices = {
  parseForESLint(code: string, options: tsParser.ParserOptions) {
    const { ast, visitorKeys } = tsParser.parseForESLint(code, options);
    return { ast, visitorKeys };
  },
};

jsTester.run('no-self-resolving-thenable (js)', rule, {
  valid: [
    // The settled-then pattern: `then` shadows itself once the work has fulfilled.
    `
class Client {
  #init;
  then(onfulfilled, onrejected) {
    this.#init ??= this.connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
  async connect() {}
}
`,
    // An own `then` (a field) deleted before fulfilling.
    `
class Job {
  then = (resolve) => {
    delete this.then;
    resolve(this);
  };
}
`,
    // An object literal's `then` is an own property: deleting it works.
    `
const job = {
  then(resolve) {
    delete this.then;
    resolve(this);
  },
};
`,
    `
const job = {
  then(resolve) {
    Reflect.deleteProperty(this, 'then');
    resolve(this);
  },
};
`,
    // Shadowed by assignment, `Object.assign`, `Object.defineProperties`, `Reflect.defineProperty`.
    `
class Job {
  then(resolve) {
    this.then = undefined;
    resolve(this);
  }
}
`,
    `
class Job {
  then(resolve) {
    Object.assign(this, { then: null });
    resolve(this);
  }
}
`,
    `
class Job {
  then(resolve) {
    Object.defineProperties(this, { then: { value: void 0 } });
    resolve(this);
  }
}
`,
    `
class Job {
  then(resolve) {
    Reflect.defineProperty(this, 'then', { get: () => undefined });
    resolve(this);
  }
}
`,
    // The shadowing may live in the method `then` runs.
    `
class Job {
  then(resolve, reject) {
    return this.run().then(resolve, reject);
  }
  async run() {
    await work();
    Object.defineProperty(this, 'then', { value: undefined });
    return this;
  }
}
`,
    // A getter that returns `undefined` once settled.
    `
class Job {
  settled = false;
  get then() {
    if (this.settled) return undefined;
    return (resolve) => {
      this.settled = true;
      resolve(this);
    };
  }
}
`,
    // Fulfils with another object.
    `
class Job {
  then(resolve) {
    resolve({ ...this });
  }
}
`,
    `
class Job {
  then(resolve) {
    resolve(this.value);
  }
}
`,
    `
class Job {
  then(resolve, reject) {
    return this.ready.then(resolve, reject);
  }
}
`,
    // `this` inside a nested non-arrow function is that function's `this`.
    `
class Job {
  then(resolve) {
    setTimeout(function () {
      resolve(this);
    });
  }
}
`,
    // An arrow `then` in an object literal sees the outer `this`, not the object.
    `
const job = {
  then: (resolve) => resolve(this),
};
`,
    // Not a thenable: returning `this` from an async method is fine.
    `
class Db {
  async connect() {
    await open();
    return this;
  }
}
`,
    // A settled `then` gives the instance, so other methods may fulfil with it.
    `
class Client {
  #init;
  then(onfulfilled, onrejected) {
    this.#init ??= this.connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
  async connect() {}
  async reload() {
    await this.connect();
    return this;
  }
}
`,
    // An async generator's `return this` ends the iteration: no promise fulfils with it.
    `
class Db {
  then(resolve) {
    resolve(1);
  }
  async *rows() {
    yield 1;
    return this;
  }
}
`,
    // Static methods: `this` is the class.
    `
class Db {
  then(resolve) {
    resolve(1);
  }
  static async create() {
    return this;
  }
}
`,
    // `then` that is not one function here: a reference, or a spread that may replace it.
    `
class Job {
  then = thenImpl;
  async run() {
    return this;
  }
}
`,
    `
const job = {
  then(resolve) {
    resolve(this);
  },
  ...base,
};
`,
  ],
  invalid: [
    {
      code: `
class Db {
  then(resolve) {
    resolve(this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      code: `
class Db {
  then(onfulfilled) {
    onfulfilled?.(this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      // However the first parameter is named, also through `.call`.
      code: `
class Db {
  then(done = () => {}) {
    done.call(undefined, this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] }],
    },
    {
      code: `
class Db {
  then(onfulfilled, onrejected) {
    return Promise.resolve(this).then(onfulfilled, onrejected);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 12,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      code: `
class Db {
  ready = open();
  then() {
    return this.ready.then(() => this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 5,
          column: 12,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  ready = open();
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.ready.then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      code: `
class Db {
  async then() {
    return this;
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      code: `
class Db {
  then = (resolve) => resolve(this);
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 3,
          column: 23,
          suggestions: [{ messageId: 'settleThen', output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
` }],
        },
      ],
    },
    {
      code: `
const db = {
  then: function (resolve) {
    resolve(this);
  },
};
`,
      errors: [{ messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] }],
    },
    {
      // The object by its own name.
      code: `
const db = {
  then(resolve) {
    setTimeout(() => resolve(db));
  },
};
`,
      errors: [{ messageId: 'selfResolvingThen', line: 4, column: 22, suggestions: [] }],
    },
    {
      // An alias of `this`, and a `new Promise` resolved with it.
      code: `
class Db {
  then(onfulfilled) {
    const self = this;
    return new Promise((resolve) => resolve(self)).then(onfulfilled);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 5, column: 37, suggestions: [] }],
    },
    {
      // `delete this.then` removes an own property only: the prototype's `then` stays.
      code: `
class Db {
  then(resolve) {
    delete this.then;
    resolve(this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 5, column: 5, suggestions: [] }],
    },
    {
      code: `
class Db {
  then(resolve) {
    resolve(this);
  }
  async connect() {
    await open();
    return this;
  }
  reload() {
    return this.connect().then(() => this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
  async connect() {
    await open();
    return this;
  }
  reload() {
    return this.connect().then(() => this);
  }
}
`,
            },
          ],
        },
        { messageId: 'selfResolvingMethod', line: 8, column: 5, suggestions: [] },
        { messageId: 'selfResolvingMethod', line: 11, column: 12, suggestions: [] },
      ],
    },
    {
      // An object literal's async method.
      code: `
const db = {
  then(resolve) {
    resolve(this);
  },
  async connect() {
    return this;
  },
};
`,
      errors: [
        { messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] },
        { messageId: 'selfResolvingMethod', line: 7, column: 5, suggestions: [] },
      ],
    },
    {
      // A subclass inherits the self-resolving `then` (reported once, where it is declared).
      code: `
class Base {
  then(resolve) {
    resolve(this);
  }
}
class Db extends Base {
  async connect() {
    return this;
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Base {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
}
class Db extends Base {
  async connect() {
    return this;
  }
}
`,
            },
          ],
        },
        { messageId: 'selfResolvingMethod', line: 9, column: 5, suggestions: [] },
      ],
    },
    {
      // `then` waits on the promise `connect` fulfils with `this`: a deadlock.
      code: `
class Db {
  ready = this.connect();
  then(onfulfilled, onrejected) {
    return this.ready.then(onfulfilled, onrejected);
  }
  async connect() {
    await open();
    return this;
  }
}
`,
      errors: [{ messageId: 'methodThenWaitsOn', line: 9, column: 5, suggestions: [] }],
    },
    {
      // Even a settled `then` deadlocks when it waits on a method that fulfils with `this`.
      code: `
class Db {
  #init;
  then(onfulfilled, onrejected) {
    this.#init ??= this.connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this).then(onfulfilled, onrejected);
  }
  async connect() {
    return this;
  }
}
`,
      errors: [{ messageId: 'methodThenWaitsOn', line: 11, column: 5, suggestions: [] }],
    },
    {
      // `then` fulfils with something else: awaiting `connect()` gives that, not the `Db`.
      code: `
class Db {
  constructor() {
    this.ready = open();
  }
  then(onfulfilled, onrejected) {
    return this.ready.then(onfulfilled, onrejected);
  }
  connect = async () => this;
}
`,
      errors: [{ messageId: 'thenableMethodResult', line: 9, column: 25, suggestions: [] }],
    },
    {
      // Tabs, and a rejection passed on: the suggestion keeps both.
      code: `
class Db {
	then(resolve, reject) {
		this.ready.then(() => resolve(this), reject);
	}
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
	/** @type {Promise<void> | undefined} */
	#init;
	/**
	 * @param {((value: this) => unknown) | null} [onfulfilled]
	 * @param {((reason: unknown) => unknown) | null} [onrejected]
	 */
	then(onfulfilled, onrejected) {
		this.#init ??= this.ready.then(() => {
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
    {
      // An async `then` that awaits its work first: the work becomes the initialiser.
      code: 'class Db {\r\n    async then() {\r\n        await this.connect();\r\n        return this;\r\n    }\r\n}\r\n',
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `class Db {\r
    /** @type {Promise<void> | undefined} */\r
    #init;\r
    /**\r
     * @param {((value: this) => unknown) | null} [onfulfilled]\r
     * @param {((reason: unknown) => unknown) | null} [onrejected]\r
     */\r
    then(onfulfilled, onrejected) {\r
        this.#init ??= this.connect().then(() => {\r
            Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });\r
        });\r
        return this.#init.then(() => this).then(onfulfilled, onrejected);\r
    }\r
}\r
`,
            },
          ],
        },
      ],
    },
    {
      // The comment above `then` stays with it; the new field goes above the comment.
      code: `
class Db {
  /** Waits for the connection. */
  then() {
    return this.connect().then(() => this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 5,
          column: 12,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;
  /** Waits for the connection. */
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= this.connect().then(() => {
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
    {
      // Declined: `#init` is taken.
      code: `
class Db {
  #init = 1;
  then(resolve) {
    resolve(this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 5, column: 5, suggestions: [] }],
    },
    {
      // Declined: the comment would be lost.
      code: `
class Db {
  then(resolve) {
    // Ready at once.
    resolve(this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 5, column: 5, suggestions: [] }],
    },
    {
      // Declined: more than the one statement the new `then` replaces.
      code: `
class Db {
  then(resolve) {
    this.count++;
    resolve(this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 5, column: 5, suggestions: [] }],
    },
    {
      // Declined: the promise it waits on reads `then`'s own parameter.
      code: `
class Db {
  then(resolve) {
    this.load(resolve).then(() => this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] }],
    },
    {
      // Keys written as strings or computed: still `then`.
      code: `
const db = {
  ['then'](resolve) {
    resolve(this);
  },
};
class Pool {
  'then'(resolve) {
    resolve(this);
  }
}
`,
      errors: [
        { messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] },
        {
          messageId: 'selfResolvingThen',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
const db = {
  ['then'](resolve) {
    resolve(this);
  },
};
class Pool {
  /** @type {Promise<void> | undefined} */
  #init;
  /**
   * @param {((value: this) => unknown) | null} [onfulfilled]
   * @param {((reason: unknown) => unknown) | null} [onrejected]
   */
  then(onfulfilled, onrejected) {
    this.#init ??= Promise.resolve().then(() => {
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
    {
      // Declined: a one-line class has no indentation to follow.
      code: 'class Db { then(resolve) { resolve(this); } }',
      errors: [{ messageId: 'selfResolvingThen', line: 1, column: 28, suggestions: [] }],
    },
  ],
});

tsTester.run('no-self-resolving-thenable (ts)', rule, {
  valid: [
    // Typed settled then (examples/awaitable.ts).
    `
class Client {
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  async connect(): Promise<void> {}
}
`,
    // Abstract or declared `then`: nothing to read here.
    `
abstract class Job {
  abstract then(resolve: (value: unknown) => void): void;
  async run(): Promise<this> {
    return this;
  }
}
`,
    `
class Job {
  declare then: undefined;
  async run(): Promise<this> {
    return this;
  }
}
`,
    `
declare class Job {
  then(resolve: (value: Job) => void): void;
}
`,
  ],
  invalid: [
    {
      code: `
class Db {
  ready: Promise<void> = open();
  then(onfulfilled?: (value: Db) => void): void {
    this.ready.then(() => onfulfilled?.(this as Db));
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 5,
          column: 27,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
  ready: Promise<void> = open();
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.ready.then(() => {
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
      // Overload signatures and one implementation.
      code: `
class Db {
  then(onfulfilled: (value: Db) => void): void;
  then(onfulfilled: (value: Db) => void, onrejected: (reason: unknown) => void): void;
  then(onfulfilled: (value: Db) => void): void {
    onfulfilled(this!);
  }
}
`,
      // Declined: overload signatures would no longer match the new `then`.
      errors: [{ messageId: 'selfResolvingThen', line: 6, column: 5, suggestions: [] }],
    },
    {
      // A method annotated `Promise` that returns a promise of `this`. The suggestion is declined:
      // `PromiseLike<Db>`'s `then` would not accept the settled one's `Omit<this, 'then'>`.
      code: `
class Db implements PromiseLike<Db> {
  then<A = Db, B = never>(
    onfulfilled?: ((value: Db) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return Promise.resolve(this).then(onfulfilled, onrejected);
  }
  reload(): Promise<this> {
    return Promise.resolve(this);
  }
}
`,
      errors: [
        { messageId: 'selfResolvingThen', line: 7, column: 12, suggestions: [] },
        { messageId: 'selfResolvingMethod', line: 10, column: 12, suggestions: [] },
      ],
    },
    {
      code: `
const db: PromiseLike<unknown> & { connect(): Promise<unknown> } = {
  then(onfulfilled) {
    return Promise.resolve(onfulfilled?.(this));
  },
  async connect() {
    return this;
  },
};
`,
      errors: [
        { messageId: 'selfResolvingThen', line: 4, column: 28, suggestions: [] },
        { messageId: 'selfResolvingMethod', line: 7, column: 5, suggestions: [] },
      ],
    },
    {
      // TypeScript's `this` parameter is not the first value parameter.
      code: `
class Db {
  then(this: Db, resolve: (value: unknown) => void): void {
    resolve(this);
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= Promise.resolve().then(() => {
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
      // A `.ts` file without parser services (oxlint): the name says TypeScript.
      code: `
class Db {
  then(resolve: (value: unknown) => void): void {
    resolve(this);
  }
}
`,
      languageOptions: { parser: parserWithoutServices },
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
class Db {
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= Promise.resolve().then(() => {
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
      // Declined: a modifier the new member would drop.
      code: `
class Db {
  public then(resolve: (value: unknown) => void): void {
    resolve(this);
  }
}
`,
      errors: [{ messageId: 'selfResolvingThen', line: 4, column: 5, suggestions: [] }],
    },
  ],
});

typedTester.run('no-self-resolving-thenable (typed)', rule, {
  valid: [
    `
export class Client {
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  async connect(): Promise<void> {}
}
`,
  ],
  invalid: [
    {
      code: `
import { loadConfig } from './deps.js';
export class Db {
  async then(): Promise<unknown> {
    await loadConfig();
    return this;
  }
  async connect(): Promise<this> {
    return this;
  }
}
`,
      errors: [
        {
          messageId: 'selfResolvingThen',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'settleThen',
              output: `
import { loadConfig } from './deps.js';
export class Db {
  #init: Promise<void> | undefined;
  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= loadConfig().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  async connect(): Promise<this> {
    return this;
  }
}
`,
            },
          ],
        },
        { messageId: 'selfResolvingMethod', line: 9, column: 5, suggestions: [] },
      ],
    },
  ],
});
