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
