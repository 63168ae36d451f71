import rule from '../../src/rules/async-dispose-requires-init.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

jsTester.run('async-dispose-requires-init (js)', rule, {
  valid: [
    // Dispose guards every read of what `connect()` sets: `?.`, `if`, `&&`, an early return, a `try`.
    `
class Db {
  async connect() { this.conn = await open(); this.log = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn?.close();
    if (this.conn) {
      await this.conn.flush();
    }
    this.conn && this.conn.release();
    this.conn ? this.conn.end() : null;
    if (!this.log) return;
    this.log.write('closed');
    try {
      this.conn.destroy();
    } catch {}
    this.conn = undefined;
  }
}
`,
    // The field is set during construction (a constructor assignment, a field initialiser) or by a synchronous method.
    `
class Db {
  pool = createPool();
  constructor() { this.conn = createLazyConnection(); }
  attach(logger) { this.logger = logger; }
  async connect() { this.conn = await open(); this.pool = await open(); this.logger = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn.close();
    await this.pool.end();
    this.logger.flush();
  }
}
`,
    // No dispose member: not this rule's (an awaitable with a public constructor is fine on its own).
    `
class Client {
  then(resolve) { resolve(undefined); }
  async connect() { this.conn = await open(); }
  close() { this.conn.close(); }
}
`,
    // Other computed keys are not disposal.
    `
const key = Symbol.for('dispose');
class Db {
  async connect() { this.conn = await open(); }
  [key]() { this.conn.close(); }
  [Symbol.iterator]() { return this.conn.rows(); }
}
`,
    // Reads that cannot throw: the value itself, passed on or compared.
    `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    release(this.conn);
    const conn = this.conn;
    return conn === undefined;
  }
}
`,
    // An async method that only clears a field does not initialise it.
    `
class Db {
  async reset() { this.conn = undefined; }
  [Symbol.dispose]() { this.conn.close(); }
}
`,
    {
      code: `
class Client {
  then(resolve) { resolve(undefined); }
  async [Symbol.asyncDispose]() {}
}
`,
      options: [{ checkAwaitableConstructor: false }],
    },
    {
      code: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() { await this.conn.close(); }
}
`,
      options: [{ checkDisposeReads: false }],
    },
  ],
  invalid: [
    // In JavaScript the factory transform cannot make the constructor private, so the class would
    // stay reported: only the guard is suggested.
    {
      code: `
class Db {
  constructor(url) { this.connect(url); }
  async connect(url) { this.conn = await open(url); }
  async [Symbol.asyncDispose]() { await this.conn.close(); }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 5,
          column: 41,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  constructor(url) { this.connect(url); }
  async connect(url) { this.conn = await open(url); }
  async [Symbol.asyncDispose]() { await this.conn?.close(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Awaitable, async-disposable, implicit (public) constructor: reported at the class name.
    {
      code: `
class Client {
  then(resolve) { resolve(undefined); }
  async [Symbol.asyncDispose]() {}
}
`,
      errors: [
        {
          messageId: 'publicAwaitableConstructor',
          data: { className: 'Client', using: 'await using' },
          line: 2,
          column: 7,
          endColumn: 13,
          suggestions: [],
        },
      ],
      output: null,
    },
    // An explicit constructor is reported itself; `[Symbol.dispose]` is entered by plain `using`.
    {
      code: `
class Lock {
  constructor(name) { this.name = name; }
  then(resolve) { resolve(undefined); }
  [Symbol.dispose]() {}
}
`,
      errors: [
        {
          messageId: 'publicAwaitableConstructor',
          data: { className: 'Lock', using: 'using' },
          line: 3,
          column: 3,
          suggestions: [],
        },
      ],
      output: null,
    },
    // An anonymous class is reported at `class`; awaitable through a same-file base class.
    {
      code: `
class Base { then(resolve) { resolve(undefined); } }
export default class extends Base {
  async [Symbol.asyncDispose]() {}
}
`,
      errors: [{ messageId: 'publicAwaitableConstructor', line: 3, column: 16, endColumn: 21, suggestions: [] }],
      output: null,
    },
    // Dispose reads what only `connect()` assigns: guarded by `?.` (awaited, as a statement, returned).
    {
      code: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn.flush();
    this.conn.release();
    return this.conn.close();
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[Symbol.asyncDispose]', field: 'conn', initMethod: 'connect' },
          line: 5,
          column: 11,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn?.flush();
    this.conn.release();
    return this.conn.close();
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedDisposeRead',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn.flush();
    this.conn?.release();
    return this.conn.close();
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedDisposeRead',
          line: 7,
          column: 12,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    await this.conn.flush();
    this.conn.release();
    return this.conn?.close();
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Where `?.` would change what the code does, the guard is not offered: a value used later, an assignment.
    {
      code: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    const pending = this.conn.close();
    this.conn.closed = true;
    await Promise.all([pending, this.conn.end()]);
  }
}
`,
      errors: [
        { messageId: 'unguardedDisposeRead', line: 5, column: 21, suggestions: [] },
        { messageId: 'unguardedDisposeRead', line: 6, column: 5, suggestions: [] },
        { messageId: 'unguardedDisposeRead', line: 7, column: 33, suggestions: [] },
      ],
      output: null,
    },
    // An `if` on the field that does not return first is no guard for what follows it.
    {
      code: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    if (this.conn) log('closing');
    await this.conn.close();
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 6,
          column: 11,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  async connect() { this.conn = await open(); }
  async [Symbol.asyncDispose]() {
    if (this.conn) log('closing');
    await this.conn?.close();
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A same-file alias of the symbol; a private field; a computed read; a field holding a function.
    {
      code: `
const dispose = Symbol.dispose;
class Worker {
  #handle;
  async start() {
    this.#handle = await spawn();
    this.queues = await spawn();
    this.onStop = await spawn();
  }
  [dispose]() {
    this.#handle.kill();
    this.queues['main'].drain();
    this.onStop();
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[dispose]', field: '#handle', initMethod: 'start' },
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
const dispose = Symbol.dispose;
class Worker {
  #handle;
  async start() {
    this.#handle = await spawn();
    this.queues = await spawn();
    this.onStop = await spawn();
  }
  [dispose]() {
    this.#handle?.kill();
    this.queues['main'].drain();
    this.onStop();
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedDisposeRead',
          line: 12,
          column: 5,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
const dispose = Symbol.dispose;
class Worker {
  #handle;
  async start() {
    this.#handle = await spawn();
    this.queues = await spawn();
    this.onStop = await spawn();
  }
  [dispose]() {
    this.#handle.kill();
    this.queues?.['main'].drain();
    this.onStop();
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedDisposeRead',
          line: 13,
          column: 5,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
const dispose = Symbol.dispose;
class Worker {
  #handle;
  async start() {
    this.#handle = await spawn();
    this.queues = await spawn();
    this.onStop = await spawn();
  }
  [dispose]() {
    this.#handle.kill();
    this.queues['main'].drain();
    this.onStop?.();
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A dispose arrow function held by a field.
    {
      code: `
class Db {
  async connect() { this.conn = await open(); }
  [Symbol.asyncDispose] = async () => this.conn.close();
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Db {
  async connect() { this.conn = await open(); }
  [Symbol.asyncDispose] = async () => this.conn?.close();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Both at once: awaitable with a public constructor, and a read only `then`'s init method sets.
    {
      code: `
class Client {
  then(resolve) { this.#init().then(() => resolve(undefined)); }
  async #init() { this.socket = await dial(); }
  async [Symbol.asyncDispose]() { await this.socket.end(); }
}
`,
      errors: [
        { messageId: 'publicAwaitableConstructor', line: 2, column: 7, suggestions: [] },
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[Symbol.asyncDispose]', field: 'socket', initMethod: '#init' },
          line: 5,
          column: 41,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
class Client {
  then(resolve) { this.#init().then(() => resolve(undefined)); }
  async #init() { this.socket = await dial(); }
  async [Symbol.asyncDispose]() { await this.socket?.end(); }
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

tsTester.run('async-dispose-requires-init (ts)', rule, {
  valid: [
    // A private (or protected) constructor behind a static async factory: instances exist only initialised.
    `
interface Connection { close(): Promise<void> }
declare function open(): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn!: Connection;
  private constructor() {}
  static async create(): Promise<Db> {
    const db = new Db();
    await db.connect();
    return db;
  }
  private async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn.close(); }
}
export class Client implements AsyncDisposable {
  protected constructor() {}
  static async open(): Promise<Client> { return new this(); }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
    // A parameter property is set during construction.
    `
interface Connection { close(): Promise<void> }
declare function open(): Promise<Connection>;
export class Db implements AsyncDisposable {
  constructor(private conn: Connection) {}
  async reconnect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn.close(); }
}
`,
    // Without types, an imported alias or base class is unknown.
    `
import { asyncDisposeSymbol, AwaitableBase, DisposableBase } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  async connect(): Promise<void> { this.conn = { close() {} }; }
  [asyncDisposeSymbol](): void { this.conn!.close(); }
}
export class Client extends AwaitableBase implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Lease extends DisposableBase {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
}
`,
    // Ambient declarations run no code.
    `
declare class Remote implements AsyncDisposable {
  then(resolve: (value: unknown) => void): void;
  [Symbol.asyncDispose](): Promise<void>;
}
`,
  ],
  invalid: [
    // The constructor starts the init: no-async-constructor's factory transform moves it into
    // `static async create()` and makes the constructor private, which this rule accepts.
    {
      code: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor(readonly url: string) {
    this.connect();
  }
  async connect(): Promise<void> { this.conn = await open(this.url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
export async function main(): Promise<void> {
  await using db = new Db('db://local');
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[Symbol.asyncDispose]', field: 'conn', initMethod: 'connect' },
          line: 10,
          column: 56,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor(readonly url: string) {
    this.connect();
  }
  async connect(): Promise<void> { this.conn = await open(this.url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn?.close(); }
}
export async function main(): Promise<void> {
  await using db = new Db('db://local');
}
`,
            },
            {
              messageId: 'suggestFactory',
              data: { className: 'Db' },
              output: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  private constructor(readonly url: string) {}

  static async create(url: string): Promise<Db> {
    const db = new Db(url);
    await db.connect();
    return db;
  }
  async connect(): Promise<void> { this.conn = await open(this.url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
export async function main(): Promise<void> {
  await using db = await Db.create('db://local');
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A ready promise stored by the constructor is kept and awaited by the factory; the field it
    // assigns gets its definite-assignment `!`.
    {
      code: `
interface Connection { close(): Promise<void> }
declare function open(): Promise<Connection>;
export class Pool implements AsyncDisposable {
  conn: Connection | undefined;
  ready: Promise<void>;
  constructor() {
    this.ready = this.connect();
  }
  private async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> {
    const closing = this.conn!.close();
    await closing;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 12,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'Pool' },
              output: `
interface Connection { close(): Promise<void> }
declare function open(): Promise<Connection>;
export class Pool implements AsyncDisposable {
  conn: Connection | undefined;
  ready!: Promise<void>;
  private constructor() {}

  static async create(): Promise<Pool> {
    const pool = new Pool();
    pool.ready = pool.connect();
    await pool.ready;
    return pool;
  }
  private async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> {
    const closing = this.conn!.close();
    await closing;
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // No factory suggestion where the transform declines (the moved call reads a constructor local)
    // or would not fit (an awaitable class: the factory's \`return\` would run its \`then\`).
    {
      code: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor() {
    const url = 'db://local';
    this.connect(url);
  }
  async connect(url: string): Promise<void> { this.conn = await open(url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
export class Client implements AsyncDisposable {
  socket?: { end(): Promise<void> };
  constructor() {
    this.dial();
  }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async dial(): Promise<void> { this.socket = await Promise.resolve({ async end() {} }); }
  async [Symbol.asyncDispose](): Promise<void> { await this.socket!.end(); }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 11,
          column: 56,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor() {
    const url = 'db://local';
    this.connect(url);
  }
  async connect(url: string): Promise<void> { this.conn = await open(url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn?.close(); }
}
export class Client implements AsyncDisposable {
  socket?: { end(): Promise<void> };
  constructor() {
    this.dial();
  }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async dial(): Promise<void> { this.socket = await Promise.resolve({ async end() {} }); }
  async [Symbol.asyncDispose](): Promise<void> { await this.socket!.end(); }
}
`,
            },
            {
              messageId: 'suggestFactory',
              output: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  private constructor() {}

  static async create(): Promise<Db> {
    const db = new Db();
    const url = 'db://local';
    await db.connect(url);
    return db;
  }
  async connect(url: string): Promise<void> { this.conn = await open(url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
export class Client implements AsyncDisposable {
  socket?: { end(): Promise<void> };
  constructor() {
    this.dial();
  }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async dial(): Promise<void> { this.socket = await Promise.resolve({ async end() {} }); }
  async [Symbol.asyncDispose](): Promise<void> { await this.socket!.end(); }
}
`,
            },
          ],
        },
        { messageId: 'publicAwaitableConstructor', data: { className: 'Client', using: 'await using' }, line: 15, column: 3, suggestions: [] },
        {
          messageId: 'unguardedDisposeRead',
          line: 20,
          column: 56,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
interface Connection { close(): Promise<void> }
declare function open(url: string): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  constructor() {
    const url = 'db://local';
    this.connect(url);
  }
  async connect(url: string): Promise<void> { this.conn = await open(url); }
  async [Symbol.asyncDispose](): Promise<void> { await this.conn!.close(); }
}
export class Client implements AsyncDisposable {
  socket?: { end(): Promise<void> };
  constructor() {
    this.dial();
  }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async dial(): Promise<void> { this.socket = await Promise.resolve({ async end() {} }); }
  async [Symbol.asyncDispose](): Promise<void> { await this.socket?.end(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // The non-null assertion TypeScript asks for becomes the guard.
    {
      code: `
interface Connection { close(): Promise<void>; closed: boolean }
declare function open(): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.conn!.close();
    this.conn!.closed = true;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 8,
          column: 11,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
interface Connection { close(): Promise<void>; closed: boolean }
declare function open(): Promise<Connection>;
export class Db implements AsyncDisposable {
  conn?: Connection;
  async connect(): Promise<void> { this.conn = await open(); }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.conn?.close();
    this.conn!.closed = true;
  }
}
`,
            },
          ],
        },
        { messageId: 'unguardedDisposeRead', line: 9, column: 5, suggestions: [] },
      ],
      output: null,
    },
    // A private constructor without a factory does not make sure init ran; a public one on an awaitable class.
    {
      code: `
interface Connection { close(): void }
declare function open(): Promise<Connection>;
export class Db implements Disposable {
  conn: Connection | null = null;
  private constructor() {}
  static make(): Db { return new Db(); }
  async connect(): Promise<void> { this.conn = await open(); }
  [Symbol.dispose](): void { this.conn!.close(); }
}
export class Client implements AsyncDisposable {
  public constructor(readonly url: string) {}
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[Symbol.dispose]', field: 'conn', initMethod: 'connect' },
          line: 9,
          column: 30,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
interface Connection { close(): void }
declare function open(): Promise<Connection>;
export class Db implements Disposable {
  conn: Connection | null = null;
  private constructor() {}
  static make(): Db { return new Db(); }
  async connect(): Promise<void> { this.conn = await open(); }
  [Symbol.dispose](): void { this.conn?.close(); }
}
export class Client implements AsyncDisposable {
  public constructor(readonly url: string) {}
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`,
            },
          ],
        },
        { messageId: 'publicAwaitableConstructor', data: { className: 'Client', using: 'await using' }, line: 12, column: 10, suggestions: [] },
      ],
      output: null,
    },
  ],
});

typedTester.run('async-dispose-requires-init (typed)', rule, {
  valid: [
    `
import { DisposableBase } from './awaitable-deps.js';
export class Lease extends DisposableBase {
  private constructor() { super(); }
  static async acquire(): Promise<Lease> { return new Lease(); }
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
}
`,
  ],
  invalid: [
    // With types, the factory suggestion is offered the same way (the class is not awaitable by type).
    {
      code: `
import { asyncDisposeSymbol } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  constructor() {
    void this.connect();
  }
  async connect(): Promise<void> { this.conn = await Promise.resolve({ close() {} }); }
  [asyncDisposeSymbol](): void { this.conn!.close(); }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 9,
          column: 34,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
import { asyncDisposeSymbol } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  constructor() {
    void this.connect();
  }
  async connect(): Promise<void> { this.conn = await Promise.resolve({ close() {} }); }
  [asyncDisposeSymbol](): void { this.conn?.close(); }
}
`,
            },
            {
              messageId: 'suggestFactory',
              output: `
import { asyncDisposeSymbol } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  private constructor() {}

  static async create(): Promise<Db> {
    const db = new Db();
    await db.connect();
    return db;
  }
  async connect(): Promise<void> { this.conn = await Promise.resolve({ close() {} }); }
  [asyncDisposeSymbol](): void { this.conn!.close(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // An alias of `Symbol.asyncDispose` imported from another file: its type names the symbol.
    {
      code: `
import { asyncDisposeSymbol } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  async connect(): Promise<void> { this.conn = { close() {} }; }
  [asyncDisposeSymbol](): void { this.conn!.close(); }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[asyncDisposeSymbol]', field: 'conn', initMethod: 'connect' },
          line: 6,
          column: 34,
          suggestions: [
            {
              messageId: 'guardRead',
              output: `
import { asyncDisposeSymbol } from './awaitable-deps.js';
export class Db {
  conn: { close(): void } | undefined;
  async connect(): Promise<void> { this.conn = { close() {} }; }
  [asyncDisposeSymbol](): void { this.conn?.close(); }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // Awaitable through a base class from another file; disposable through one.
    {
      code: `
import { AwaitableBase, DisposableBase } from './awaitable-deps.js';
export class Client extends AwaitableBase implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
export class Lease extends DisposableBase {
  then(resolve: (value: unknown) => void): void { resolve(undefined); }
}
`,
      errors: [
        { messageId: 'publicAwaitableConstructor', data: { className: 'Client', using: 'await using' }, line: 3, column: 14, suggestions: [] },
        { messageId: 'publicAwaitableConstructor', data: { className: 'Lease', using: 'await using' }, line: 6, column: 14, suggestions: [] },
      ],
      output: null,
    },
  ],
});
