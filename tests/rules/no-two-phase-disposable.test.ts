import rule from '../../src/rules/no-two-phase-disposable.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

jsTester.run('no-two-phase-disposable (js)', rule, {
  valid: [
    // Guard-free and lazy: the methods connect on first use.
    `
class Db {
  async connect() { this.sock = await open(); }
  async query(sql) {
    this.sock ??= await open();
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // A guard whose way out runs the init is a lazy connect, not a bail-out.
    `
class Db {
  async connect() { this.sock = await open(); }
  async query(sql) {
    if (!this.sock) return this.connect().then(() => this.query(sql));
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // Another method calls the init (`reconnect`, a lazy `ensure`): the class runs it itself.
    `
class Db {
  async connect() { this.sock = await open(); }
  async ensure() { if (!this.sock) await this.connect(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // The constructor starts the init: no-async-constructor reports it (no double report).
    `
class Db {
  constructor() { this.connect(); }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // One call away (a synchronous wrapper the constructor calls): no-async-constructor reports the path.
    `
class Db {
  constructor() { this.start(); }
  start() { this.connect().catch(() => {}); }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // A field initialiser starts it: the same.
    `
class Db {
  ready = this.connect();
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // JavaScript has no private constructor: a static async factory that runs the init is the way in.
    `
class Db {
  static async create() {
    const db = new Db();
    await db.connect();
    return db;
  }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // Not disposable: not this rule's.
    `
class Db {
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  close() { this.sock?.close(); }
}
`,
    // Only the dispose method checks the field: skipping what was never opened is right.
    `
class Db {
  async connect() { this.sock = await open(); }
  query(sql) { return this.sock?.query(sql); }
  async [Symbol.asyncDispose]() {
    if (!this.sock) return;
    await this.sock.close();
  }
}
`,
    // The constructor gives the field a value: the guard is about something else (a closed socket).
    `
class Db {
  constructor() { this.sock = createLazySocket(); }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('closed');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); this.sock = null; }
}
`,
    // Awaitable and disposable: async-dispose-requires-init reports the public constructor.
    `
class Client {
  then(resolve) { this.connect().then(() => resolve(undefined)); }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // A private init can only be run by the class: nobody outside can be expected to call it.
    `
class Db {
  async #connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // Checks that do not wait for the init: an early return when already set, a state the init never sets.
    `
class Db {
  state = 'idle';
  async connect() { this.sock = await open(); this.state = 'open'; }
  query(sql) {
    if (this.sock) return this.sock.query(sql);
    if (this.state !== 'closed') throw new Error('not closed');
    return null;
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
    // Another member gives the field a value: \`attach(sock)\` is a way in that needs no async init.
    `
class Db {
  attach(sock) { this.sock = sock; }
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
  ],
  invalid: [
    // A ready flag the init sets, and a method that bails out without it; no constructor.
    {
      code: `
class Pool {
  ready = false;
  async open() {
    this.conn = await connect();
    this.ready = true;
  }
  flush() {
    if (!this.ready) return;
    this.conn.flush();
  }
  async [Symbol.asyncDispose]() { await this.conn?.close(); }
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: { className: 'Pool', init: 'open', guard: 'flush()', exit: 'returns early', using: 'await using', behind: '' },
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'Pool', init: 'open', factoryName: 'create', behind: '' },
              output: `
class Pool {
  ready = false;
  static async create() {
    const pool = new Pool();
    await pool.open();
    return pool;
  }

  async open() {
    this.conn = await connect();
    this.ready = true;
  }
  flush() {
    if (!this.ready) return;
    this.conn.flush();
  }
  async [Symbol.asyncDispose]() { await this.conn?.close(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A method that clears the flag again (\`stop()\`) is no other way in.
    {
      code: `
class Worker {
  running = false;
  async start() {
    this.job = await load();
    this.running = true;
  }
  stop() { this.running = false; }
  tick() {
    if (!this.running) return;
    this.job.run();
  }
  [Symbol.dispose]() { this.stop(); }
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: { className: 'Worker', init: 'start', guard: 'tick()', exit: 'returns early', using: 'using', behind: '' },
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Worker {
  running = false;
  static async create() {
    const worker = new Worker();
    await worker.start();
    return worker;
  }

  async start() {
    this.job = await load();
    this.running = true;
  }
  stop() { this.running = false; }
  tick() {
    if (!this.running) return;
    this.job.run();
  }
  [Symbol.dispose]() { this.stop(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A state the init sets, checked against a constant; a synchronous dispose (\`using\`); the
    // constructor's parameters go to the factory, and an async caller in this file awaits it.
    {
      code: `
class Channel {
  constructor(url, retries = 3) {
    this.url = url;
    this.retries = retries;
    this.state = 'idle';
  }
  async start() {
    this.handle = await connect(this.url, this.retries);
    this.state = 'open';
  }
  send(message) {
    if (this.state !== 'open') {
      throw new Error('not open');
    }
    this.handle.send(message);
  }
  [Symbol.dispose]() { this.handle?.close(); }
}
export async function main() {
  using channel = new Channel('ws://local');
  channel.send('hi');
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: { className: 'Channel', init: 'start', guard: 'send()', exit: 'throws', using: 'using', behind: '' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Channel {
  constructor(url, retries = 3) {
    this.url = url;
    this.retries = retries;
    this.state = 'idle';
  }

  static async create(url, retries = 3) {
    const channel = new Channel(url, retries);
    await channel.start();
    return channel;
  }
  async start() {
    this.handle = await connect(this.url, this.retries);
    this.state = 'open';
  }
  send(message) {
    if (this.state !== 'open') {
      throw new Error('not open');
    }
    this.handle.send(message);
  }
  [Symbol.dispose]() { this.handle?.close(); }
}
export async function main() {
  using channel = await Channel.create('ws://local');
  channel.send('hi');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // An assertion is a guard; the class is written on few lines (the factory follows its layout).
    {
      code: `
class Db {
  async connect() { this.sock = await open(); }
  query(sql) { assert(this.sock, 'not connected'); return this.sock.query(sql); }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: { className: 'Db', init: 'connect', guard: 'query()', exit: 'throws', using: 'await using', behind: '' },
          line: 2,
          column: 7,
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

  async connect() { this.sock = await open(); }
  query(sql) { assert(this.sock, 'not connected'); return this.sock.query(sql); }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Code of this file calls \`connect()\` itself after \`new Db()\`: the factory would run it twice,
    // so it is not suggested (reported all the same: other callers can forget).
    {
      code: `
class Db {
  async connect() { this.sock = await open(); }
  query(sql) {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose]() { await this.sock?.close(); }
}
export async function main() {
  await using db = new Db();
  await db.connect();
  return db.query('select 1');
}
`,
      errors: [{ messageId: 'twoPhaseInit', line: 2, column: 7, suggestions: [] }],
      output: null,
    },
    // Disposal inherited from a class of this file.
    {
      code: `
class Resource {
  async [Symbol.asyncDispose]() {}
}
class Db extends Resource {
  constructor() { super(); }
  async connect() { this.sock = await open(); }
  get socket() {
    if (this.sock === undefined) throw new Error('not connected');
    return this.sock;
  }
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: { className: 'Db', init: 'connect', guard: 'get socket', exit: 'throws', using: 'await using', behind: '' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Resource {
  async [Symbol.asyncDispose]() {}
}
class Db extends Resource {
  constructor() { super(); }

  static async create() {
    const db = new Db();
    await db.connect();
    return db;
  }
  async connect() { this.sock = await open(); }
  get socket() {
    if (this.sock === undefined) throw new Error('not connected');
    return this.sock;
  }
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

tsTester.run('no-two-phase-disposable (ts)', rule, {
  valid: [
    // A private constructor behind a static async factory: instances exist only once connected.
    `
interface Socket { query(sql: string): Promise<string[]>; close(): Promise<void> }
declare function open(url: string): Promise<Socket>;
export class Db implements AsyncDisposable {
  private sock?: Socket;
  private constructor(readonly url: string) {}
  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect(): Promise<void> { this.sock = await open(this.url); }
  async query(sql: string): Promise<string[]> {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose](): Promise<void> { await this.sock?.close(); }
}
`,
    // Protected, for subclasses, is closed to \`new\` as well.
    `
export class Db implements AsyncDisposable {
  private ready = false;
  protected constructor() {}
  static async open(): Promise<Db> { const db = new Db(); await db.connect(); return db; }
  async connect(): Promise<void> { await Promise.resolve(); this.ready = true; }
  flush(): void { if (!this.ready) return; }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
    // Without types, a promise from a member of another object is not known to be one: \`connect()\`
    // is not an async init here (the type tier reports it: see the typed cases).
    `
interface Socket { send(data: string): void }
interface Transport { open(): Promise<Socket> }
export class Channel implements Disposable {
  private socket: Socket | undefined;
  constructor(private readonly transport: Transport) {}
  connect() {
    return this.transport.open().then((socket) => { this.socket = socket; });
  }
  send(data: string): void {
    if (!this.socket) throw new Error('not connected');
    this.socket.send(data);
  }
  [Symbol.dispose](): void {}
}
`,
    // Without types, a key imported from another file is not known to be \`Symbol.asyncDispose\`, nor a base
    // class of another file to be disposable (the typed cases report both).
    `
import { asyncDisposeSymbol, DisposableBase } from './awaitable-deps.js';
export class Db {
  private sock?: { close(): void };
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [asyncDisposeSymbol](): Promise<void> {}
}
export class Session extends DisposableBase {
  private token = '';
  async login(): Promise<void> { this.token = await Promise.resolve('t'); }
  whoami(): string {
    if (this.token === '') throw new Error('not logged in');
    return this.token;
  }
}
`,
  ],
  invalid: [
    // The shape: the constructor becomes private, the factory takes its parameters, and the
    // same file's \`await using db = new Db(…)\` awaits the factory.
    {
      code: `
interface Socket { query(sql: string): Promise<string[]>; close(): Promise<void> }
declare function open(url: string): Promise<Socket>;
export class Db implements AsyncDisposable {
  private sock?: Socket;
  constructor(readonly url: string) {}
  async connect(): Promise<void> {
    this.sock = await open(this.url);
  }
  async query(sql: string): Promise<string[]> {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.sock?.close();
  }
}
export async function main(): Promise<string[]> {
  await using db = new Db('db://local');
  return db.query('select 1');
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: {
            className: 'Db',
            init: 'connect',
            guard: 'query()',
            exit: 'throws',
            using: 'await using',
            behind: ', behind a private constructor',
          },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'Db', init: 'connect', factoryName: 'create', behind: ', behind a private constructor' },
              output: `
interface Socket { query(sql: string): Promise<string[]>; close(): Promise<void> }
declare function open(url: string): Promise<Socket>;
export class Db implements AsyncDisposable {
  private sock?: Socket;
  private constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect(): Promise<void> {
    this.sock = await open(this.url);
  }
  async query(sql: string): Promise<string[]> {
    if (!this.sock) throw new Error('not connected');
    return this.sock.query(sql);
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.sock?.close();
  }
}
export async function main(): Promise<string[]> {
  await using db = await Db.create('db://local');
  return db.query('select 1');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // No constructor: a private one is written, with the factory, before the first method; the
    // option names the factory; tabs are kept.
    {
      code: `
export class Queue implements AsyncDisposable {
	#ready = false;
	/** Opens the queue. */
	async open(): Promise<void> {
		await Promise.resolve();
		this.#ready = true;
	}
	push(item: string): void {
		if (!this.#ready) return;
		console.log(item);
	}
	async [Symbol.asyncDispose](): Promise<void> {}
}
`,
      options: [{ factoryName: 'connect' }],
      errors: [
        {
          messageId: 'twoPhaseInit',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'Queue', init: 'open', factoryName: 'connect', behind: ', behind a private constructor' },
              output: `
export class Queue implements AsyncDisposable {
	#ready = false;
	private constructor() {}

	static async connect(): Promise<Queue> {
		const queue = new Queue();
		await queue.open();
		return queue;
	}

	/** Opens the queue. */
	async open(): Promise<void> {
		await Promise.resolve();
		this.#ready = true;
	}
	push(item: string): void {
		if (!this.#ready) return;
		console.log(item);
	}
	async [Symbol.asyncDispose](): Promise<void> {}
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A factory that runs the init exists, but \`new Db()\` is still open: make the constructor private.
    {
      code: `
export class Db implements AsyncDisposable {
  private sock?: { close(): void };
  public constructor() {}
  static async open(): Promise<Db> {
    const db = new Db();
    await db.connect();
    return db;
  }
  async connect(): Promise<void> { this.sock = { close() {} }; }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
      errors: [
        {
          messageId: 'publicConstructor',
          data: { className: 'Db', init: 'connect', using: 'await using' },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestPrivateConstructor',
              data: { factory: 'Db.open' },
              output: `
export class Db implements AsyncDisposable {
  private sock?: { close(): void };
  private constructor() {}
  static async open(): Promise<Db> {
    const db = new Db();
    await db.connect();
    return db;
  }
  async connect(): Promise<void> { this.sock = { close() {} }; }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Declined: the init needs arguments the factory does not have.
    {
      code: `
export class Db implements AsyncDisposable {
  private sock?: { close(): void };
  async connect(url: string): Promise<void> { this.sock = await Promise.resolve({ url, close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
      errors: [{ messageId: 'twoPhaseInit', line: 2, column: 14, suggestions: [] }],
      output: null,
    },
    // Declined: a \`new Db()\` outside async functions could not call the factory, and would not compile
    // against a private constructor.
    {
      code: `
export class Db implements AsyncDisposable {
  private sock?: { close(): void };
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export const shared = new Db();
`,
      errors: [{ messageId: 'twoPhaseInit', line: 2, column: 14, suggestions: [] }],
      output: null,
    },
    // Declined: two inits the members depend on (which runs first is not known), a member already
    // named \`create\`, a destructured constructor parameter, a generic class, a class extended here.
    {
      code: `
export class Twice implements AsyncDisposable {
  private sock?: { close(): void };
  private token?: string;
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  async login(): Promise<void> { this.token = await Promise.resolve('t'); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    if (!this.token) throw new Error('not logged in');
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Named implements AsyncDisposable {
  private sock?: { close(): void };
  create(): void {}
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void { if (!this.sock) throw new Error('not connected'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Options implements AsyncDisposable {
  private sock?: { close(): void };
  constructor({ url }: { url: string }) { void url; }
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void { if (!this.sock) throw new Error('not connected'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Generic<T> implements AsyncDisposable {
  private value?: T;
  async load(): Promise<void> { this.value = await Promise.resolve(undefined as T); }
  get(): T { if (this.value === undefined) throw new Error('not loaded'); return this.value; }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Base implements AsyncDisposable {
  private sock?: { close(): void };
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void { if (!this.sock) throw new Error('not connected'); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Child extends Base {
  constructor() { super(); }
}
`,
      errors: [
        { messageId: 'twoPhaseInit', data: { className: 'Twice', init: 'connect', guard: 'close()', exit: 'throws', using: 'await using', behind: ', behind a private constructor' }, line: 2, column: 14, suggestions: [] },
        { messageId: 'twoPhaseInit', line: 13, column: 14, suggestions: [] },
        { messageId: 'twoPhaseInit', line: 22, column: 3, suggestions: [] },
        { messageId: 'twoPhaseInit', line: 27, column: 14, suggestions: [] },
        { messageId: 'twoPhaseInit', line: 33, column: 14, suggestions: [] },
      ],
      output: null,
    },
  ],
});

typedTester.run('no-two-phase-disposable (typed)', rule, {
  valid: [
    // Awaitable through a base class of another file: async-dispose-requires-init's report.
    `
import { AwaitableBase } from './awaitable-deps.js';
export class Db extends AwaitableBase implements AsyncDisposable {
  private sock?: { close(): void };
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
    // Lazy, typed: no report.
    `
import type { Client } from './deps.js';
export class Service implements AsyncDisposable {
  private client?: Client;
  constructor(private readonly make: () => Client) {}
  async start(): Promise<void> { const client = this.make(); await client.connect(); this.client = client; }
  async call(): Promise<void> {
    if (!this.client) await this.start();
  }
  async [Symbol.asyncDispose](): Promise<void> { this.client?.close(); }
}
`,
  ],
  invalid: [
    // Only the checker knows that \`transport.open()\` returns a promise, so \`connect()\` is an async init.
    {
      code: `
interface Socket { send(data: string): void }
interface Transport { open(): Promise<Socket> }
export class Channel implements Disposable {
  private socket: Socket | undefined;
  constructor(private readonly transport: Transport) {}
  connect() {
    return this.transport.open().then((socket) => { this.socket = socket; });
  }
  send(data: string): void {
    if (!this.socket) throw new Error('not connected');
    this.socket.send(data);
  }
  [Symbol.dispose](): void {}
}
`,
      errors: [
        {
          messageId: 'twoPhaseInit',
          data: {
            className: 'Channel',
            init: 'connect',
            guard: 'send()',
            exit: 'throws',
            using: 'using',
            behind: ', behind a private constructor',
          },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
interface Socket { send(data: string): void }
interface Transport { open(): Promise<Socket> }
export class Channel implements Disposable {
  private socket: Socket | undefined;
  private constructor(private readonly transport: Transport) {}

  static async create(transport: Transport): Promise<Channel> {
    const channel = new Channel(transport);
    await channel.connect();
    return channel;
  }
  connect() {
    return this.transport.open().then((socket) => { this.socket = socket; });
  }
  send(data: string): void {
    if (!this.socket) throw new Error('not connected');
    this.socket.send(data);
  }
  [Symbol.dispose](): void {}
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Disposable through a key imported from another file, and through a base class of another file.
    {
      code: `
import { asyncDisposeSymbol, DisposableBase } from './awaitable-deps.js';
export class Db {
  private sock?: { close(): void };
  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [asyncDisposeSymbol](): Promise<void> {}
}
export class Session extends DisposableBase {
  private token = '';
  async login(): Promise<void> { this.token = await Promise.resolve('t'); }
  whoami(): string {
    if (this.token === '') throw new Error('not logged in');
    return this.token;
  }
}
`,
      errors: [
        { messageId: 'twoPhaseInit', line: 3, column: 14, suggestions: [
          {
            messageId: 'suggestFactory',
            output: `
import { asyncDisposeSymbol, DisposableBase } from './awaitable-deps.js';
export class Db {
  private sock?: { close(): void };
  private constructor() {}

  static async create(): Promise<Db> {
    const db = new Db();
    await db.connect();
    return db;
  }

  async connect(): Promise<void> { this.sock = await Promise.resolve({ close() {} }); }
  close(): void {
    if (!this.sock) throw new Error('not connected');
    this.sock.close();
  }
  async [asyncDisposeSymbol](): Promise<void> {}
}
export class Session extends DisposableBase {
  private token = '';
  async login(): Promise<void> { this.token = await Promise.resolve('t'); }
  whoami(): string {
    if (this.token === '') throw new Error('not logged in');
    return this.token;
  }
}
`,
          },
        ] },
        // A derived class without a constructor of its own: the factory declines (a private one
        // written here would have to forward the base's parameters).
        { messageId: 'twoPhaseInit', line: 12, column: 14, suggestions: [] },
      ],
      output: null,
    },
  ],
});
