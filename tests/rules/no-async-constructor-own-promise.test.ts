import rule from '../../src/rules/no-async-constructor.js';
import { jsTester } from '../helpers/rule-tester.js';

// Gaps found on published code (issue #18): a constructor whose instance is the thenable of its own
// promise, settled by the work it starts (PouchDB's `Changes`), or whose `then` waits on the field
// holding the work (knex's `Transaction`); and a started method that catches every error itself
// (chrome-remote-interface's `Chrome#_start`).

const UNHANDLED = ' and cannot catch its errors';

jsTester.run('no-async-constructor (own promise, caught errors)', rule, {
  valid: [
    // PouchDB's `Changes`: `await changes` awaits the promise the started work settles (it is handed
    // the settler in `opts.complete`), and the promise's failure goes to a handler.
    `
import { EventEmitter } from 'node:events';

class Changes extends EventEmitter {
  constructor(db, opts) {
    super();
    this.db = db;
    opts = opts ? { ...opts } : {};
    const complete = (err, result) => (err ? this.emit('error', err) : this.emit('complete', result));
    const promise = new Promise((fulfill, reject) => {
      opts.complete = (err, result) => (err ? reject(err) : fulfill(result));
    });
    this.then = promise.then.bind(promise);
    this.catch = promise.catch.bind(promise);
    this.then((result) => complete(null, result), complete);
    this.run(opts);
  }

  run(opts) {
    this.db.info().then((info) => opts.complete(null, info), opts.complete);
  }
}
`,
    // The settler held by the instance itself, the failure caught on the promise.
    `
class Task {
  constructor(job) {
    const promise = new Promise((resolve, reject) => {
      this.settle = (error, value) => (error ? reject(error) : resolve(value));
    });
    this.then = promise.then.bind(promise);
    promise.catch((error) => this.onError(error));
    this.start(job);
  }

  start(job) {
    job().then((value) => this.settle(null, value), this.settle);
  }

  onError() {}
}
`,
    // knex's \`Transaction\`: the work's chain is stored in a field that the class's own \`then\` waits
    // on, so \`await new Transaction()\` awaits the work; the same with the ready promise of an
    // awaitable class.
    `
import { EventEmitter } from 'node:events';

class Transaction extends EventEmitter {
  constructor(client, container, outerTx = null) {
    super();
    this.client = client;
    const previous = outerTx ? outerTx.lastChild : Promise.resolve();
    const base = previous.then(() => this.evaluate(container));
    this.promise = base.then((x) => x);
    if (outerTx) {
      outerTx.lastChild = base.catch(() => {});
    }
  }

  async evaluate(container) {
    return container(this);
  }

  then(onResolve, onReject) {
    return this.promise.then(onResolve, onReject);
  }
}

class Db {
  constructor() {
    this.ready = this.connect();
  }

  async connect() {}

  then(resolve, reject) {
    return this.ready.then(() => {
      this.then = undefined;
      resolve(this);
    }, reject);
  }
}
`,
  ],
  invalid: [
    // A \`then\` that waits on another field than the one holding the work.
    {
      code: `
class Elsewhere {
  constructor(load) {
    this.ready = Promise.resolve();
    this.loading = load().then((value) => value);
  }

  then(resolve, reject) {
    return this.ready.then(resolve, reject);
  }
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Elsewhere`'s constructor", work: '`load()`', className: 'Elsewhere', errors: UNHANDLED },
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Elsewhere {
  constructor() {
    this.ready = Promise.resolve();
  }

  static async create(load) {
    const elsewhere = new Elsewhere();
    elsewhere.loading = load().then((value) => value);
    await elsewhere.loading;
    return elsewhere;
  }

  then(resolve, reject) {
    return this.ready.then(resolve, reject);
  }
}
`,
            },
          ],
        },
      ],
    },
    // Look-alikes: the promise's failure goes nowhere; the work is not handed the settlers.
    {
      code: `
class Unrouted {
  constructor(db, opts) {
    this.db = db;
    const promise = new Promise((fulfill, reject) => {
      opts.complete = (err, result) => (err ? reject(err) : fulfill(result));
    });
    this.then = promise.then.bind(promise);
    this.run(opts);
  }

  run(opts) {
    this.db.info().then((info) => opts.complete(null, info));
  }
}

class Unhanded {
  constructor(db, opts) {
    this.db = db;
    const promise = new Promise((fulfill, reject) => {
      opts.complete = (err, result) => (err ? reject(err) : fulfill(result));
    });
    this.then = promise.then.bind(promise);
    this.then(() => {}, () => {});
    this.run();
  }

  run() {
    this.db.info().then(() => {});
  }
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`this.run()` (called by `Unrouted`'s constructor)",
            work: '`this.db.info()`',
            className: 'Unrouted',
            errors: UNHANDLED,
          },
          line: 9,
          column: 5,
          suggestions: [],
        },
        {
          messageId: 'asyncWork',
          data: {
            where: "`this.run()` (called by `Unhanded`'s constructor)",
            work: '`this.db.info()`',
            className: 'Unhanded',
            errors: UNHANDLED,
          },
          line: 25,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // The started method catches every error itself: the message says where they go.
    {
      code: `
class Client {
  constructor(notifier) {
    this.host = 'localhost';
    this.notifier = notifier;
    this.start();
  }

  async start() {
    const options = { host: this.host };
    try {
      this.socket = await connect(options);
    } catch (err) {
      this.notifier.emit('error', err);
    }
  }
}

async function connect(options) {
  return options;
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`Client`'s constructor",
            work: '`this.start()`',
            className: 'Client',
            errors: ", and its errors go to `start()`'s own `catch`, which calls `this.notifier.emit('error', err)`, not to them",
          },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Client {
  constructor(notifier) {
    this.host = 'localhost';
    this.notifier = notifier;
  }

  static async create(notifier) {
    const client = new Client(notifier);
    await client.start();
    return client;
  }

  async start() {
    const options = { host: this.host };
    try {
      this.socket = await connect(options);
    } catch (err) {
      this.notifier.emit('error', err);
    }
  }
}

async function connect(options) {
  return options;
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Client {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(notifier) {
    this.host = 'localhost';
    this.notifier = notifier;
  }

  async #initialize() {
    await this.start();
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

  async start() {
    const options = { host: this.host };
    try {
      this.socket = await connect(options);
    } catch (err) {
      this.notifier.emit('error', err);
    }
  }
}

async function connect(options) {
  return options;
}
`,
            },
          ],
        },
      ],
    },
    // An empty \`catch\` discards them.
    {
      code: `
class Quiet {
  constructor() {
    void this.load();
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch {}
  }
}

`,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`Quiet`'s constructor",
            work: '`this.load()`',
            className: 'Quiet',
            errors: ", and its errors go to `load()`'s own `catch`, which discards them, not to them",
          },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Quiet {
  static async create() {
    const quiet = new Quiet();
    await quiet.load();
    return quiet;
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch {}
  }
}

`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Quiet {
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

  async load() {
    try {
      this.data = await fetch('/data');
    } catch {}
  }
}

`,
            },
          ],
        },
      ],
    },
    // A \`catch\` that throws again, or work before the \`try\`, lets them reach the started promise,
    // which nobody holds.
    {
      code: `
class Loud {
  constructor() {
    void this.load();
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}

class Early {
  constructor() {
    void this.load();
  }

  async load() {
    const url = await locate();
    try {
      this.data = await fetch(url);
    } catch {}
  }
}

async function locate() {
  return '/data';
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          data: { where: "`Loud`'s constructor", work: '`this.load()`', className: 'Loud', errors: UNHANDLED },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loud {
  static async create() {
    const loud = new Loud();
    await loud.load();
    return loud;
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}

class Early {
  constructor() {
    void this.load();
  }

  async load() {
    const url = await locate();
    try {
      this.data = await fetch(url);
    } catch {}
  }
}

async function locate() {
  return '/data';
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loud {
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

  async load() {
    try {
      this.data = await fetch('/data');
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}

class Early {
  constructor() {
    void this.load();
  }

  async load() {
    const url = await locate();
    try {
      this.data = await fetch(url);
    } catch {}
  }
}

async function locate() {
  return '/data';
}
`,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          data: { where: "`Early`'s constructor", work: '`this.load()`', className: 'Early', errors: UNHANDLED },
          line: 19,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Loud {
  constructor() {
    void this.load();
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}

class Early {
  static async create() {
    const early = new Early();
    await early.load();
    return early;
  }

  async load() {
    const url = await locate();
    try {
      this.data = await fetch(url);
    } catch {}
  }
}

async function locate() {
  return '/data';
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Loud {
  constructor() {
    void this.load();
  }

  async load() {
    try {
      this.data = await fetch('/data');
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}

class Early {
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

  async load() {
    const url = await locate();
    try {
      this.data = await fetch(url);
    } catch {}
  }
}

async function locate() {
  return '/data';
}
`,
            },
          ],
        },
      ],
    },
  ],
});
