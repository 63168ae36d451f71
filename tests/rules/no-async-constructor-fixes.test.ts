import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import rule, { type MessageIds, type Options } from '../../src/rules/no-async-constructor.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

type Case = InvalidTestCase<MessageIds, Options>;

// The quick fixes of `no-async-constructor` (issue 3): the exact output of each suggestion, and the
// cases where a transform is declined (`suggestions` lists only what is offered; `[]` for none).
// Every reported statement of a class moves in one fix, so each report of a class carries the same
// suggestions. tests/fixes/ runs the outputs; tests/fixes/relint.test.ts lints them again.

const tsCases: Case[] = [
    {
      name: 'a floating call; same-file call sites in async functions become `await Db.create(…)` / `await new Db(…)`; the synchronous `new Db()` of `later()` stays as written (require-awaited-init reports it) and does not keep the work in the constructor',
      code: `
class Db {
  constructor(readonly url: string) {
    this.connect();
  }

  async connect(): Promise<void> {}
}

export async function main(): Promise<string> {
  const db = new Db('postgres://localhost/app');
  const other = await new Db(db.url);
  return new Db('postgres://localhost/test').url + other.url;
}

export function later(): Db {
  return new Db('postgres://localhost/app');
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }

  async connect(): Promise<void> {}
}

export async function main(): Promise<string> {
  const db = await Db.create('postgres://localhost/app');
  const other = await Db.create(db.url);
  return (await Db.create('postgres://localhost/test')).url + other.url;
}

export function later(): Db {
  return new Db('postgres://localhost/app');
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await this.connect();
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

export async function main(): Promise<string> {
  const db = await new Db('postgres://localhost/app');
  const other = await new Db(db.url);
  return (await new Db('postgres://localhost/test')).url + other.url;
}

export function later(): Db {
  return new Db('postgres://localhost/app');
}
`,
            },
          ],
        },
      ],
    },

    {
      name: '`void` work; the emptied constructor goes',
      code: `
class Loader {
  constructor() {
    void this.load(); // fire and forget
  }

  async load(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loader {
  static async create(): Promise<Loader> {
    const loader = new Loader();
    await loader.load(); // fire and forget
    return loader;
  }

  async load(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loader {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.load(); // fire and forget
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
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a stored ready promise: the field stays (definitely assigned) and is awaited',
      code: `
class Db {
  ready: Promise<void>;

  constructor() {
    this.ready = this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  ready!: Promise<void>;

  static async create(): Promise<Db> {
    const db = new Db();
    db.ready = db.connect();
    await db.ready;
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
  ready!: Promise<void>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    this.ready = this.connect();
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

  async connect(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a `.catch()` chain keeps its handler',
      code: `
class Metrics {
  constructor(private readonly endpoint: string) {
    this.flush().catch((error: unknown) => console.error(error));
  }

  async flush(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Metrics {
  constructor(private readonly endpoint: string) {}

  static async create(endpoint: string): Promise<Metrics> {
    const metrics = new Metrics(endpoint);
    await metrics.flush().catch((error: unknown) => console.error(error));
    return metrics;
  }

  async flush(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Metrics {
  #init: Promise<void> | undefined;

  constructor(private readonly endpoint: string) {}

  async #initialize(): Promise<void> {
    await this.flush().catch((error: unknown) => console.error(error));
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

  async flush(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'an async IIFE',
      code: `
class Cache {
  entries = new Map<string, string>();

  constructor(private readonly source: URL) {
    (async () => {
      const response = await fetch(this.source);
      this.entries = new Map(Object.entries((await response.json()) as Record<string, string>));
    })();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Cache {
  entries = new Map<string, string>();

  constructor(private readonly source: URL) {}

  static async create(source: URL): Promise<Cache> {
    const cache = new Cache(source);
    await (async () => {
      const response = await fetch(cache.source);
      cache.entries = new Map(Object.entries((await response.json()) as Record<string, string>));
    })();
    return cache;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Cache {
  entries = new Map<string, string>();

  #init: Promise<void> | undefined;

  constructor(private readonly source: URL) {}

  async #initialize(): Promise<void> {
    await (async () => {
      const response = await fetch(this.source);
      this.entries = new Map(Object.entries((await response.json()) as Record<string, string>));
    })();
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
      name: 'several statements move together, the synchronous one stays',
      code: `
class Session {
  user = '';

  constructor(readonly id: string) {
    this.refresh();
    this.user = 'anonymous';
    this.loadHistory().then(() => this.emit('ready'));
  }

  emit(event: string): void {}

  async refresh(): Promise<void> {}

  async loadHistory(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  user = '';

  constructor(readonly id: string) {
    this.user = 'anonymous';
  }

  static async create(id: string): Promise<Session> {
    const session = new Session(id);
    await Promise.all([
      session.refresh(),
      session.loadHistory().then(() => session.emit('ready')),
    ]);
    return session;
  }

  emit(event: string): void {}

  async refresh(): Promise<void> {}

  async loadHistory(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  user = '';

  #init: Promise<void> | undefined;

  constructor(readonly id: string) {
    this.user = 'anonymous';
  }

  async #initialize(): Promise<void> {
    await Promise.all([
      this.refresh(),
      this.loadHistory().then(() => this.emit('ready')),
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

  emit(event: string): void {}

  async refresh(): Promise<void> {}

  async loadHistory(): Promise<void> {}
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  user = '';

  constructor(readonly id: string) {
    this.user = 'anonymous';
  }

  static async create(id: string): Promise<Session> {
    const session = new Session(id);
    await Promise.all([
      session.refresh(),
      session.loadHistory().then(() => session.emit('ready')),
    ]);
    return session;
  }

  emit(event: string): void {}

  async refresh(): Promise<void> {}

  async loadHistory(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  user = '';

  #init: Promise<void> | undefined;

  constructor(readonly id: string) {
    this.user = 'anonymous';
  }

  async #initialize(): Promise<void> {
    await Promise.all([
      this.refresh(),
      this.loadHistory().then(() => this.emit('ready')),
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

  emit(event: string): void {}

  async refresh(): Promise<void> {}

  async loadHistory(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'parameters read by the moved code: the factory passes them; the awaitable class keeps them on fields for `#initialize()`',
      code: `
async function connect(url: string, options: { retries: number }): Promise<void> {}

class Client {
  constructor(url: string, retries = 3) {
    connect(url, { retries });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
async function connect(url: string, options: { retries: number }): Promise<void> {}

class Client {
  static async create(url: string, retries = 3): Promise<Client> {
    const client = new Client();
    await connect(url, { retries });
    return client;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
async function connect(url: string, options: { retries: number }): Promise<void> {}

class Client {
  #url: string;
  #retries: number;
  #init: Promise<void> | undefined;

  constructor(url: string, retries = 3) {
    this.#url = url;
    this.#retries = retries;
  }

  async #initialize(): Promise<void> {
    await connect(this.#url, { retries: this.#retries });
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
      name: 'parameter properties: the factory drops their modifiers; the awaitable class reads them from `this`',
      code: `
async function handshake(url: string, options: { timeout: number }): Promise<void> {}

class Socket {
  constructor(
    private readonly url: string,
    public timeout = 1000,
    protected retries?: number,
  ) {
    handshake(url, { timeout });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
async function handshake(url: string, options: { timeout: number }): Promise<void> {}

class Socket {
  constructor(
    private readonly url: string,
    public timeout = 1000,
    protected retries?: number,
  ) {}

  static async create(url: string, timeout = 1000, retries?: number): Promise<Socket> {
    const socket = new Socket(url, timeout, retries);
    await handshake(url, { timeout });
    return socket;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
async function handshake(url: string, options: { timeout: number }): Promise<void> {}

class Socket {
  #init: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    public timeout = 1000,
    protected retries?: number,
  ) {}

  async #initialize(): Promise<void> {
    await handshake(this.url, { timeout: this.timeout });
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
      name: 'a generic class keeps its type parameters (variance modifiers dropped on the method)',
      code: `
class Store<K extends string, out V = unknown> {
  constructor(readonly name: K) {
    this.load();
  }

  async load(): Promise<V | undefined> {
    return undefined;
  }
}

export async function open(): Promise<Store<'users', number>> {
  return new Store<'users', number>('users');
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Store<K extends string, out V = unknown> {
  constructor(readonly name: K) {}

  static async create<K extends string, V = unknown>(name: K): Promise<Store<K, V>> {
    const store = new Store<K, V>(name);
    await store.load();
    return store;
  }

  async load(): Promise<V | undefined> {
    return undefined;
  }
}

export async function open(): Promise<Store<'users', number>> {
  return await Store.create<'users', number>('users');
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Store<K extends string, out V = unknown> {
  #init: Promise<void> | undefined;

  constructor(readonly name: K) {}

  async #initialize(): Promise<void> {
    await this.load();
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

  async load(): Promise<V | undefined> {
    return undefined;
  }
}

export async function open(): Promise<Store<'users', number>> {
  return new Store<'users', number>('users');
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a subclass: the work after `super()` moves',
      code: `
class Base {
  constructor(readonly name: string) {}
}

class Child extends Base {
  constructor(name: string) {
    super(name);
    this.init();
  }

  async init(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Base {
  constructor(readonly name: string) {}
}

class Child extends Base {
  static async create(name: string): Promise<Child> {
    const child = new Child(name);
    await child.init();
    return child;
  }

  async init(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  constructor(readonly name: string) {}
}

class Child extends Base {
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

  async init(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'comments in and around the moved code are kept',
      code: `
class Feed {
  constructor() {
    // Load the first page now,
    // the rest on scroll.
    this.load(/* page */ 1); // first page
    /* keep polling */
    this.poll(
      // every minute
      60_000,
    );
  }

  async load(page: number): Promise<void> {}

  async poll(interval: number): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create(): Promise<Feed> {
    const feed = new Feed();
    await Promise.all([
      // Load the first page now,
      // the rest on scroll.
      feed.load(/* page */ 1), // first page
      /* keep polling */
      feed.poll(
        // every minute
        60_000,
      ),
    ]);
    return feed;
  }

  async load(page: number): Promise<void> {}

  async poll(interval: number): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      // Load the first page now,
      // the rest on scroll.
      this.load(/* page */ 1), // first page
      /* keep polling */
      this.poll(
        // every minute
        60_000,
      ),
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

  async load(page: number): Promise<void> {}

  async poll(interval: number): Promise<void> {}
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  static async create(): Promise<Feed> {
    const feed = new Feed();
    await Promise.all([
      // Load the first page now,
      // the rest on scroll.
      feed.load(/* page */ 1), // first page
      /* keep polling */
      feed.poll(
        // every minute
        60_000,
      ),
    ]);
    return feed;
  }

  async load(page: number): Promise<void> {}

  async poll(interval: number): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await Promise.all([
      // Load the first page now,
      // the rest on scroll.
      this.load(/* page */ 1), // first page
      /* keep polling */
      this.poll(
        // every minute
        60_000,
      ),
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

  async load(page: number): Promise<void> {}

  async poll(interval: number): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'tabs and a constructor written on one line',
      code: `
class Tabbed {
	constructor(readonly id: string) {
		this.load();
	}

	async load(): Promise<void> {}
}
class OneLine { constructor() { this.load(); } async load(): Promise<void> {} }
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Tabbed {
	constructor(readonly id: string) {}

	static async create(id: string): Promise<Tabbed> {
		const tabbed = new Tabbed(id);
		await tabbed.load();
		return tabbed;
	}

	async load(): Promise<void> {}
}
class OneLine { constructor() { this.load(); } async load(): Promise<void> {} }
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Tabbed {
	#init: Promise<void> | undefined;

	constructor(readonly id: string) {}

	async #initialize(): Promise<void> {
		await this.load();
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
}
class OneLine { constructor() { this.load(); } async load(): Promise<void> {} }
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 9,
          column: 33,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Tabbed {
	constructor(readonly id: string) {
		this.load();
	}

	async load(): Promise<void> {}
}
class OneLine { static async create(): Promise<OneLine> { const oneLine = new OneLine(); await oneLine.load(); return oneLine; } async load(): Promise<void> {} }
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Tabbed {
	constructor(readonly id: string) {
		this.load();
	}

	async load(): Promise<void> {}
}
class OneLine { #init: Promise<void> | undefined; async #initialize(): Promise<void> { await this.load(); } then<T = Omit<this, 'then'>, E = never>(onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null, onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null): Promise<T | E> { this.#init ??= this.#initialize().then(() => { Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true }); }); return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected); } async load(): Promise<void> {} }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'work that reads a constructor local: the local moves with it, computed again where the work goes',
      code: `
class Db {
  constructor(url: string) {
    const normalized = url.trim();
    this.connect(normalized);
  }

  async connect(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(url: string): Promise<Db> {
    const db = new Db();
    const normalized = url.trim();
    await db.connect(normalized);
    return db;
  }

  async connect(url: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #url: string;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #initialize(): Promise<void> {
    const normalized = this.#url.trim();
    await this.connect(normalized);
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
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'work that reads a parameter the constructor reassigns: recorded where it is',
      code: `
class Db {
  constructor(url: string) {
    url = url.trim();
    this.connect(url);
  }

  async connect(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Db {
  #connecting: Promise<unknown>;

  constructor(url: string) {
    url = url.trim();
    this.#connecting = this.connect(url);
  }

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.#connecting;
    return db;
  }

  async connect(url: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  #connecting: Promise<unknown>;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    url = url.trim();
    this.#connecting = this.#handled(this.connect(url));
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
      name: 'inside a branch: the guard moves with the work and decides there',
      code: `
class Db {
  constructor(lazy: boolean) {
    if (!lazy) {
      this.connect();
    }
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  static async create(lazy: boolean): Promise<Db> {
    const db = new Db();
    if (!lazy) {
      await db.connect();
    }
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
  #lazy: boolean;
  #init: Promise<void> | undefined;

  constructor(lazy: boolean) {
    this.#lazy = lazy;
  }

  async #initialize(): Promise<void> {
    if (!this.#lazy) {
      await this.connect();
    }
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

    {
      name: 'inside a loop: the loop moves, collecting the promises it starts',
      code: `
class Pool {
  size = 4;

  constructor() {
    while (this.size-- > 0) {
      this.open();
    }
  }

  async open(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 7,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Pool {
  size = 4;

  static async create(): Promise<Pool> {
    const pool = new Pool();
    const pending: unknown[] = [];
    while (pool.size-- > 0) {
      pending.push(pool.open());
    }
    await Promise.all(pending);
    return pool;
  }

  async open(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Pool {
  size = 4;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    const pending: unknown[] = [];
    while (this.size-- > 0) {
      pending.push(this.open());
    }
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

  async open(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'an anonymous class: the factory constructs it as `new this()` (its return type inferred)',
      code: `
export default class {
  constructor() {
    this.load();
  }

  async load(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
export default class {
  static async create() {
    const instance = new this();
    await instance.load();
    return instance;
  }

  async load(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
export default class {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.load();
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
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'declined (factory): an anonymous TypeScript class whose untyped parameter only `typeof` could type',
      code: `
export default class {
  constructor({ url }) {
    this.connect(url);
  }

  async connect(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestThenableRecorded',
              output: `
export default class {
  #connecting: Promise<unknown>;
  #init: Promise<void> | undefined;

  constructor({ url }) {
    this.#connecting = this.#handled(this.connect(url));
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
      name: 'a class expression without a name of its own: the factory constructs it by its constant binding',
      code: `
const Db = class {
  constructor() {
    this.load();
  }

  async load(): Promise<void> {}
};
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
const Db = class {
  static async create() {
    const db = new Db();
    await db.load();
    return db;
  }

  async load(): Promise<void> {}
};
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
const Db = class {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.load();
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
};
`,
            },
          ],
        },
      ],
    },

    {
      name: 'declined (factory): a member named like the factory exists; the awaitable class is offered',
      code: `
class Db {
  constructor() {
    this.connect();
  }

  create(): void {}

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.connect();
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

  create(): void {}

  async connect(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'declined (awaitable): the class already has a `then`; the factory is offered',
      code: `
class Job {
  constructor() {
    this.start();
  }

  async start(): Promise<void> {}

  then(resolve: (value: string) => void): void {
    resolve('done');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Job {
  static async create(): Promise<Job> {
    const job = new Job();
    await job.start();
    return job;
  }

  async start(): Promise<void> {}

  then(resolve: (value: string) => void): void {
    resolve('done');
  }
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'declined (factory): an ancestor in the file defines the same static',
      code: `
class Base {
  static async create(): Promise<Base> {
    return new Base();
  }
}

class Child extends Base {
  constructor() {
    super();
    this.load();
  }

  async load(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  static async create(): Promise<Base> {
    return new Base();
  }
}

class Child extends Base {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.load();
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
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a class in the file extends it: the factory records the work (its `super()` still starts it); the awaitable class moves it',
      code: `
class Base {
  constructor() {
    this.load();
  }

  async load(): Promise<void> {}
}

class Child extends Base {}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Base {
  #loading: Promise<unknown>;

  constructor() {
    this.#loading = this.load();
  }

  static async create(): Promise<Base> {
    const base = new Base();
    await base.#loading;
    return base;
  }

  async load(): Promise<void> {}
}

class Child extends Base {}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await this.load();
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
}

class Child extends Base {}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'work that calls `super`: the factory records it in place; `#initialize()` can call `super` itself',
      code: `
class Base {
  async load(): Promise<void> {}
}

class Child extends Base {
  constructor() {
    super();
    super.load();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Base {
  async load(): Promise<void> {}
}

class Child extends Base {
  #loading: Promise<unknown>;

  constructor() {
    super();
    this.#loading = super.load();
  }

  static async create(): Promise<Child> {
    const child = new Child();
    await child.#loading;
    return child;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Base {
  async load(): Promise<void> {}
}

class Child extends Base {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await super.load();
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
      name: 'a call after the work that touches nothing it writes: the work moves',
      code: `
class Session {
  constructor(private readonly socket: { close(): void }) {
    this.connect();
    socket.close();
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
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
  constructor(private readonly socket: { close(): void }) {
    socket.close();
  }

  static async create(socket: { close(): void }): Promise<Session> {
    const session = new Session(socket);
    await session.connect();
    return session;
  }

  async connect(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  #init: Promise<void> | undefined;

  constructor(private readonly socket: { close(): void }) {
    socket.close();
  }

  async #initialize(): Promise<void> {
    await this.connect();
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
    {
      name: 'declined: a promise settled by an event, which awaiting in the factory could wait for forever',
      code: `
class Worker {
  started: Promise<void>;

  constructor(private readonly emitter: { once(event: string, listener: () => void): void; emit(event: string): void }) {
    this.started = new Promise((resolve) => {
      emitter.once('started', resolve);
      this.start();
    });
  }

  start(): void {
    this.emitter.emit('started');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'declined: a promise settled from a subscription\'s callback',
      code: `
class Worker {
  started: Promise<void>;

  constructor(private readonly emitter: { once(event: string, listener: () => void): void; emit(event: string): void }) {
    this.started = new Promise((resolve) => {
      emitter.once('started', () => {
        resolve();
      });
      this.start();
    });
  }

  start(): void {
    this.emitter.emit('started');
  }
}
`,
      output: null,
      errors: [{ messageId: 'asyncWork', line: 6, column: 20, suggestions: [] }],
    },
    {
      name: 'declined: the subscription is inside a promise nested in the one it settles',
      code: `
class Worker {
  started: Promise<void>;

  constructor(private readonly emitter: { once(event: string, listener: () => void): void; emit(event: string): void }) {
    this.started = new Promise((resolve) => {
      void new Promise<void>((ready) => {
        emitter.once('started', () => resolve());
        ready();
      });
      this.start();
    });
  }

  start(): void {
    this.emitter.emit('started');
  }
}
`,
      output: null,
      errors: [{ messageId: 'asyncWork', line: 6, column: 20, suggestions: [] }],
    },
    {
      name: 'constructor overloads: no factory (it would need the overloads too); the awaitable class records the work',
      code: `
class Db {
  constructor(url: string);
  constructor(host: string, port: number);
  constructor(hostOrUrl: string, port?: number) {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  #connecting: Promise<unknown>;
  #init: Promise<void> | undefined;

  constructor(url: string);
  constructor(host: string, port: number);
  constructor(hostOrUrl: string, port?: number) {
    this.#connecting = this.#handled(this.connect());
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

  async connect(): Promise<void> {}

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
      name: 'declined: a class decorator (a framework constructs it)',
      code: `
declare function injectable(): ClassDecorator;

@injectable()
class Db {
  constructor() {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 7,
          column: 5,
          suggestions: [],
        },
      ],
    },

    {
      name: 'declined: a parameter decorator',
      code: `
declare function inject(token: string): ParameterDecorator;

class Db {
  constructor(@inject('url') readonly url: string) {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [],
        },
      ],
    },

    {
      name: 'the constructor reads the ready promise: it stays assigned in place, recorded',
      code: `
class Db {
  ready: Promise<void>;

  constructor() {
    this.ready = this.connect();
    this.ready.then(() => console.log('connected'));
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Db {
  ready: Promise<void>;

  constructor() {
    this.ready = this.connect();
    this.ready.then(() => console.log('connected'));
  }

  static async create(): Promise<Db> {
    const db = new Db();
    await db.ready;
    return db;
  }

  async connect(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  ready: Promise<void>;

  #init: Promise<void> | undefined;

  constructor() {
    this.ready = this.#handled(this.connect());
    this.ready.then(() => console.log('connected'));
  }

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

  async connect(): Promise<void> {}

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
      name: 'a field initialiser and constructor work: both move (the field, typed by its method\'s return type, is assigned where the work goes)',
      code: `
class Db {
  ready = this.connect();

  constructor() {
    this.warmUp();
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  ready!: Promise<void>;

  static async create(): Promise<Db> {
    const db = new Db();
    const pending: unknown[] = [];
    db.ready = db.connect();
    pending.push(db.ready);
    pending.push(db.warmUp());
    await Promise.all(pending);
    return db;
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
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
    this.ready = this.connect();
    pending.push(this.ready);
    pending.push(this.warmUp());
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

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  ready!: Promise<void>;

  static async create(): Promise<Db> {
    const db = new Db();
    const pending: unknown[] = [];
    db.ready = db.connect();
    pending.push(db.ready);
    pending.push(db.warmUp());
    await Promise.all(pending);
    return db;
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
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
    this.ready = this.connect();
    pending.push(this.ready);
    pending.push(this.warmUp());
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

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'declined: the "async constructor" trick (`return` of a promise)',
      code: `
class Db {
  constructor() {
    return this.connect();
  }

  async connect(): Promise<this> {
    return this;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'returnsPromise',
          line: 4,
          column: 12,
          suggestions: [],
        },
      ],
    },

    {
      name: "an async callback of `map` whose promises are stored: the assignment moves, and the field's promises are awaited",
      code: `
class Combinator {
  #subscriptions: Promise<void>[] = [];

  constructor(names: string[]) {
    this.#subscriptions = names.map(async (name) => {
      await this.subscribe(name);
    });
  }

  async subscribe(name: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 37,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Combinator {
  #subscriptions: Promise<void>[] = [];

  static async create(names: string[]): Promise<Combinator> {
    const combinator = new Combinator();
    combinator.#subscriptions = names.map(async (name) => {
      await combinator.subscribe(name);
    });
    await Promise.all(combinator.#subscriptions);
    return combinator;
  }

  async subscribe(name: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Combinator {
  #subscriptions: Promise<void>[] = [];

  #names: string[];
  #init: Promise<void> | undefined;

  constructor(names: string[]) {
    this.#names = names;
  }

  async #initialize(): Promise<void> {
    this.#subscriptions = this.#names.map(async (name) => {
      await this.subscribe(name);
    });
    await Promise.all(this.#subscriptions);
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

  async subscribe(name: string): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: "work two calls away that each wrapper returns: the wrapper call moves (its value is the work's promise)",
      code: `
class Channel {
  resolved: Promise<string>;

  constructor(name: string) {
    this.resolved = this.resolve(name);
  }

  resolve(name: string): Promise<string> {
    return name.includes('/') ? Promise.resolve(name) : this.qualify(name);
  }

  qualify(name: string): Promise<string> {
    return this.lookupProject().then((project) => \`\${project}/\${name}\`);
  }

  async lookupProject(): Promise<string> {
    return 'p';
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Channel {
  resolved!: Promise<string>;

  static async create(name: string): Promise<Channel> {
    const channel = new Channel();
    channel.resolved = channel.resolve(name);
    await channel.resolved;
    return channel;
  }

  resolve(name: string): Promise<string> {
    return name.includes('/') ? Promise.resolve(name) : this.qualify(name);
  }

  qualify(name: string): Promise<string> {
    return this.lookupProject().then((project) => \`\${project}/\${name}\`);
  }

  async lookupProject(): Promise<string> {
    return 'p';
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Channel {
  resolved!: Promise<string>;

  #name: string;
  #init: Promise<void> | undefined;

  constructor(name: string) {
    this.#name = name;
  }

  async #initialize(): Promise<void> {
    this.resolved = this.resolve(this.#name);
    await this.resolved;
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

  resolve(name: string): Promise<string> {
    return name.includes('/') ? Promise.resolve(name) : this.qualify(name);
  }

  qualify(name: string): Promise<string> {
    return this.lookupProject().then((project) => \`\${project}/\${name}\`);
  }

  async lookupProject(): Promise<string> {
    return 'p';
  }
}
`,
            },
          ],
        },
      ],
    },

    {
      name: "a `readonly` ready-promise field: assigned in the constructor still, recorded (a factory cannot assign it)",
      code: `
class Channel {
  readonly resolved: Promise<string>;

  constructor(name: string) {
    this.resolved = this.lookupProject();
  }

  async lookupProject(): Promise<string> {
    return 'p';
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Channel {
  readonly resolved: Promise<string>;

  constructor(name: string) {
    this.resolved = this.lookupProject();
  }

  static async create(name: string): Promise<Channel> {
    const channel = new Channel(name);
    await channel.resolved;
    return channel;
  }

  async lookupProject(): Promise<string> {
    return 'p';
  }
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Channel {
  readonly resolved: Promise<string>;

  #init: Promise<void> | undefined;

  constructor(name: string) {
    this.resolved = this.#handled(this.lookupProject());
  }

  async #initialize(): Promise<void> {
    await this.resolved;
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

  async lookupProject(): Promise<string> {
    return 'p';
  }

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
      name: "declined: a wrapper that returns one piece of work but starts another",
      code: `
class Channel {
  constructor() {
    this.start();
  }

  start() {
    this.warmUp();
    return this.load();
  }

  async warmUp(): Promise<void> {}

  async load(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
          ],
        },
      ],
    },

    {
      name: 'an async callback of `forEach`: moved as `await Promise.all(urls.map(…))`, so every call is awaited',
      code: `
class Loader {
  constructor(urls: string[]) {
    urls.forEach(async (url) => {
      await fetch(url);
    });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loader {
  static async create(urls: string[]): Promise<Loader> {
    const loader = new Loader();
    await Promise.all(urls.map(async (url) => {
      await fetch(url);
    }));
    return loader;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loader {
  #urls: string[];
  #init: Promise<void> | undefined;

  constructor(urls: string[]) {
    this.#urls = urls;
  }

  async #initialize(): Promise<void> {
    await Promise.all(this.#urls.map(async (url) => {
      await fetch(url);
    }));
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
      name: '`factoryName`',
      code: `
class Db {
  constructor(readonly url: string) {
    this.connect();
  }

  async connect(): Promise<void> {}
}

export async function main(): Promise<Db> {
  return new Db('postgres://localhost/app');
}
`,
      options: [{ factoryName: 'open' }],
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor(readonly url: string) {}

  static async open(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }

  async connect(): Promise<void> {}
}

export async function main(): Promise<Db> {
  return await Db.open('postgres://localhost/app');
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await this.connect();
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

export async function main(): Promise<Db> {
  return new Db('postgres://localhost/app');
}
`,
            },
          ],
        },
      ],
    },

    {
      name: '`constructorVisibility: "private"` (an existing `public` is replaced)',
      code: `
class Db {
  public constructor(readonly url: string) {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      options: [{ constructorVisibility: 'private' }],
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  private constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
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

  public constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await this.connect();
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

    {
      name: '`constructorVisibility: "protected"` keeps an emptied constructor to carry it',
      code: `
class Db {
  constructor() {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      options: [{ constructorVisibility: 'protected' }],
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  protected constructor() {}

  static async create(): Promise<Db> {
    const db = new Db();
    await db.connect();
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
    await this.connect();
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

    {
      name: '`autofix: "factory"`: `--fix` applies the factory to every class it can',
      code: `
class Db {
  constructor(readonly url: string) {
    this.connect();
    void this.warmUp();
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
}
`,
      options: [{ autofix: 'factory' }],
      output: `
class Db {
  constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await Promise.all([
      db.connect(),
      db.warmUp(),
    ]);
    return db;
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
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
class Db {
  constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await Promise.all([
      db.connect(),
      db.warmUp(),
    ]);
    return db;
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await Promise.all([
      this.connect(),
      this.warmUp(),
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

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await Promise.all([
      db.connect(),
      db.warmUp(),
    ]);
    return db;
  }

  async connect(): Promise<void> {}

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await Promise.all([
      this.connect(),
      this.warmUp(),
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

  async warmUp(): Promise<void> {}
}

class Lazy {
  constructor(ready = this.load()) {
    void ready;
  }

  async load(): Promise<void> {}
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 14,
          column: 23,
          suggestions: [],
        },
      ],
    },

    {
      name: '`autofix: "thenable"`',
      code: `
class Db {
  constructor(readonly url: string) {
    this.connect();
  }

  async connect(): Promise<void> {}
}
`,
      options: [{ autofix: 'thenable' }],
      output: `
class Db {
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await this.connect();
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
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
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

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    await this.connect();
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
    {
      name: 'a .js file parsed by typescript-eslint: no type syntax either',
      filename: 'file.js',
      code: `
class Db {
  constructor() {
    void this.connect();
  }

  async connect() {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 10,
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

    {
      name: 'declined: work in a parameter default',
      code: `
class Db {
  constructor(ready = this.connect()) {
    void ready;
  }

  async connect(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 3,
          column: 23,
          suggestions: [],
        },
      ],
    },

    {
      name: 'declined: work before `super()`, where `this` does not exist yet',
      code: `
declare function warmUp(): Promise<void>;

class Base {
  constructor(readonly name: string) {}
}

class Child extends Base {
  constructor() {
    warmUp();
    super('child');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 10,
          column: 5,
          suggestions: [],
        },
      ],
    },

    {
      name: 'declined: work inside a nested `function`, where `this` is not the instance',
      code: `
class Loader {
  constructor(urls: string[]) {
    urls.forEach(function (this: Loader, url) {
      this.load(url);
    }, this);
  }

  async load(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          suggestions: [],
        },
      ],
    },

    {
      name: 'a hand-written `#trackInit` without a factory or `then` that awaits it stays reported; the fixes move its call',
      code: `
class Db {
  constructor(lazy: boolean) {
    if (!lazy) {
      this.#trackInit(this.connect());
    }
  }

  async connect(): Promise<void> {}

  #trackInit<T>(work: T): T {
    return work;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 23,
          suggestions: [],
        },
      ],
    },

    {
      name: 'an abstract class: no factory (it cannot be constructed); the awaitable class moves the guarded work (its parameter kept on a field)',
      code: `
abstract class Service {
  constructor(enabled: boolean) {
    if (enabled) {
      this.start();
    }
  }

  async start(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestThenable',
              output: `
abstract class Service {
  #enabled: boolean;
  #init: Promise<void> | undefined;

  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  async #initialize(): Promise<void> {
    if (this.#enabled) {
      await this.start();
    }
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

  async start(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a defaulted destructured parameter before a required one: the factory writes `options: T | undefined` (TS1016 otherwise)',
      code: `
export class Subject {
  constructor({ enabled = true }: { enabled?: boolean } = {}, private readonly host: string) {
    if (enabled) {
      this.load(host);
    }
  }

  async load(value: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
export class Subject {
  constructor(options: ({ enabled?: boolean }) | undefined, private readonly host: string) {}

  static async create(options: { enabled?: boolean } | undefined, host: string): Promise<Subject> {
    const subject = new Subject(options, host);
    const { enabled = true }: { enabled?: boolean } = options ?? {};
    if (enabled) {
      await subject.load(host);
    }
    return subject;
  }

  async load(value: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
export class Subject {
  #enabled: boolean;
  #init: Promise<void> | undefined;

  constructor({ enabled = true }: { enabled?: boolean } = {}, private readonly host: string) {
    this.#enabled = enabled;
  }

  async #initialize(): Promise<void> {
    if (this.#enabled) {
      await this.load(this.host);
    }
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

  async load(value: string): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'a guard over a destructured option, a local, and a later statement that needs nothing the work sets: moved; the factory takes the options whole',
      code: `
interface Options {
  url: string;
  autorun?: boolean;
}

class Queue {
  socket: { on(event: string): void } | undefined;

  constructor({ url, autorun = true }: Options) {
    const base = url + '/queue';
    if (autorun) {
      this.connect(base);
    }
    this.socket?.on('message');
  }

  async connect(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 13,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
interface Options {
  url: string;
  autorun?: boolean;
}

class Queue {
  socket: { on(event: string): void } | undefined;

  constructor() {
    this.socket?.on('message');
  }

  static async create(options: Options): Promise<Queue> {
    const queue = new Queue();
    const { url, autorun = true }: Options = options;
    const base = url + '/queue';
    if (autorun) {
      await queue.connect(base);
    }
    return queue;
  }

  async connect(url: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
interface Options {
  url: string;
  autorun?: boolean;
}

class Queue {
  socket: { on(event: string): void } | undefined;

  #autorun: boolean;
  #base: string;
  #init: Promise<void> | undefined;

  constructor({ url, autorun = true }: Options) {
    this.#autorun = autorun;
    const base = url + '/queue';
    this.#base = base;
    this.socket?.on('message');
  }

  async #initialize(): Promise<void> {
    if (this.#autorun) {
      await this.connect(this.#base);
    }
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
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'work in a `switch`, with a `.catch` handler',
      code: `
class Session {
  #ready: Promise<void>;

  constructor(private readonly transport: { send(message: string): Promise<void> }) {
    this.#ready = this.transport.send('hello');
    switch (this.transport.constructor.name) {
      case 'Ws':
        this.transport.send('ping').catch(() => {});
        break;
      default:
        break;
    }
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  #ready: Promise<void>;

  constructor(private readonly transport: { send(message: string): Promise<void> }) {
    this.#ready = this.transport.send('hello');
  }

  static async create(transport: { send(message: string): Promise<void> }): Promise<Session> {
    const session = new Session(transport);
    switch (session.transport.constructor.name) {
      case 'Ws':
        await session.transport.send('ping').catch(() => {});
        break;
      default:
        break;
    }
    return session;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  #ready: Promise<void>;

  #init: Promise<void> | undefined;

  constructor(private readonly transport: { send(message: string): Promise<void> }) {
    this.#ready = this.transport.send('hello');
  }

  async #initialize(): Promise<void> {
    switch (this.transport.constructor.name) {
      case 'Ws':
        await this.transport.send('ping').catch(() => {});
        break;
      default:
        break;
    }
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
      name: 'work in a `try` block: recorded where it is',
      code: `
class Cache {
  constructor(readonly url: string) {
    try {
      this.fill();
    } catch (error) {
      console.error(error);
    }
  }

  async fill(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Cache {
  #filling: Promise<unknown> | undefined;

  constructor(readonly url: string) {
    try {
      this.#filling = this.fill();
    } catch (error) {
      console.error(error);
    }
  }

  static async create(url: string): Promise<Cache> {
    const cache = new Cache(url);
    await cache.#filling;
    return cache;
  }

  async fill(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Cache {
  #filling: Promise<unknown> | undefined;
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {
    try {
      this.#filling = this.#handled(this.fill());
    } catch (error) {
      console.error(error);
    }
  }

  async #initialize(): Promise<void> {
    await this.#filling;
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

  async fill(): Promise<void> {}

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
      name: 'an early `return` before the work: the work is recorded, so it still does not run when the constructor returned (B5)',
      code: `
class Db {
  constructor(url: string) {
    if (!url) {
      return; // no work without a url
    }
    this.connect(url);
  }

  async connect(url: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Db {
  #connecting: Promise<unknown> | undefined;

  constructor(url: string) {
    if (!url) {
      return; // no work without a url
    }
    this.#connecting = this.connect(url);
  }

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.#connecting;
    return db;
  }

  async connect(url: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Db {
  #connecting: Promise<unknown> | undefined;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    if (!url) {
      return; // no work without a url
    }
    this.#connecting = this.#handled(this.connect(url));
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
      name: 'a class written on one line: the moved work and the new members stay on it',
      code: `
class A { constructor(x: boolean) { if (x) this.load(); } async load(): Promise<void> {} }
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 2,
          column: 44,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class A { static async create(x: boolean): Promise<A> { const a = new A(); if (x) await a.load(); return a; } async load(): Promise<void> {} }
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class A { #x: boolean; #init: Promise<void> | undefined; constructor(x: boolean) { this.#x = x; } async #initialize(): Promise<void> { if (this.#x) await this.load(); } then<T = Omit<this, 'then'>, E = never>(onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null, onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null): Promise<T | E> { this.#init ??= this.#initialize().then(() => { Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true }); }); return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected); } async load(): Promise<void> {} }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a later statement reads what the work sets up before its first await: recorded, one private field (the awaitable class handles it where it is made)',
      code: `
class Chat {
  socket: { on(event: string): void } | undefined;

  constructor(readonly url: string) {
    this.connect();
    this.socket?.on('message');
  }

  async connect(): Promise<void> {
    this.socket = { on() {} };
    await Promise.resolve();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
class Chat {
  socket: { on(event: string): void } | undefined;

  #connecting: Promise<unknown>;

  constructor(readonly url: string) {
    this.#connecting = this.connect();
    this.socket?.on('message');
  }

  static async create(url: string): Promise<Chat> {
    const chat = new Chat(url);
    await chat.#connecting;
    return chat;
  }

  async connect(): Promise<void> {
    this.socket = { on() {} };
    await Promise.resolve();
  }
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
class Chat {
  socket: { on(event: string): void } | undefined;

  #connecting: Promise<unknown>;
  #init: Promise<void> | undefined;

  constructor(readonly url: string) {
    this.#connecting = this.#handled(this.connect());
    this.socket?.on('message');
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

  async connect(): Promise<void> {
    this.socket = { on() {} };
    await Promise.resolve();
  }

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
      name: 'a guard around the work and another statement: the statement stays, the guard is written again around the moved work',
      code: `
class Feed {
  polls = 0;

  constructor(readonly live: boolean) {
    if (live) {
      this.polls++;
      this.subscribe();
    }
  }

  async subscribe(): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Feed {
  polls = 0;

  constructor(readonly live: boolean) {
    if (live) {
      this.polls++;
    }
  }

  static async create(live: boolean): Promise<Feed> {
    const feed = new Feed(live);
    if (live) {
      await feed.subscribe();
    }
    return feed;
  }

  async subscribe(): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Feed {
  polls = 0;

  #init: Promise<void> | undefined;

  constructor(readonly live: boolean) {
    if (live) {
      this.polls++;
    }
  }

  async #initialize(): Promise<void> {
    if (this.live) {
      await this.subscribe();
    }
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

  async subscribe(): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a counted loop around the work and another statement: the statement stays, the loop is written again and collects the promises',
      code: `
class Pool {
  slots: number[] = [];

  constructor(size: number) {
    for (let index = 0; index < size; index++) {
      this.slots.push(index);
      this.open(index);
    }
  }

  async open(index: number): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Pool {
  slots: number[] = [];

  constructor(size: number) {
    for (let index = 0; index < size; index++) {
      this.slots.push(index);
    }
  }

  static async create(size: number): Promise<Pool> {
    const pool = new Pool(size);
    const pending: unknown[] = [];
    for (let index = 0; index < size; index++) {
      pending.push(pool.open(index));
    }
    await Promise.all(pending);
    return pool;
  }

  async open(index: number): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Pool {
  slots: number[] = [];

  #size: number;
  #init: Promise<void> | undefined;

  constructor(size: number) {
    this.#size = size;
    for (let index = 0; index < size; index++) {
      this.slots.push(index);
    }
  }

  async #initialize(): Promise<void> {
    const pending: unknown[] = [];
    for (let index = 0; index < this.#size; index++) {
      pending.push(this.open(index));
    }
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

  async open(index: number): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a constructor with a comment before it, emptied: it goes, the comment stays in front of the factory',
      code: `
class Loader {
  // Loads the catalogue.
  constructor(source: string) {
    void this.load(source);
  }

  async load(source: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loader {
  // Loads the catalogue.
  static async create(source: string): Promise<Loader> {
    const loader = new Loader();
    await loader.load(source);
    return loader;
  }

  async load(source: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loader {
  #source: string;
  #init: Promise<void> | undefined;

  // Loads the catalogue.
  constructor(source: string) {
    this.#source = source;
  }

  async #initialize(): Promise<void> {
    await this.load(this.#source);
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

  async load(source: string): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a parameter the constructor stores on a field: the awaitable class reads the field (`this.channel`), the factory the parameter',
      code: `
class Client {
  channel: { name: string };

  constructor(channel: { name: string }) {
    this.channel = channel;
    this.resolve(channel.name);
  }

  async resolve(name: string): Promise<void> {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Client {
  channel: { name: string };

  constructor(channel: { name: string }) {
    this.channel = channel;
  }

  static async create(channel: { name: string }): Promise<Client> {
    const client = new Client(channel);
    await client.resolve(channel.name);
    return client;
  }

  async resolve(name: string): Promise<void> {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Client {
  channel: { name: string };

  #init: Promise<void> | undefined;

  constructor(channel: { name: string }) {
    this.channel = channel;
  }

  async #initialize(): Promise<void> {
    await this.resolve(this.channel.name);
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

  async resolve(name: string): Promise<void> {}
}
`,
            },
          ],
        },
      ],
    },
];

tsTester.run('no-async-constructor quick fixes (TypeScript)', rule, { valid: [], invalid: tsCases });

const jsCases: Case[] = [
    {
      name: 'a .js file: no type syntax',
      code: `
class Db {
  constructor(url) {
    this.url = url;
    this.connect();
  }

  async connect() {}
}

export async function main() {
  return new Db('postgres://localhost/app');
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
  constructor(url) {
    this.url = url;
  }

  static async create(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }

  async connect() {}
}

export async function main() {
  return await Db.create('postgres://localhost/app');
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    this.url = url;
  }

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

export async function main() {
  return new Db('postgres://localhost/app');
}
`,
            },
          ],
        },
      ],
    },

    {
      name: '`constructorVisibility` does not apply to JavaScript',
      code: `
class Db {
  constructor() {
    this.connect();
  }

  async connect() {}
}
`,
      options: [{ constructorVisibility: 'private' }],
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 5,
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

    {
      name: 'the constructor reads `arguments`: the factory passes `...args` (so `arguments.length` is what the caller passed)',
      code: `
export class T {
  constructor(first) {
    this.items = [];
    this.load(arguments.length, first);
    this.ready = true;
  }

  async load(count, first) {
    this.items.push(count, first);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
export class T {
  /** @type {Promise<unknown>} */
  #loading;

  constructor(first) {
    this.items = [];
    this.#loading = this.load(arguments.length, first);
    this.ready = true;
  }

  /** @param {...unknown} args */
  static async create(...args) {
    const t = new T(...args);
    await t.#loading;
    return t;
  }

  async load(count, first) {
    this.items.push(count, first);
  }
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
export class T {
  /** @type {Promise<unknown>} */
  #loading;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(first) {
    this.items = [];
    this.#loading = this.#handled(this.load(arguments.length, first));
    this.ready = true;
  }

  async #initialize() {
    await this.#loading;
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

  async load(count, first) {
    this.items.push(count, first);
  }

  /**
   * Awaited by \`then\`, maybe late: handled now, so a failure meanwhile is no unhandled rejection.
   * @template T
   * @param {T} work
   * @returns {T}
   */
  #handled(work) {
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
      name: 'a field initialiser and a destructured parameter',
      code: `
export class Store {
  ready = this.load();

  constructor({ name }) {
    this.name = name;
  }

  async load() {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
export class Store {
  ready;

  constructor({ name }) {
    this.name = name;
  }

  static async create(options) {
    const store = new Store(options);
    store.ready = store.load();
    await store.ready;
    return store;
  }

  async load() {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
export class Store {
  ready;

  /** @type {Promise<void> | undefined} */
  #init;

  constructor({ name }) {
    this.name = name;
  }

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

    {
      name: 'a later statement overwrites a field the work reads: the work is recorded where it is, so it still sees `boot` (B6)',
      code: `
export class Machine {
  constructor() {
    this.mode = 'boot';
    this.connect();
    this.mode = 'ready';
  }

  async connect() {
    console.log('connecting in mode', this.mode);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
export class Machine {
  /** @type {Promise<unknown>} */
  #connecting;

  constructor() {
    this.mode = 'boot';
    this.#connecting = this.connect();
    this.mode = 'ready';
  }

  static async create() {
    const machine = new Machine();
    await machine.#connecting;
    return machine;
  }

  async connect() {
    console.log('connecting in mode', this.mode);
  }
}
`,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
export class Machine {
  /** @type {Promise<unknown>} */
  #connecting;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    this.mode = 'boot';
    this.#connecting = this.#handled(this.connect());
    this.mode = 'ready';
  }

  async #initialize() {
    await this.#connecting;
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

  async connect() {
    console.log('connecting in mode', this.mode);
  }

  /**
   * Awaited by \`then\`, maybe late: handled now, so a failure meanwhile is no unhandled rejection.
   * @template T
   * @param {T} work
   * @returns {T}
   */
  #handled(work) {
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
      name: "ioredis's shape: the else branch moves under its guard, negated; the other branch stays",
      code: `
export class Redis {
  constructor(options) {
    this.options = options;
    if (this.options.lazyConnect) {
      this.status = 'wait';
    } else {
      this.connect().catch(() => {});
    }
  }

  async connect() {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
export class Redis {
  constructor(options) {
    this.options = options;
    if (this.options.lazyConnect) {
      this.status = 'wait';
    }
  }

  static async create(options) {
    const redis = new Redis(options);
    if (!redis.options.lazyConnect) {
      await redis.connect().catch(() => {});
    }
    return redis;
  }

  async connect() {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
export class Redis {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(options) {
    this.options = options;
    if (this.options.lazyConnect) {
      this.status = 'wait';
    }
  }

  async #initialize() {
    if (!this.options.lazyConnect) {
      await this.connect().catch(() => {});
    }
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
    {
      name: "JavaScript: the factory takes the constructor's JSDoc @param types, so typed linting reads no any in new X(…)",
      code: `
export class Provider {
  /**
   * @param {string} endpoint where to connect
   * @param {number} [timeout] per request
   */
  constructor(endpoint, timeout) {
    this.timeout = timeout;
    this.connect(endpoint);
  }

  /** @param {string} endpoint */
  async connect(endpoint) {}
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
export class Provider {
  /**
   * @param {string} endpoint where to connect
   * @param {number} [timeout] per request
   */
  constructor(endpoint, timeout) {
    this.timeout = timeout;
  }

  /**
   * @param {string} endpoint where to connect
   * @param {number} [timeout] per request
   */
  static async create(endpoint, timeout) {
    const provider = new Provider(endpoint, timeout);
    await provider.connect(endpoint);
    return provider;
  }

  /** @param {string} endpoint */
  async connect(endpoint) {}
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
export class Provider {
  /** @type {unknown} */
  #endpoint;
  /** @type {Promise<void> | undefined} */
  #init;

  /**
   * @param {string} endpoint where to connect
   * @param {number} [timeout] per request
   */
  constructor(endpoint, timeout) {
    this.#endpoint = endpoint;
    this.timeout = timeout;
  }

  async #initialize() {
    await this.connect(this.#endpoint);
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

  /** @param {string} endpoint */
  async connect(endpoint) {}
}
`,
            },
          ],
        },
      ],
    },
];

jsTester.run('no-async-constructor quick fixes (JavaScript, espree)', rule, { valid: [], invalid: jsCases });

typedTester.run('no-async-constructor quick fixes (typed)', rule, {
  valid: [
    // The recorded shape the fixes write is sound with types too: the class's own factory awaits it...
    `
import { type Client } from './deps.js';

export class Session {
  #pendingInit: unknown[] = [];

  constructor(private readonly client: Client, lazy: boolean) {
    if (!lazy) {
      this.#trackInit(client.connect());
    }
  }

  static async create(client: Client, lazy: boolean): Promise<Session> {
    const session = new Session(client, lazy);
    await Promise.all(session.#pendingInit);
    return session;
  }

  #trackInit<T>(work: T): T {
    // Handled here so that a late await is no unhandled rejection; \`create()\` still rejects with it.
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
`,
    // ...or its `then`'s initialiser does.
    `
import { type Client } from './deps.js';

export class Session {
  #pendingInit: unknown[] = [];
  #init: Promise<void> | undefined;

  constructor(private readonly client: Client, lazy: boolean) {
    if (!lazy) {
      this.#trackInit(client.connect());
    }
  }

  async #initialize(): Promise<void> {
    await Promise.all(this.#pendingInit);
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

  #trackInit<T>(work: T): T {
    // Handled here so that a late await is no unhandled rejection; awaiting the instance still rejects with it.
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
`,
  ],
  invalid: [
    {
      name: 'type tier: the recorded shape without the factory that awaits it stays reported (the type tier sees the recording call)',
      code: `
import { type Client } from './deps.js';

export class Session {
  #pendingInit: unknown[] = [];

  constructor(private readonly client: Client, lazy: boolean) {
    if (!lazy) {
      this.#trackInit(client.connect());
    }
  }

  #trackInit<T>(work: T): T {
    // Handled here so that a late await is no unhandled rejection; \`create()\` still rejects with it.
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { type Client } from './deps.js';

export class Session {
  #pendingInit: unknown[] = [];

  constructor(private readonly client: Client) {}

  static async create(client: Client, lazy: boolean): Promise<Session> {
    const session = new Session(client);
    if (!lazy) {
      await session.#trackInit(client.connect());
    }
    return session;
  }

  #trackInit<T>(work: T): T {
    // Handled here so that a late await is no unhandled rejection; \`create()\` still rejects with it.
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { type Client } from './deps.js';

export class Session {
  #pendingInit: unknown[] = [];

  #lazy: boolean;
  #init: Promise<void> | undefined;

  constructor(private readonly client: Client, lazy: boolean) {
    this.#lazy = lazy;
  }

  async #initialize(): Promise<void> {
    if (!this.#lazy) {
      await this.#trackInit(this.client.connect());
    }
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

  #trackInit<T>(work: T): T {
    // Handled here so that a late await is no unhandled rejection; \`create()\` still rejects with it.
    Promise.resolve(work).catch(() => {});
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
    {
      name: 'type tier: an injected client whose `connect()` returns a promise (found with types only)',
      code: `
import { type Client } from './deps.js';

export class Session {
  constructor(private readonly client: Client) {
    client.connect();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { type Client } from './deps.js';

export class Session {
  constructor(private readonly client: Client) {}

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
import { type Client } from './deps.js';

export class Session {
  #init: Promise<void> | undefined;

  constructor(private readonly client: Client) {}

  async #initialize(): Promise<void> {
    await this.client.connect();
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
  ],
});

/**
 * Every suggestion's output, linted again: the class it fixed has no report left (the transforms
 * move all of a class's work at once), and every other report of the file is still there.
 */
describe('suggestion outputs do not trip no-async-constructor again', () => {
  const lint = (code: string, filename: string, parser: Linter.Parser): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.js'],
          plugins: { 'async-init': { rules: { 'no-async-constructor': rule as never } } },
          languageOptions: { parser },
          rules: { 'async-init/no-async-constructor': 'error' },
        },
      ],
      filename,
    );
  const cases = [
    ...tsCases.map((testCase) => ({ testCase, parser: tsParser as Linter.Parser })),
    ...jsCases.map((testCase) => ({ testCase, parser: espree as Linter.Parser })),
  ];
  for (const { testCase, parser } of cases) {
    const outputs = testCase.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output));
    if (outputs.length === 0) {
      continue;
    }
    it(testCase.name ?? testCase.code, () => {
      const filename = testCase.filename ?? (parser === tsParser ? 'file.ts' : 'file.js');
      for (const output of new Set(outputs)) {
        const fixedReports = outputs.filter((candidate) => candidate === output).length;
        const messages = lint(output, filename, parser);
        expect(messages.filter((message) => message.fatal)).toEqual([]);
        expect(messages).toHaveLength(testCase.errors.length - fixedReports);
      }
    });
  }
});

/**
 * docs/rules/no-async-constructor.md shows the exact before/after of both fixes for a guarded, a
 * stored and a looped case (tests/fixes/docs.test.ts checks the first example): these keep them exact.
 */
describe('docs: the quick-fix examples are what the fixes write', () => {
  const docs = readFileSync(new URL('../../docs/rules/no-async-constructor.md', import.meta.url), 'utf8');
  const example = (name: string): string => {
    const match = new RegExp(`<!-- quick-fix example: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\`\\n`, 'u').exec(docs);
    if (!match?.[1]) {
      throw new Error(`docs/rules/no-async-constructor.md has no "${name}" quick-fix example`);
    }
    return match[1];
  };
  // The shapes that move, and the one that records (a later statement needs the work's synchronous part).
  const cases: [name: string, factory: MessageIds, thenable: MessageIds][] = [
    ['guarded', 'suggestFactory', 'suggestThenable'],
    ['stored', 'suggestFactory', 'suggestThenable'],
    ['looped', 'suggestFactory', 'suggestThenable'],
    ['prefix', 'suggestFactoryRecorded', 'suggestThenableRecorded'],
  ];
  for (const [name, factoryId, thenableId] of cases) {
    it(name, () => {
      const before = example(`${name} before`);
      const messages = new Linter({ configType: 'flat' }).verify(
        before,
        [
          {
            files: ['**/*.ts'],
            plugins: { 'async-init': { rules: { 'no-async-constructor': rule as never } } },
            languageOptions: { parser: tsParser as Linter.Parser },
            rules: { 'async-init/no-async-constructor': 'error' },
          },
        ],
        'example.ts',
      );
      expect(messages.length).toBeGreaterThan(0);
      const apply = (messageId: string): string | undefined => {
        const suggestion = messages[0]?.suggestions?.find((candidate) => candidate.messageId === messageId);
        return suggestion && before.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + before.slice(suggestion.fix.range[1]);
      };
      expect(apply(factoryId)).toBe(example(`${name} factory`));
      expect(apply(thenableId)).toBe(example(`${name} thenable`));
    });
  }
});
