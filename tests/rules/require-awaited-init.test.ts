import rule from '../../src/rules/require-awaited-init.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

// espree (latest) parses `using` and `await using`, so the JS tier runs on espree itself.

jsTester.run('require-awaited-init (js)', rule, {
  valid: [
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
