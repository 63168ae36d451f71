import { Linter } from 'eslint';
import { Linter as LinterV9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-awaited-init.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

// Awaitable instances held in variables and fields. `Client` is the awaitable class the plugin's
// awaitable-class fix writes, made short: its `then` connects once, shadows itself, then fulfils with
// the instance, so `await new Client()` gives the connected client.

jsTester.run('require-awaited-init held instances (js)', rule, {
  valid: [
    // Awaited before use; reassigned with its awaited value; awaited through `Promise.all`.
    `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function awaited() {
  const client = new Client();
  await client;
  return client.query('a');
}
export async function reassigned() {
  let client = new Client();
  client = await client;
  return client.query('b');
}
export async function together() {
  const first = new Client();
  const second = new Client();
  await Promise.all([first, second]);
  return [first.query('c'), second.query('d')];
}
`,
    // Returned, handed to a function, stored elsewhere, exported: the receiver's to await.
    `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export function open() {
  const client = new Client();
  return client;
}
export function handOn(register) {
  const client = new Client();
  register(client);
}
export function store(holder) {
  const client = new Client();
  holder.client = client;
  setTimeout(() => client.query('a'), 10);
}
export const shared = new Client();
shared.query('b');
`,
    // A builder whose methods return the builder is awaited at the end of its chain.
    `
class Query {
  then(resolve) { resolve([]); }
  where() { return this; }
  limit() { return this; }
}
export async function rows() {
  const query = new Query();
  query.where('a');
  query.limit(1);
  return await query;
}
`,
    // Before the await: listeners subscribed, members written, the variable tested; a callback that
    // may run after the await; the instance's own \`then\`, whose callback runs once it is initialised.
    `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function setup(log) {
  const client = new Client();
  client.on('error', log);
  client.timeout = 5;
  if (client && typeof client.query === 'function') {
    setTimeout(() => client.query('a'), 10);
  }
  await client;
}
export function later() {
  const client = new Client();
  client.then((connected) => connected.query('b'));
}
`,
    // An awaited member that the class's \`then\` waits on is its initialisation.
    `
class Connection {
  ready = this.connect();
  async connect() {}
  then(resolve, reject) { return this.ready.then(() => { this.then = undefined; return this; }).then(resolve, reject); }
  query() {}
}
export async function main() {
  const connection = new Connection();
  await connection.ready;
  connection.query();
}
`,
    // Another function awaits it, and this one awaits that before the read.
    `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function main() {
  const client = new Client();
  const connect = async () => { await client; };
  await connect();
  return client.query('a');
}
`,
    // A field awaited in an init method (no-two-phase-disposable's territory), handed on, consumed
    // through its \`then\`; a class that aliases \`this\`.
    `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export class Initialised {
  client = new Client();
  async init() { await this.client; }
  find() { return this.client.query('a'); }
}
export class HandsOn {
  client = new Client();
  getClient() { return this.client; }
  find() { return this.client.query('b'); }
}
export class Chained {
  constructor() { this.client = new Client(); }
  find() { return this.client.then((client) => client.query('c')); }
}
export class Aliased {
  client = new Client();
  find() {
    const { client } = this;
    return client.query('d');
  }
}
`,
    // Inside the class itself: its factory awaits what the constructor recorded (the factory fix's
    // output on knex's awaitable \`Transaction\`).
    `
class Transaction {
  #pendingInit = [];
  constructor(work) {
    this.#pendingInit.push(work());
  }
  static async create(work) {
    const transaction = new Transaction(work);
    await Promise.all(transaction.#pendingInit);
    return transaction;
  }
  then(resolve, reject) { return Promise.all(this.#pendingInit).then(() => { this.then = undefined; return this; }).then(resolve, reject); }
}
`,
    // Not awaitable: a global class, a class without \`then\`.
    `
class Plain { query() {} }
export function main() {
  const map = new Map();
  const plain = new Plain();
  return [map.get(1), plain.query()];
}
`,
    // \`using\` declarations are reported as such (awaitableInUsing), not again here; the option off.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function main() {
  const client = new Client();
  return client.query('a');
}
export class Repo {
  client = new Client();
  find() { return this.client.query('b'); }
}
`,
      options: [{ checkHeldInstances: false }],
    },
  ],
  invalid: [
    // Never awaited; used before the await: the suggestion awaits the instance where it is created.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function never() {
  const client = new Client();
  return client.query('a');
}
export async function before() {
  const client = new Client();
  client.query('b');
  await client;
}
`,
      errors: [
        {
          messageId: 'heldBeforeAwait',
          data: { name: 'client', expression: '`new Client()`', member: 'query', line: 8 },
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              data: { fixed: 'await new Client()' },
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function never() {
  const client = await new Client();
  return client.query('a');
}
export async function before() {
  const client = new Client();
  client.query('b');
  await client;
}
`,
            },
          ],
        },
        {
          messageId: 'heldBeforeAwait',
          line: 11,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function never() {
  const client = new Client();
  return client.query('a');
}
export async function before() {
  const client = await new Client();
  client.query('b');
  await client;
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // "Before" is on some path: awaited on one branch only; around a loop, the first instance is
    // read before any await. With \`autofix\`, \`--fix\` applies the suggestion.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function branch(ready) {
  const client = new Client();
  if (!ready) {
    await client;
  }
  return client.query('a');
}
export async function loop() {
  let client = new Client();
  for (let i = 0; i < 3; i++) {
    client.query('b');
    client = new Client();
    await client;
  }
}
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'heldBeforeAwait',
          data: { name: 'client', expression: '`new Client()`', member: 'query', line: 11 },
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function branch(ready) {
  const client = await new Client();
  if (!ready) {
    await client;
  }
  return client.query('a');
}
export async function loop() {
  let client = new Client();
  for (let i = 0; i < 3; i++) {
    client.query('b');
    client = new Client();
    await client;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'heldBeforeAwait',
          data: { name: 'client', expression: '`new Client()`', member: 'query', line: 16 },
          line: 14,
          column: 16,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function branch(ready) {
  const client = new Client();
  if (!ready) {
    await client;
  }
  return client.query('a');
}
export async function loop() {
  let client = await new Client();
  for (let i = 0; i < 3; i++) {
    client.query('b');
    client = new Client();
    await client;
  }
}
`,
            },
          ],
        },
      ],
      output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function branch(ready) {
  const client = await new Client();
  if (!ready) {
    await client;
  }
  return client.query('a');
}
export async function loop() {
  let client = await new Client();
  for (let i = 0; i < 3; i++) {
    client.query('b');
    client = new Client();
    await client;
  }
}
`,
    },
    // A use before the \`new\` in a loop's body is reached around the loop, from the instance made in
    // the iteration before.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function poll(count) {
  let client;
  for (let i = 0; i < count; i++) {
    if (client) client.query('a');
    client = new Client();
  }
}
`,
      errors: [
        {
          messageId: 'heldBeforeAwait',
          data: { name: 'client', expression: '`new Client()`', member: 'query', line: 9 },
          line: 10,
          column: 14,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function poll(count) {
  let client;
  for (let i = 0; i < count; i++) {
    if (client) client.query('a');
    client = await new Client();
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Never awaited, used in a callback: in a synchronous function \`await\` cannot go where it is
    // created (no fix); at a module's top level it can. Assigned later: the fix goes to the assignment.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export function later() {
  const client = new Client();
  setTimeout(() => client.query('a'), 10);
}
const shared = new Client();
export function find() {
  return shared.query('b');
}
export async function assigned() {
  let client;
  client = new Client();
  return client.query('c');
}
`,
      errors: [
        {
          messageId: 'heldInCallback',
          data: { name: 'client', expression: '`new Client()`', member: 'query', line: 8 },
          line: 7,
          column: 18,
          suggestions: [],
        },
        {
          messageId: 'heldInCallback',
          data: { name: 'shared', expression: '`new Client()`', member: 'query', line: 12 },
          line: 10,
          column: 16,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export function later() {
  const client = new Client();
  setTimeout(() => client.query('a'), 10);
}
const shared = await new Client();
export function find() {
  return shared.query('b');
}
export async function assigned() {
  let client;
  client = new Client();
  return client.query('c');
}
`,
            },
          ],
        },
        {
          messageId: 'heldBeforeAwait',
          line: 16,
          column: 12,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              output: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export function later() {
  const client = new Client();
  setTimeout(() => client.query('a'), 10);
}
const shared = new Client();
export function find() {
  return shared.query('b');
}
export async function assigned() {
  let client;
  client = await new Client();
  return client.query('c');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // No fix where awaiting would not give the instance back: a \`then\` that fulfils with something
    // else, and code that calls the instance's own \`then\` (an awaited client has none).
    {
      code: `
class Job {
  then(resolve) { resolve(42); }
  cancel() {}
}
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function run() {
  const job = new Job();
  job.cancel();
}
export async function chained(log) {
  const client = new Client();
  client.then(log);
  return client.query('a');
}
`,
      options: [{ autofix: true }],
      errors: [
        { messageId: 'heldBeforeAwait', line: 11, column: 15, suggestions: [] },
        { messageId: 'heldBeforeAwait', line: 15, column: 18, suggestions: [] },
      ],
      output: null,
    },
    // A \`then\` held in a field, or under a quoted key: awaitable all the same (no fix: these
    // \`then\`s fulfil with the instance without shadowing themselves, so awaiting one never settles).
    {
      code: `
class Arrow {
  then = (resolve) => resolve(this);
  query() {}
}
class Quoted {
  ['then'](resolve) { resolve(this); }
  query() {}
}
export async function main() {
  const arrow = new Arrow();
  const quoted = new Quoted();
  return [arrow.query(), quoted.query()];
}
`,
      errors: [
        { messageId: 'heldBeforeAwait', line: 11, column: 17, suggestions: [] },
        { messageId: 'heldBeforeAwait', line: 12, column: 18, suggestions: [] },
      ],
      output: null,
    },
    // Fields: initialised with an instance or assigned one in the constructor (a private one too),
    // read by the class's members, awaited by none of them. No fix: \`await\` cannot go there.
    {
      code: `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export class Repo {
  client = new Client();
  find() { return this.client.query('a'); }
}
export class Store {
  #client;
  constructor() {
    this.#client = new Client();
  }
  get rows() { return this.#client.query('b'); }
}
`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: 'fieldNeverAwaited',
          data: { field: 'client', expression: '`new Client()`', className: 'Repo', where: '`find()`', member: 'query' },
          line: 7,
          column: 12,
          suggestions: [],
        },
        {
          messageId: 'fieldNeverAwaited',
          data: { field: '#client', expression: '`new Client()`', className: 'Store', where: '`get rows`', member: 'query' },
          line: 13,
          column: 20,
          suggestions: [],
        },
      ],
      output: null,
    },
  ],
});

tsTester.run('require-awaited-init held instances (ts)', rule, {
  valid: [
    // Without types a class from another file is unknown.
    `
import { RemoteClient } from './awaitable-deps.js';
export async function main(): Promise<string[]> {
  const client = new RemoteClient('wss://example.test');
  return client.query('a');
}
`,
  ],
  invalid: [
    // The fix keeps TypeScript's wrappers inside the \`await\`; without types it is offered only where
    // the awaited value (\`Omit<this, 'then'>\` here) cannot meet a declared type: no annotation on the
    // variable, and the variable never handed on.
    {
      code: `
class Client {
  #ready: Promise<void> | undefined;
  then<T = Omit<this, 'then'>>(onfulfilled?: (value: Omit<this, 'then'>) => T | PromiseLike<T>, onrejected?: (reason: unknown) => T | PromiseLike<T>): Promise<T> {
    this.#ready ??= Promise.resolve().then(() => { Object.defineProperty(this, 'then', { value: undefined }); });
    return this.#ready.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  query(sql: string): string { return sql; }
}
export async function wrapped(): Promise<string> {
  const client = new Client() as Client;
  return client.query('a');
}
export async function annotated(): Promise<string> {
  const client: Client = new Client();
  return client.query('b');
}
export async function handedOn(keep: (client: Client) => void): Promise<string> {
  const client = new Client();
  const rows = client.query('c');
  keep(client);
  return rows;
}
`,
      errors: [
        {
          messageId: 'heldBeforeAwait',
          line: 11,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              data: { fixed: 'await (new Client() as Client)' },
              output: `
class Client {
  #ready: Promise<void> | undefined;
  then<T = Omit<this, 'then'>>(onfulfilled?: (value: Omit<this, 'then'>) => T | PromiseLike<T>, onrejected?: (reason: unknown) => T | PromiseLike<T>): Promise<T> {
    this.#ready ??= Promise.resolve().then(() => { Object.defineProperty(this, 'then', { value: undefined }); });
    return this.#ready.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
  query(sql: string): string { return sql; }
}
export async function wrapped(): Promise<string> {
  const client = await (new Client() as Client);
  return client.query('a');
}
export async function annotated(): Promise<string> {
  const client: Client = new Client();
  return client.query('b');
}
export async function handedOn(keep: (client: Client) => void): Promise<string> {
  const client = new Client();
  const rows = client.query('c');
  keep(client);
  return rows;
}
`,
            },
          ],
        },
        { messageId: 'heldBeforeAwait', line: 15, column: 26, suggestions: [] },
        { messageId: 'heldBeforeAwait', line: 19, column: 18, suggestions: [] },
      ],
      output: null,
    },
    // A field of a TypeScript class, private and typed.
    {
      code: `
class Client {
  then(resolve: (value: unknown) => void): void { resolve(this); }
  query(sql: string): string { return sql; }
}
export class Repo {
  private readonly client: Client;
  constructor() {
    this.client = new Client();
  }
  find(): string {
    return this.client.query('a');
  }
}
`,
      errors: [{ messageId: 'fieldNeverAwaited', line: 9, column: 19, suggestions: [] }],
      output: null,
    },
  ],
});

typedTester.run('require-awaited-init held instances (typed)', rule, {
  valid: [
    // A builder from another file (its methods are typed to return the builder), awaited at the end.
    `
import { QueryBuilder, RemoteClient } from './awaitable-deps.js';
export async function rows(): Promise<string[]> {
  const query = new QueryBuilder();
  query.where('a');
  query.where('b');
  return await query;
}
export async function awaited(): Promise<string[]> {
  const client = new RemoteClient('wss://example.test');
  await client;
  return client.query('a');
}
export class Initialised {
  client = new RemoteClient('wss://example.test');
  async init(): Promise<void> {
    await this.client;
  }
  async find(): Promise<string[]> {
    return this.client.query('b');
  }
}
export function globals(): unknown[] {
  const map = new Map<string, string>();
  const url = new URL('https://example.test');
  return [map.get('a'), url.host];
}
`,
    // A class from another file without \`then\`.
    `
import { DisposableBase } from './awaitable-deps.js';
export async function dispose(): Promise<void> {
  const resource = new DisposableBase();
  await resource[Symbol.asyncDispose]();
}
`,
  ],
  invalid: [
    // With types the class may come from another file: what \`await\` gives is typed
    // (\`Omit<RemoteClient, 'then'>\`), so the fix is offered where that fits the variable and where it goes.
    {
      code: `
import { RemoteClient } from './awaitable-deps.js';
export async function never(): Promise<string[]> {
  const client = new RemoteClient('wss://example.test');
  return client.query('a');
}
export async function annotated(): Promise<string[]> {
  const client: RemoteClient = new RemoteClient('wss://example.test');
  return client.query('b');
}
export async function returned(): Promise<RemoteClient> {
  const client = new RemoteClient('wss://example.test');
  await client.query('c');
  return client;
}
export class Repo {
  client = new RemoteClient('wss://example.test');
  async find(): Promise<string[]> {
    return this.client.query('d');
  }
}
`,
      errors: [
        {
          messageId: 'heldBeforeAwait',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'awaitWhereCreated',
              data: { fixed: "await new RemoteClient('wss://example.test')" },
              output: `
import { RemoteClient } from './awaitable-deps.js';
export async function never(): Promise<string[]> {
  const client = await new RemoteClient('wss://example.test');
  return client.query('a');
}
export async function annotated(): Promise<string[]> {
  const client: RemoteClient = new RemoteClient('wss://example.test');
  return client.query('b');
}
export async function returned(): Promise<RemoteClient> {
  const client = new RemoteClient('wss://example.test');
  await client.query('c');
  return client;
}
export class Repo {
  client = new RemoteClient('wss://example.test');
  async find(): Promise<string[]> {
    return this.client.query('d');
  }
}
`,
            },
          ],
        },
        { messageId: 'heldBeforeAwait', line: 8, column: 32, suggestions: [] },
        { messageId: 'heldBeforeAwait', line: 12, column: 18, suggestions: [] },
        {
          messageId: 'fieldNeverAwaited',
          data: { field: 'client', expression: "`new RemoteClient('wss://example.test')`", className: 'Repo', where: '`find()`', member: 'query' },
          line: 17,
          column: 12,
          suggestions: [],
        },
      ],
      output: null,
    },
    // A \`then\` inherited from a class of another file; it fulfils with \`unknown\`, so no fix.
    {
      code: `
import { AwaitableBase } from './awaitable-deps.js';
class Session extends AwaitableBase {
  user = 'anonymous';
}
export async function whoami(): Promise<string> {
  const session = new Session();
  return session.user;
}
`,
      errors: [{ messageId: 'heldBeforeAwait', line: 7, column: 19, suggestions: [] }],
      output: null,
    },
  ],
});

describe('require-awaited-init held instances in ESLint 10 and 9', () => {
  /** What both versions' `Linter` have in common, as this test uses it. */
  type AnyLinter = new (options: { configType: 'flat' }) => {
    verify(code: string, config: never): { line: number; column: number; messageId?: string | null | undefined; message: string }[];
  };
  const lint = (LinterClass: AnyLinter, code: string, options: unknown = {}): string[] =>
    new LinterClass({ configType: 'flat' })
      .verify(code, [
        {
          plugins: { 'async-init': { rules: { 'require-awaited-init': rule as never } } },
          rules: { 'async-init/require-awaited-init': ['error', options] },
        },
      ] as never)
      .map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);

  it('finds the same held instances through both versions\' code path analysis', () => {
    const code = `
class Client {
  then(resolve, reject) { this.ready ??= Promise.resolve().then(() => { this.then = undefined; }); return this.ready.then(() => this).then(resolve, reject); }
  query(sql) { return sql; }
}
export async function branch(ready) {
  const client = new Client();
  if (ready) {
    await client;
  }
  return client.query('a');
}
export async function awaited() {
  const client = new Client();
  await client;
  return client.query('b');
}
export function later() {
  const client = new Client();
  setTimeout(() => client.query('c'), 10);
}
export class Repo {
  client = new Client();
  find() { return this.client.query('d'); }
}
`;
    const expected = ['7:18 heldBeforeAwait', '19:18 heldInCallback', '23:12 fieldNeverAwaited'];
    expect(lint(Linter, code)).toEqual(expected);
    expect(lint(LinterV9, code)).toEqual(expected);
  });

  it('rejects a value that is not a boolean, and a key it does not know', () => {
    for (const LinterClass of [Linter, LinterV9] as AnyLinter[]) {
      expect(() => lint(LinterClass, '', { checkHeldInstances: 'yes' })).toThrow(/Value "yes" should be boolean/u);
      expect(() => lint(LinterClass, '', { autofix: 'await' })).toThrow(/Value "await" should be boolean/u);
      expect(() => lint(LinterClass, '', { checkHeldInstance: false })).toThrow(/Unexpected property "checkHeldInstance"/u);
      expect(lint(LinterClass, '', { checkHeldInstances: false, autofix: true })).toEqual([]);
    }
  });
});
