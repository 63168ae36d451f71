import rule from '../../src/rules/require-awaited-init.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

// espree (latest) parses `using` and `await using`, so the JS tier runs on espree itself.

jsTester.run('require-awaited-init (js)', rule, {
  valid: [
    // The recorded shape: the constructor starts and records its work, the factory awaits it. A
    // `new Stream()` outside async code runs that work as it did before the factory was written.
    `
class Stream {
  #pendingInit = [];
  constructor(root) {
    this.parents = [this.#trackInit(this.explore(root))];
  }
  static async create(root) {
    const stream = new Stream(root);
    await Promise.all(stream.#pendingInit);
    return stream;
  }
  async explore(root) { return root; }
  #trackInit(work) {
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
export const readdirp = (root) => new Stream(root);
`,
    // Call sites: the factory constructs its own class; the caller runs the initialisation itself;
    // the constructor still does the work the factory awaits; a factory that awaits before it constructs.
    `
class Db {
  constructor(url) { this.url = url; }
  static async create(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  clone() { return new Db(this.url); }
  async connect() {}
}
async function manual() {
  const db = new Db('a');
  await db.connect();
  return db;
}
async function factory() {
  return Db.create('b');
}
class Cache {
  constructor() { void this.warm(); }
  static async create() {
    const cache = new this();
    await cache.warm();
    return cache;
  }
  async warm() {}
}
class Config {
  constructor(text) { this.text = text; }
  static async load(path) {
    const text = await read(path);
    return new Config(text);
  }
}
async function read(path) { return path; }
async function main() {
  new Cache();
  new Config('x');
}
`,
    // Awaited before it is bound or used.
    `
class Client { then(resolve) { resolve(undefined); } }
async function main() {
  await using client = await new Client();
  using other = await new Client();
  (await new Client()).query();
  await new Client();
}
`,
    // Assigned to a variable that is awaited later.
    `
class Client { then(resolve) { resolve(undefined); } }
async function main() {
  const client = new Client();
  await client;
}
`,
    // Not awaitable: no \`then\`, or a \`then\` field that is \`undefined\`.
    `
class Plain { query() {} [Symbol.dispose]() {} }
class Settled { then = undefined; }
function main() {
  using plain = new Plain();
  new Plain();
  new Plain().query();
  new Settled().x;
}
`,
    // Consuming the awaitable through its own promise methods, or discarding it on purpose.
    `
class Client { then(resolve) { resolve(undefined); } }
new Client().then(() => {});
void new Client();
`,
    // A builder whose methods return the instance is awaited at the end of the chain.
    `
class Query {
  then(resolve) { resolve([]); }
  where() { return this; }
}
async function main() {
  return await new Query().where().where();
}
`,
    // Bound to what a promise resolves to, or to something that is not a promise.
    `
async function open() { return { async [Symbol.asyncDispose]() {} }; }
function openSync() { return { [Symbol.dispose]() {} }; }
async function main() {
  await using resource = await open();
  using other = openSync();
  await using none = null;
}
`,
    // \`for (await using … of …)\` has no initialiser of its own.
    `
async function main(resources) {
  for (await using resource of resources) {
    resource.use();
  }
}
`,
    // A class from another module: only the type tier can tell.
    `
import { Client } from './client.js';
async function main() {
  new Client();
  await using client = new Client();
}
`,
    // Other uses of the instance are not this rule's.
    `
class Client { then(resolve) { resolve(undefined); } }
const clients = [new Client()];
export default new Client();
`,
    {
      code: `
class Client { then(resolve) { resolve(undefined); } }
new Client();
new Client().query();
`,
      options: [{ checkUnawaitedNew: false }],
    },
  ],
  invalid: [
    // Call sites of a class whose initialisation lives in its factory: a suggestion to call the
    // factory, awaited where \`await\` is legal (no fix without \`autofix\`).
    {
      code: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  return new Db('a');
}
function later() {
  return new Db('b');
}
`,
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 12,
          column: 10,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Db.open('a')" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  return await Db.open('a');
}
function later() {
  return new Db('b');
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 15,
          column: 10,
          suggestions: [
            {
              messageId: 'useFactory',
              data: { fixed: "Db.open('b')" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  return new Db('a');
}
function later() {
  return Db.open('b');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // \`autofix\`: fixed in async code (\`await\` added, kept when already there, parenthesised before a
    // member access, an argument list added); a member access outside async code gets nothing.
    {
      code: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = new Db('a');
  await new Db('b');
  new Db('c').query();
  return new Db;
}
function later() {
  new Db('d').query();
}
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 12,
          column: 14,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Db.open('a')" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = await Db.open('a');
  await new Db('b');
  new Db('c').query();
  return new Db;
}
function later() {
  new Db('d').query();
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 13,
          column: 9,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "Db.open('b')" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = new Db('a');
  await Db.open('b');
  new Db('c').query();
  return new Db;
}
function later() {
  new Db('d').query();
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 14,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "(await Db.open('c'))" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = new Db('a');
  await new Db('b');
  (await Db.open('c')).query();
  return new Db;
}
function later() {
  new Db('d').query();
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 15,
          column: 10,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Db.open()" },
              output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = new Db('a');
  await new Db('b');
  new Db('c').query();
  return await Db.open();
}
function later() {
  new Db('d').query();
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 18,
          column: 3,
          suggestions: [],
        },
      ],
      output: `
class Db {
  static async open(url) {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect() {}
  query() {}
}
async function main() {
  const db = await Db.open('a');
  await Db.open('b');
  (await Db.open('c')).query();
  return await Db.open();
}
function later() {
  new Db('d').query();
}
`,
    },
    // The factory awaits a field holding the promise the constructor started (what the factory
    // transform writes where the work cannot leave the constructor); a module's top level can await.
    {
      code: `
class Feed {
  #ready;
  constructor(url) {
    this.url = url;
    this.#ready = this.subscribe();
  }
  static async create(url) {
    const feed = new Feed(url);
    await feed.#ready;
    return feed;
  }
  async subscribe() {}
}
const feed = new Feed('wss://example.test');
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 15,
          column: 14,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Feed.create('wss://example.test')" },
              output: `
class Feed {
  #ready;
  constructor(url) {
    this.url = url;
    this.#ready = this.subscribe();
  }
  static async create(url) {
    const feed = new Feed(url);
    await feed.#ready;
    return feed;
  }
  async subscribe() {}
}
const feed = await Feed.create('wss://example.test');
`,
            },
          ],
        },
      ],
      output: `
class Feed {
  #ready;
  constructor(url) {
    this.url = url;
    this.#ready = this.subscribe();
  }
  static async create(url) {
    const feed = new Feed(url);
    await feed.#ready;
    return feed;
  }
  async subscribe() {}
}
const feed = await Feed.create('wss://example.test');
`,
    },
    // The factory transform's recorded shape: the work stays in the constructor, wrapped by
    // \`#trackInit\`, and the factory awaits \`Promise.all(queue.#pendingInit)\`.
    {
      code: `
class Queue {
  #pendingInit = [];
  constructor(options) {
    const { autorun } = options;
    if (autorun) {
      this.#trackInit(this.run().catch(console.error));
    }
  }
  static async create(options) {
    const queue = new Queue(options);
    await Promise.all(queue.#pendingInit);
    return queue;
  }
  async run() {}
  #trackInit(work) {
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
export async function main() {
  return new Queue({ autorun: true });
}
`,
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 23,
          column: 10,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Queue.create({ autorun: true })" },
              output: `
class Queue {
  #pendingInit = [];
  constructor(options) {
    const { autorun } = options;
    if (autorun) {
      this.#trackInit(this.run().catch(console.error));
    }
  }
  static async create(options) {
    const queue = new Queue(options);
    await Promise.all(queue.#pendingInit);
    return queue;
  }
  async run() {}
  #trackInit(work) {
    Promise.resolve(work).catch(() => {});
    this.#pendingInit.push(work);
    return work;
  }
}
export async function main() {
  return await Queue.create({ autorun: true });
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Several pieces of work awaited together.
    {
      code: `
class Db {
  static async create() {
    const db = new Db();
    await Promise.all([db.connect(), db.migrate()]);
    return db;
  }
  async connect() {}
  async migrate() {}
}
function main() {
  return new Db();
}
`,
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 12,
          column: 10,
          suggestions: [
            {
              messageId: 'useFactory',
              data: { fixed: "Db.create()" },
              output: `
class Db {
  static async create() {
    const db = new Db();
    await Promise.all([db.connect(), db.migrate()]);
    return db;
  }
  async connect() {}
  async migrate() {}
}
function main() {
  return Db.create();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: `
class Client { then(resolve) { resolve(undefined); } }
async function main() {
  await using client = new Client();
}
`,
      errors: [
        {
          messageId: 'awaitableInUsing',
          line: 4,
          column: 24,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Client()' },
              output: `
class Client { then(resolve) { resolve(undefined); } }
async function main() {
  await using client = await new Client();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Plain \`using\` keeps its disposal protocol; only the initialiser is awaited.
    {
      code: `
class Client { then(resolve) { resolve(undefined); } [Symbol.dispose]() {} }
async function main() {
  using client = new Client();
}
`,
      errors: [
        {
          messageId: 'awaitableInUsing',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Client()' },
              output: `
class Client { then(resolve) { resolve(undefined); } [Symbol.dispose]() {} }
async function main() {
  using client = await new Client();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Outside an async function `await` would be a syntax error: no suggestion.
    {
      code: `
class Client { then(resolve) { resolve(undefined); } [Symbol.dispose]() {} }
function main() {
  using client = new Client();
}
`,
      errors: [{ messageId: 'awaitableInUsing', line: 4, column: 18, suggestions: [] }],
      output: null,
    },
    // Awaitable through a same-file base class; a class expression bound to a name.
    {
      code: `
class Base { then(resolve) { resolve(undefined); } }
class Client extends Base {}
const Other = class { then(resolve) { resolve(undefined); } };
async function main() {
  await using client = new Client(), other = new Other();
}
`,
      errors: [
        {
          messageId: 'awaitableInUsing',
          line: 6,
          column: 24,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Client()' },
              output: `
class Base { then(resolve) { resolve(undefined); } }
class Client extends Base {}
const Other = class { then(resolve) { resolve(undefined); } };
async function main() {
  await using client = await new Client(), other = new Other();
}
`,
            },
          ],
        },
        {
          messageId: 'awaitableInUsing',
          line: 6,
          column: 46,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Other()' },
              output: `
class Base { then(resolve) { resolve(undefined); } }
class Client extends Base {}
const Other = class { then(resolve) { resolve(undefined); } };
async function main() {
  await using client = new Client(), other = await new Other();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Bound to the promise of an async function.
    {
      code: `
async function open() { return { async [Symbol.asyncDispose]() {} }; }
async function main() {
  await using resource = open();
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 4,
          column: 26,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await open()' },
              output: `
async function open() { return { async [Symbol.asyncDispose]() {} }; }
async function main() {
  await using resource = await open();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Bound to a static async factory's promise, at the top level of a module (top-level await is legal).
    {
      code: `
class Db {
  static async create() { return new Db(); }
  async [Symbol.asyncDispose]() {}
}
await using db = Db.create();
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 6,
          column: 18,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await Db.create()' },
              output: `
class Db {
  static async create() { return new Db(); }
  async [Symbol.asyncDispose]() {}
}
await using db = await Db.create();
`,
            },
          ],
        },
      ],
      output: null,
    },
    // `new Promise`, `Promise.resolve`, an async IIFE and a `.then()` chain are promises too.
    {
      code: `
async function open() { return null; }
async function main() {
  await using a = new Promise((resolve) => resolve(null)), b = Promise.resolve(null);
  await using c = (async () => null)(), d = open().then((value) => value);
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Promise((resolve) => resolve(null))' },
              output: `
async function open() { return null; }
async function main() {
  await using a = await new Promise((resolve) => resolve(null)), b = Promise.resolve(null);
  await using c = (async () => null)(), d = open().then((value) => value);
}
`,
            },
          ],
        },
        {
          messageId: 'promiseInUsing',
          line: 4,
          column: 64,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await Promise.resolve(null)' },
              output: `
async function open() { return null; }
async function main() {
  await using a = new Promise((resolve) => resolve(null)), b = await Promise.resolve(null);
  await using c = (async () => null)(), d = open().then((value) => value);
}
`,
            },
          ],
        },
        {
          messageId: 'promiseInUsing',
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await (async () => null)()' },
              output: `
async function open() { return null; }
async function main() {
  await using a = new Promise((resolve) => resolve(null)), b = Promise.resolve(null);
  await using c = await (async () => null)(), d = open().then((value) => value);
}
`,
            },
          ],
        },
        {
          messageId: 'promiseInUsing',
          line: 5,
          column: 45,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await open().then((value) => value)' },
              output: `
async function open() { return null; }
async function main() {
  await using a = new Promise((resolve) => resolve(null)), b = Promise.resolve(null);
  await using c = (async () => null)(), d = await open().then((value) => value);
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A parenthesised initialiser keeps its parentheses: `await` goes in front of them.
    {
      code: `
async function open() { return null; }
async function main() {
  await using resource = (open());
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: '(await open())' },
              output: `
async function open() { return null; }
async function main() {
  await using resource = (await open());
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Plain `using` of a promise in a synchronous function: reported, nothing to suggest.
    {
      code: `
async function open() { return null; }
function main() {
  using resource = open();
}
`,
      errors: [{ messageId: 'promiseInUsing', line: 4, column: 20, suggestions: [] }],
      output: null,
    },
    // A statement that discards an awaitable: awaited in an async function, nothing outside one.
    {
      code: `
class Warmup { then(resolve) { resolve(undefined); } }
async function main() {
  new Warmup();
}
function sync() {
  new Warmup();
}
`,
      errors: [
        {
          messageId: 'discardedAwaitable',
          line: 4,
          column: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Warmup()' },
              output: `
class Warmup { then(resolve) { resolve(undefined); } }
async function main() {
  await new Warmup();
}
function sync() {
  new Warmup();
}
`,
            },
          ],
        },
        { messageId: 'discardedAwaitable', line: 7, column: 3, suggestions: [] },
      ],
      output: null,
    },
    // A class declared after the code that uses it is known too.
    {
      code: `
async function main() {
  new Late();
}
class Late { then(resolve) { resolve(undefined); } }
`,
      errors: [
        {
          messageId: 'discardedAwaitable',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Late()' },
              output: `
async function main() {
  await new Late();
}
class Late { then(resolve) { resolve(undefined); } }
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A member used before the instance is awaited; with and without parentheses.
    {
      code: `
class Client {
  then(resolve) { resolve(undefined); }
  query(sql) { return [sql]; }
}
async function main() {
  const rows = new Client().query('select 1');
  const more = (new Client()).query('select 2');
  return [rows, more];
}
`,
      errors: [
        {
          messageId: 'memberBeforeInit',
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: '(await new Client())' },
              output: `
class Client {
  then(resolve) { resolve(undefined); }
  query(sql) { return [sql]; }
}
async function main() {
  const rows = (await new Client()).query('select 1');
  const more = (new Client()).query('select 2');
  return [rows, more];
}
`,
            },
          ],
        },
        {
          messageId: 'memberBeforeInit',
          line: 8,
          column: 17,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: '(await new Client())' },
              output: `
class Client {
  then(resolve) { resolve(undefined); }
  query(sql) { return [sql]; }
}
async function main() {
  const rows = new Client().query('select 1');
  const more = (await new Client()).query('select 2');
  return [rows, more];
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // `new this()` in a static method; field initialisers and static blocks cannot await.
    {
      code: `
class Client {
  then(resolve) { resolve(undefined); }
  static make() { return new this().token; }
  token = new Client().token;
  static { new Client(); }
}
`,
      errors: [
        { messageId: 'memberBeforeInit', line: 4, column: 26, suggestions: [] },
        { messageId: 'memberBeforeInit', line: 5, column: 11, suggestions: [] },
        { messageId: 'discardedAwaitable', line: 6, column: 12, suggestions: [] },
      ],
      output: null,
    },
  ],
});

jsTester.run('require-awaited-init (js, script)', rule, {
  valid: [],
  invalid: [
    // A script has no top-level await: the suggestion is declined.
    {
      code: `
class Client { then(resolve) { resolve(undefined); } [Symbol.dispose]() {} }
{
  using client = new Client();
}
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'awaitableInUsing', line: 4, column: 18, suggestions: [] }],
      output: null,
    },
  ],
});

tsTester.run('require-awaited-init (ts)', rule, {
  valid: [
    // Call sites: a class from another file is the type tier's; inside the class it may construct itself.
    `
import { Store } from './factory-deps.js';
export async function main(): Promise<void> {
  new Store('a');
}
class Db {
  private constructor(readonly url: string) {}
  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  static async copy(other: Db): Promise<Db> {
    return Db.create(other.url);
  }
  private async connect(): Promise<void> {}
}
`,
    // A declared class with a public constructor: the declaration does not make the factory the only way in.
    `
declare class Socket {
  constructor(host: string);
  static open(host: string): Promise<Socket>;
}
export async function main(): Promise<void> {
  new Socket('a');
}
`,
    // Classes from other files are the type tier's: without types nothing is known of them.
    `
import { RemoteClient, Pool, openPool } from './awaitable-deps.js';
export async function main(): Promise<void> {
  await using client = new RemoteClient('wss://example.test');
  await using pool = Pool.create(1);
  await using other = openPool(2);
  new RemoteClient('wss://example.test').query('select 1');
}
`,
    `
class Client {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
}
export async function main(): Promise<void> {
  const client = new Client() as Client;
  await client;
}
`,
  ],
  invalid: [
    // What the factory transform writes (a private constructor, \`static async create()\`), generic:
    // the type arguments go to the factory.
    {
      code: `
class Box<T> {
  private value?: T;
  private constructor(readonly key: string) {}
  static async create<T>(key: string): Promise<Box<T>> {
    const box = new Box<T>(key);
    await box.fill();
    return box;
  }
  private async fill(): Promise<void> {}
}
export async function main(): Promise<void> {
  const box = new Box<string>('a');
  const other = new Box<number>('b') as Box<number>;
}
export function later(): Promise<Box<string>> | Box<string> {
  return new Box<string>('c');
}
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 13,
          column: 15,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Box.create<string>('a')" },
              output: `
class Box<T> {
  private value?: T;
  private constructor(readonly key: string) {}
  static async create<T>(key: string): Promise<Box<T>> {
    const box = new Box<T>(key);
    await box.fill();
    return box;
  }
  private async fill(): Promise<void> {}
}
export async function main(): Promise<void> {
  const box = await Box.create<string>('a');
  const other = new Box<number>('b') as Box<number>;
}
export function later(): Promise<Box<string>> | Box<string> {
  return new Box<string>('c');
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 14,
          column: 17,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Box.create<number>('b')" },
              output: `
class Box<T> {
  private value?: T;
  private constructor(readonly key: string) {}
  static async create<T>(key: string): Promise<Box<T>> {
    const box = new Box<T>(key);
    await box.fill();
    return box;
  }
  private async fill(): Promise<void> {}
}
export async function main(): Promise<void> {
  const box = new Box<string>('a');
  const other = await Box.create<number>('b') as Box<number>;
}
export function later(): Promise<Box<string>> | Box<string> {
  return new Box<string>('c');
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 17,
          column: 10,
          suggestions: [
            {
              messageId: 'useFactory',
              data: { fixed: "Box.create<string>('c')" },
              output: `
class Box<T> {
  private value?: T;
  private constructor(readonly key: string) {}
  static async create<T>(key: string): Promise<Box<T>> {
    const box = new Box<T>(key);
    await box.fill();
    return box;
  }
  private async fill(): Promise<void> {}
}
export async function main(): Promise<void> {
  const box = new Box<string>('a');
  const other = new Box<number>('b') as Box<number>;
}
export function later(): Promise<Box<string>> | Box<string> {
  return Box.create<string>('c');
}
`,
            },
          ],
        },
      ],
      output: `
class Box<T> {
  private value?: T;
  private constructor(readonly key: string) {}
  static async create<T>(key: string): Promise<Box<T>> {
    const box = new Box<T>(key);
    await box.fill();
    return box;
  }
  private async fill(): Promise<void> {}
}
export async function main(): Promise<void> {
  const box = await Box.create<string>('a');
  const other = await Box.create<number>('b') as Box<number>;
}
export function later(): Promise<Box<string>> | Box<string> {
  return new Box<string>('c');
}
`,
    },
    // A declared class with a private constructor and a static method returning a promise of it.
    {
      code: `
declare class Remote {
  private constructor();
  static connect(host: string): Promise<Remote>;
}
export async function main(): Promise<void> {
  const remote = new Remote();
}
`,
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Remote.connect()" },
              output: `
declare class Remote {
  private constructor();
  static connect(host: string): Promise<Remote>;
}
export async function main(): Promise<void> {
  const remote = await Remote.connect();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Type wrappers: `await` is placed so that it applies to the whole initialiser.
    {
      code: `
class Client implements AsyncDisposable {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function main(): Promise<void> {
  await using client = new Client() as Client;
}
`,
      errors: [
        {
          messageId: 'awaitableInUsing',
          line: 7,
          column: 24,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await (new Client() as Client)' },
              output: `
class Client implements AsyncDisposable {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function main(): Promise<void> {
  await using client = await (new Client() as Client);
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A function annotated to return a promise; an async arrow bound to a const.
    {
      code: `
declare function connect(url: string): Promise<AsyncDisposable>;
const open = async (): Promise<AsyncDisposable> => ({ async [Symbol.asyncDispose]() {} });
export async function main(): Promise<void> {
  await using a = connect('db'), b = open();
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: "await connect('db')" },
              output: `
declare function connect(url: string): Promise<AsyncDisposable>;
const open = async (): Promise<AsyncDisposable> => ({ async [Symbol.asyncDispose]() {} });
export async function main(): Promise<void> {
  await using a = await connect('db'), b = open();
}
`,
            },
          ],
        },
        {
          messageId: 'promiseInUsing',
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await open()' },
              output: `
declare function connect(url: string): Promise<AsyncDisposable>;
const open = async (): Promise<AsyncDisposable> => ({ async [Symbol.asyncDispose]() {} });
export async function main(): Promise<void> {
  await using a = connect('db'), b = await open();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A parameter default of an async function cannot await.
    {
      code: `
class Client {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  token = '';
}
export async function main(token = new Client().token): Promise<string> {
  return token;
}
`,
      errors: [{ messageId: 'memberBeforeInit', line: 6, column: 36, suggestions: [] }],
      output: null,
    },
  ],
});

typedTester.run('require-awaited-init (typed)', rule, {
  valid: [
    // Call sites of classes from other files: the factory's own call; a constructor that still does
    // the work itself; no factory; a declaration with a public constructor; a class the factory
    // transform would migrate, without \`checkFactoryMigration\`.
    `
import { Store, Cache, Point, Queue } from './factory-deps.js';
import { Socket } from './factory-declarations.js';
export async function main(): Promise<void> {
  await Store.create('a');
  new Cache();
  new Point(1, 2);
  new Socket('b');
  new Queue('c');
}
`,
    // A class the factory transform declines (the factory's name is taken by a method) gets no call-site report.
    {
      code: `
import { Queue } from './factory-deps.js';
export async function main(): Promise<void> {
  new Queue('jobs');
}
`,
      options: [{ checkFactoryMigration: true, factoryName: 'isConnected' }],
    },
    `
import { RemoteClient, Pool, QueryBuilder, openPool } from './awaitable-deps.js';
export async function main(): Promise<void> {
  await using client = await new RemoteClient('wss://example.test');
  await using pool = await Pool.create(1);
  await using other = await openPool(2);
  console.log(await new QueryBuilder().where('a').where('b'));
  new Promise<void>((resolve) => resolve());
}
`,
    // A subclass of Promise is a promise (its \`then\` is the lib's), not a class with an initialisation.
    `
class Deferred<T> extends Promise<T> {}
export function start(): void {
  new Deferred<void>((resolve) => resolve());
  new Deferred<void>((resolve) => resolve()).finally(() => {});
}
`,
    // \`any\` says nothing: not reported.
    `
declare const Loose: any;
export async function main(): Promise<void> {
  new Loose();
  await using loose = new Loose();
}
`,
  ],
  invalid: [
    // With types the class may live in another file (a named or a namespace import) or a \`.d.ts\`.
    {
      code: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = new Store('a');
  const feed = new deps.Feed('b');
  const remote = new Remote();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return new Store('c') as never;
}
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'constructedWithoutFactory',
          line: 6,
          column: 17,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Store.create('a')" },
              output: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = await Store.create('a');
  const feed = new deps.Feed('b');
  const remote = new Remote();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return new Store('c') as never;
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await deps.Feed.open('b')" },
              output: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = new Store('a');
  const feed = await deps.Feed.open('b');
  const remote = new Remote();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return new Store('c') as never;
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 8,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Remote.connect()" },
              output: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = new Store('a');
  const feed = new deps.Feed('b');
  const remote = await Remote.connect();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return new Store('c') as never;
}
`,
            },
          ],
        },
        {
          messageId: 'constructedWithoutFactory',
          line: 12,
          column: 10,
          suggestions: [
            {
              messageId: 'useFactory',
              data: { fixed: "Store.create('c')" },
              output: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = new Store('a');
  const feed = new deps.Feed('b');
  const remote = new Remote();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return Store.create('c') as never;
}
`,
            },
          ],
        },
      ],
      output: `
import { Store, Feed } from './factory-deps.js';
import * as deps from './factory-deps.js';
import { Remote } from './factory-declarations.js';
export async function main(): Promise<void> {
  const store = await Store.create('a');
  const feed = await deps.Feed.open('b');
  const remote = await Remote.connect();
  return void [store, feed, remote, Feed];
}
export function later(): Promise<Store> {
  return new Store('c') as never;
}
`,
    },
    // \`checkFactoryMigration\`: a class whose constructor starts work the factory transform moves is
    // called through the factory it is about to get, by the name no-async-constructor is given.
    {
      code: `
import { Queue, Point } from './factory-deps.js';
export async function main(): Promise<boolean> {
  const queue = new Queue('jobs');
  new Point(1, 2);
  return queue.isConnected();
}
`,
      options: [{ autofix: true, checkFactoryMigration: true, factoryName: 'open' }],
      errors: [
        {
          messageId: 'constructedBeforeFactory',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'awaitFactory',
              data: { fixed: "await Queue.open('jobs')" },
              output: `
import { Queue, Point } from './factory-deps.js';
export async function main(): Promise<boolean> {
  const queue = await Queue.open('jobs');
  new Point(1, 2);
  return queue.isConnected();
}
`,
            },
          ],
        },
      ],
      output: `
import { Queue, Point } from './factory-deps.js';
export async function main(): Promise<boolean> {
  const queue = await Queue.open('jobs');
  new Point(1, 2);
  return queue.isConnected();
}
`,
    },
    // An awaitable class from another file, bound by `await using`.
    {
      code: `
import { RemoteClient } from './awaitable-deps.js';
export async function main(): Promise<void> {
  await using client = new RemoteClient('wss://example.test');
}
`,
      errors: [
        {
          messageId: 'awaitableInUsing',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: "await new RemoteClient('wss://example.test')" },
              output: `
import { RemoteClient } from './awaitable-deps.js';
export async function main(): Promise<void> {
  await using client = await new RemoteClient('wss://example.test');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Promises from another file's static factory and async function, at the top level of an ES module.
    {
      code: `
import { Pool, openPool } from './awaitable-deps.js';
await using pool = Pool.create(1), other = openPool(2);
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await Pool.create(1)' },
              output: `
import { Pool, openPool } from './awaitable-deps.js';
await using pool = await Pool.create(1), other = openPool(2);
`,
            },
          ],
        },
        {
          messageId: 'promiseInUsing',
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await openPool(2)' },
              output: `
import { Pool, openPool } from './awaitable-deps.js';
await using pool = Pool.create(1), other = await openPool(2);
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A promise subclass bound by \`await using\` is a promise.
    {
      code: `
class Deferred<T> extends Promise<T> {}
export async function main(): Promise<void> {
  await using pending = new Deferred<null>((resolve) => resolve(null));
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Deferred<null>((resolve) => resolve(nul…' },
              output: `
class Deferred<T> extends Promise<T> {}
export async function main(): Promise<void> {
  await using pending = await new Deferred<null>((resolve) => resolve(null));
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A promise held in a variable: only its type says so.
    {
      code: `
import { openPool } from './awaitable-deps.js';
export async function main(): Promise<void> {
  const pending = openPool(1);
  await using pool = pending;
}
`,
      errors: [
        {
          messageId: 'promiseInUsing',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await pending' },
              output: `
import { openPool } from './awaitable-deps.js';
export async function main(): Promise<void> {
  const pending = openPool(1);
  await using pool = await pending;
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Discarded, and used before it is awaited; a subclass of another file's awaitable class.
    {
      code: `
import { AwaitableBase, RemoteClient } from './awaitable-deps.js';
class Local extends AwaitableBase {}
export async function main(): Promise<void> {
  new RemoteClient('wss://example.test');
  await new RemoteClient('wss://example.test').query('select 1');
  new Local();
}
`,
      errors: [
        {
          messageId: 'discardedAwaitable',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: "await new RemoteClient('wss://example.test')" },
              output: `
import { AwaitableBase, RemoteClient } from './awaitable-deps.js';
class Local extends AwaitableBase {}
export async function main(): Promise<void> {
  await new RemoteClient('wss://example.test');
  await new RemoteClient('wss://example.test').query('select 1');
  new Local();
}
`,
            },
          ],
        },
        {
          messageId: 'memberBeforeInit',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: "(await new RemoteClient('wss://example.test'))" },
              output: `
import { AwaitableBase, RemoteClient } from './awaitable-deps.js';
class Local extends AwaitableBase {}
export async function main(): Promise<void> {
  new RemoteClient('wss://example.test');
  await (await new RemoteClient('wss://example.test')).query('select 1');
  new Local();
}
`,
            },
          ],
        },
        {
          messageId: 'discardedAwaitable',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'insertAwait',
              data: { fixed: 'await new Local()' },
              output: `
import { AwaitableBase, RemoteClient } from './awaitable-deps.js';
class Local extends AwaitableBase {}
export async function main(): Promise<void> {
  new RemoteClient('wss://example.test');
  await new RemoteClient('wss://example.test').query('select 1');
  await new Local();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
