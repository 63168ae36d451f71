import rule from '../../src/rules/no-async-constructor.js';
import { jsTester, typedTester } from '../helpers/rule-tester.js';

// Deferreds from the corpus (docs/accuracy.md, false findings 1-4): a `new Promise` whose executor
// starts nothing, though it calls something other than its settlers: it wraps them
// (`promiseTracker(resolve, reject)`), subscribes them through a local listener (`onConnect`) or to a
// promise that already exists (`scope.cancelRequested.catch(reject)`). Each is reduced from the
// package's code; the look-alikes below each do I/O or keep a timer, and stay reported. The type
// tier also reads the calls the syntax cannot place: the helpers are in tests/fixtures
// (nac-deferred-util.ts, bodies in the program; nac-deferred-lib.d.ts, declarations only).

jsTester.run('no-async-constructor (JavaScript, deferreds)', rule, {
  valid: [
    // @polkadot/api promise/Api.js: the settlers go through a tracker object, settled by events.
    `
class ApiPromise extends ApiBase {
  #isReadyOrErrorPromise;

  constructor(options) {
    super(options);
    this.#isReadyOrErrorPromise = new Promise((resolve, reject) => {
      const tracker = promiseTracker(resolve, reject);
      super.once('ready', () => tracker.resolve(this));
      super.once('error', (error) => tracker.reject(error));
    });
  }
}
    `,
    // mysql2 lib/base/connection.js: listeners held in locals, each removing the other.
    `
class Connection extends EventEmitter {
  constructor() {
    super();
    this.connected = new Promise((resolve, reject) => {
      let onConnect, onError;
      onConnect = (param) => {
        this.removeListener('error', onError);
        resolve(param);
      };
      onError = (err) => {
        this.removeListener('connect', onConnect);
        reject(err);
      };
      this.once('connect', onConnect);
      this.once('error', onError);
    });
    this.closed = new Promise((resolve) => {
      const onClose = () => resolve();
      this.once('close', onClose);
    });
  }
}
    `,
    // @temporalio/workflow src/trigger.ts, the part the syntax decides: `reject` subscribed to a
    // promise that already exists; and `then(resolve, reject)` on stored promises.
    `
class Trigger {
  constructor(scope) {
    this.promise = new Promise((resolve, reject) => {
      if (scope.cancellable) {
        scope.cancelRequested.catch(reject);
      }
      this.resolve = resolve;
      this.reject = reject;
    });
    this.settled = new Promise((resolve, reject) => this.inner.then(resolve, reject));
    this.finished = new Promise((resolve, reject) => scope.done.then(resolve).catch(reject));
  }
}
    `,
    // ioredis built/Command.js, the part the syntax decides: a settler wrapped by a method of the
    // class, kept in the field named for it.
    `
class Command {
  constructor() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = this._convertValue(resolve);
      this.reject = (err) => {
        this._clearTimers();
        reject(err);
      };
    });
  }
}
    `,
    // ioredis built/Command.js, whole: the executor also transforms the arguments, with a function
    // read from a registry (typed `any` even with types) and a method that only rewrites data.
    // Neither is handed a settler, a callback or `this`, nor can reach the fields the settlers are
    // stored in: construction code, not what settles the promise (docs/accuracy.md, false finding 3).
    `
class Command {
  constructor(name, args) {
    this.name = name;
    this.args = args.flat();
    this.initPromise();
  }

  initPromise() {
    const promise = new Promise((resolve, reject) => {
      if (!this.transformed) {
        this.transformed = true;
        const transformer = Command._transformer.argument[this.name];
        if (transformer) {
          this.args = transformer(this.args);
        }
        this.stringifyArguments();
      }
      this.resolve = this._convertValue(resolve);
      this.reject = (err) => {
        this._clearTimers();
        reject(err);
      };
    });
    this.promise = promise;
  }

  stringifyArguments() {
    for (let i = 0; i < this.args.length; ++i) {
      const arg = this.args[i];
      if (arg instanceof Buffer) {
        this.bufferMode = true;
      } else if (typeof arg !== 'string') {
        this.args[i] = (0, utils_1.toArg)(arg);
      }
    }
  }

  _convertValue(resolve) {
    return (value) => {
      resolve(this.transformReply(value));
    };
  }
}
    `,
    // @temporalio/workflow src/trigger.ts whole, without types (docs/accuracy.md, false finding 1):
    // `CancellationScope.current()` is made for its value (its members are only read), and that
    // value reaches only `reject` (`scope.cancelRequested.catch(reject)`, a cancellation): it can
    // fail the promise, not fulfil it. What fulfils it is the stored `this.resolve`.
    `
class Trigger {
  constructor() {
    this.promise = new Promise((resolve, reject) => {
      const scope = CancellationScope.current();
      if (scope.cancellable) {
        untrackPromise(scope.cancelRequested.catch(reject));
      }
      this.resolve = resolve;
      this.reject = reject;
    });
    untrackPromise(this.promise.catch(() => undefined));
  }
}
    `,
    // mysql2 lib/base/connection.js, without types (docs/accuracy.md, false finding 2): a helper
    // handed a function that makes a deferred settled by events, and a function that starts
    // nothing, is read as a wrapper of that deferred (tracing): the chain on it starts nothing.
    `
class BaseConnection extends EventEmitter {
  constructor(config) {
    super();
    if (shouldTrace(connectChannel)) {
      tracePromise(
        connectChannel,
        () =>
          new Promise((resolve, reject) => {
            let onConnect, onError;
            onConnect = (param) => {
              this.removeListener('error', onError);
              resolve(param);
            };
            onError = (err) => {
              this.removeListener('connect', onConnect);
              reject(err);
            };
            this.once('connect', onConnect);
            this.once('error', onError);
          }),
        () => ({ database: config.database || '' }),
      ).catch(() => {});
    }
  }
}
    `,
  ],
  invalid: [
    // Look-alikes of Temporal's Trigger: a value whose promise fulfils the deferred (the call that
    // made it is the work), and a value handed on (not only looked up).
    {
      code: `
class Session {
  constructor(db) {
    this.ready = new Promise((resolve, reject) => {
      const connection = db.connect();
      connection.ready.then(resolve, reject);
    });
  }
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
class Session {
  static async create(db) {
    const session = new Session();
    session.ready = new Promise((resolve, reject) => {
      const connection = db.connect();
      connection.ready.then(resolve, reject);
    });
    await session.ready;
    return session;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  /** @type {unknown} */
  #db;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(db) {
    this.#db = db;
  }

  async #initialize() {
    this.ready = new Promise((resolve, reject) => {
      const connection = this.#db.connect();
      connection.ready.then(resolve, reject);
    });
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
  constructor(db, pool) {
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
      const connection = db.connect();
      pool.add(connection);
    });
  }
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
class Session {
  static async create(db, pool) {
    const session = new Session();
    session.ready = new Promise((resolve) => {
      session.resolveReady = resolve;
      const connection = db.connect();
      pool.add(connection);
    });
    await session.ready;
    return session;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  /** @type {unknown} */
  #db;
  /** @type {unknown} */
  #pool;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(db, pool) {
    this.#db = db;
    this.#pool = pool;
  }

  async #initialize() {
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
      const connection = this.#db.connect();
      this.#pool.add(connection);
    });
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
}
      `,
            },
          ],
        },
      ],
    },
    // Look-alikes of mysql2's traced handshake: a helper handed a timer's promise and data, a
    // deferred factory whose executor fetches, and a function that starts work next to a deferred.
    {
      code: `
class Client {
  constructor(url) {
    withTimeout(url, () => new Promise((resolve) => setTimeout(resolve, 100))).catch(() => {});
  }
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
class Client {
  static async create(url) {
    const client = new Client();
    await withTimeout(url, () => new Promise((resolve) => setTimeout(resolve, 100))).catch(() => {});
    return client;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Client {
  /** @type {unknown} */
  #url;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    this.#url = url;
  }

  async #initialize() {
    await withTimeout(this.#url, () => new Promise((resolve) => setTimeout(resolve, 100))).catch(() => {});
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
    {
      code: `
class Client extends EventEmitter {
  constructor(url) {
    super();
    trace(channel, () => new Promise((resolve) => {
      fetch(url).then(resolve);
    })).catch(() => {});
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Client extends EventEmitter {
  constructor() {
    super();
  }

  static async create(url) {
    const client = new Client();
    await trace(channel, () => new Promise((resolve) => {
      fetch(url).then(resolve);
    })).catch(() => {});
    return client;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Client extends EventEmitter {
  /** @type {unknown} */
  #url;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    super();
    this.#url = url;
  }

  async #initialize() {
    await trace(channel, () => new Promise((resolve) => {
      fetch(this.#url).then(resolve);
    })).catch(() => {});
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
    {
      code: `
class Client extends EventEmitter {
  constructor(config) {
    super();
    tracePromise(
      channel,
      () => new Promise((resolve) => this.once('connect', resolve)),
      () => this.describe(config).then((context) => context.server),
    ).catch(() => {});
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // A promise method of the class handed a deferred factory: its own work, whatever it is handed.
    {
      code: `
class Client extends EventEmitter {
  constructor() {
    super();
    this.trace(() => new Promise((resolve) => this.once('connect', resolve))).catch(() => {});
  }

  async trace(fn) {
    await this.connect();
    return fn();
  }
}
     `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // Look-alikes of ioredis' Command: a deferred whose executor calls a method that can settle it,
    // one reading the stored settler through another (cycle-safe), or one that hands `this` on; a
    // plain function handed `this`; and a function's result the settlers are subscribed to.
    {
      code: `
class Command {
  constructor(connection) {
    this.connection = connection;
    this.sent = new Promise((resolve) => {
      this.resolve = resolve;
      this.send();
    });
    this.echoed = new Promise((resolve) => {
      this.resolveEcho = resolve;
      register(this);
    });
    this.opened = new Promise((resolve) => {
      const socket = open(this.connection.url);
      socket.onopen = () => resolve();
    });
  }

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 17,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Command {
  constructor(connection) {
    this.connection = connection;
  }

  static async create(connection) {
    const command = new Command(connection);
    command.sent = new Promise((resolve) => {
      command.resolve = resolve;
      command.send();
    });
    command.echoed = new Promise((resolve) => {
      command.resolveEcho = resolve;
      register(command);
    });
    command.opened = new Promise((resolve) => {
      const socket = open(command.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      command.sent,
      command.echoed,
      command.opened,
    ]);
    return command;
  }

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Command {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(connection) {
    this.connection = connection;
  }

  async #initialize() {
    this.sent = new Promise((resolve) => {
      this.resolve = resolve;
      this.send();
    });
    this.echoed = new Promise((resolve) => {
      this.resolveEcho = resolve;
      register(this);
    });
    this.opened = new Promise((resolve) => {
      const socket = open(this.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      this.sent,
      this.echoed,
      this.opened,
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

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 9,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Command {
  constructor(connection) {
    this.connection = connection;
  }

  static async create(connection) {
    const command = new Command(connection);
    command.sent = new Promise((resolve) => {
      command.resolve = resolve;
      command.send();
    });
    command.echoed = new Promise((resolve) => {
      command.resolveEcho = resolve;
      register(command);
    });
    command.opened = new Promise((resolve) => {
      const socket = open(command.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      command.sent,
      command.echoed,
      command.opened,
    ]);
    return command;
  }

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Command {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(connection) {
    this.connection = connection;
  }

  async #initialize() {
    this.sent = new Promise((resolve) => {
      this.resolve = resolve;
      this.send();
    });
    this.echoed = new Promise((resolve) => {
      this.resolveEcho = resolve;
      register(this);
    });
    this.opened = new Promise((resolve) => {
      const socket = open(this.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      this.sent,
      this.echoed,
      this.opened,
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

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
          ],
        },
        {
          messageId: 'asyncWork',
          line: 13,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Command {
  constructor(connection) {
    this.connection = connection;
  }

  static async create(connection) {
    const command = new Command(connection);
    command.sent = new Promise((resolve) => {
      command.resolve = resolve;
      command.send();
    });
    command.echoed = new Promise((resolve) => {
      command.resolveEcho = resolve;
      register(command);
    });
    command.opened = new Promise((resolve) => {
      const socket = open(command.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      command.sent,
      command.echoed,
      command.opened,
    ]);
    return command;
  }

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Command {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(connection) {
    this.connection = connection;
  }

  async #initialize() {
    this.sent = new Promise((resolve) => {
      this.resolve = resolve;
      this.send();
    });
    this.echoed = new Promise((resolve) => {
      this.resolveEcho = resolve;
      register(this);
    });
    this.opened = new Promise((resolve) => {
      const socket = open(this.connection.url);
      socket.onopen = () => resolve();
    });
    await Promise.all([
      this.sent,
      this.echoed,
      this.opened,
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

  send() {
    this.prepare();
  }

  prepare() {
    this.onReply = () => this.reply();
    this.send.length;
  }

  reply() {
    this.resolve();
    this.prepare();
  }
}
      `,
            },
          ],
        },
      ],
    },
    // A timer handed a settler is handed a delay too: not a wrapper, whatever its field is called.
    {
      code: `
class Timeout {
  constructor() {
    this.expired = new Promise((resolve) => {
      this.resolveTimer = setTimeout(resolve, 10);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Timeout {
  static async create() {
    const timeout = new Timeout();
    timeout.expired = new Promise((resolve) => {
      timeout.resolveTimer = setTimeout(resolve, 10);
    });
    await timeout.expired;
    return timeout;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Timeout {
  /** @type {Promise<void> | undefined} */
  #init;

  async #initialize() {
    this.expired = new Promise((resolve) => {
      this.resolveTimer = setTimeout(resolve, 10);
    });
    await this.expired;
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
    // A watch whose id is kept to clear it: the call's result is not a settler.
    {
      code: `
class Locator {
  constructor(geolocation) {
    this.position = new Promise((resolve, reject) => {
      const id = geolocation.watchPosition(resolve, reject);
      this.stop = () => geolocation.clearWatch(id);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Locator {
  static async create(geolocation) {
    const locator = new Locator();
    locator.position = new Promise((resolve, reject) => {
      const id = geolocation.watchPosition(resolve, reject);
      locator.stop = () => geolocation.clearWatch(id);
    });
    await locator.position;
    return locator;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Locator {
  /** @type {unknown} */
  #geolocation;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(geolocation) {
    this.#geolocation = geolocation;
  }

  async #initialize() {
    this.position = new Promise((resolve, reject) => {
      const id = this.#geolocation.watchPosition(resolve, reject);
      this.stop = () => this.#geolocation.clearWatch(id);
    });
    await this.position;
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
    // A request used for something else than settling, and a call whose result never settles anything.
    {
      code: `
class Upload {
  constructor(send) {
    this.response = new Promise((resolve, reject) => {
      const request = send(resolve, reject);
      request.end();
    });
    this.polled = new Promise((resolve) => {
      const poller = startPolling(resolve);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Upload {
  static async create(send) {
    const upload = new Upload();
    upload.response = new Promise((resolve, reject) => {
      const request = send(resolve, reject);
      request.end();
    });
    upload.polled = new Promise((resolve) => {
      const poller = startPolling(resolve);
    });
    await Promise.all([
      upload.response,
      upload.polled,
    ]);
    return upload;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Upload {
  /** @type {unknown} */
  #send;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(send) {
    this.#send = send;
  }

  async #initialize() {
    this.response = new Promise((resolve, reject) => {
      const request = this.#send(resolve, reject);
      request.end();
    });
    this.polled = new Promise((resolve) => {
      const poller = startPolling(resolve);
    });
    await Promise.all([
      this.response,
      this.polled,
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
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Upload {
  static async create(send) {
    const upload = new Upload();
    upload.response = new Promise((resolve, reject) => {
      const request = send(resolve, reject);
      request.end();
    });
    upload.polled = new Promise((resolve) => {
      const poller = startPolling(resolve);
    });
    await Promise.all([
      upload.response,
      upload.polled,
    ]);
    return upload;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Upload {
  /** @type {unknown} */
  #send;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(send) {
    this.#send = send;
  }

  async #initialize() {
    this.response = new Promise((resolve, reject) => {
      const request = this.#send(resolve, reject);
      request.end();
    });
    this.polled = new Promise((resolve) => {
      const poller = startPolling(resolve);
    });
    await Promise.all([
      this.response,
      this.polled,
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
    // A tracker settled by I/O: the fetch is the work.
    {
      code: `
class Client {
  constructor(url) {
    this.body = new Promise((resolve, reject) => {
      const tracker = promiseTracker(resolve, reject);
      fetch(url).then((response) => tracker.resolve(response), (error) => tracker.reject(error));
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Client {
  static async create(url) {
    const client = new Client();
    client.body = new Promise((resolve, reject) => {
      const tracker = promiseTracker(resolve, reject);
      fetch(url).then((response) => tracker.resolve(response), (error) => tracker.reject(error));
    });
    await client.body;
    return client;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Client {
  /** @type {unknown} */
  #url;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    this.#url = url;
  }

  async #initialize() {
    this.body = new Promise((resolve, reject) => {
      const tracker = promiseTracker(resolve, reject);
      fetch(this.#url).then((response) => tracker.resolve(response), (error) => tracker.reject(error));
    });
    await this.body;
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
    // A local listener handed to I/O, not subscribed.
    {
      code: `
class Config {
  constructor(fs, path) {
    this.text = new Promise((resolve) => {
      const onData = (error, data) => resolve(data);
      fs.readFile(path, onData);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Config {
  static async create(fs, path) {
    const config = new Config();
    config.text = new Promise((resolve) => {
      const onData = (error, data) => resolve(data);
      fs.readFile(path, onData);
    });
    await config.text;
    return config;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Config {
  /** @type {unknown} */
  #fs;
  /** @type {unknown} */
  #path;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(fs, path) {
    this.#fs = fs;
    this.#path = path;
  }

  async #initialize() {
    this.text = new Promise((resolve) => {
      const onData = (error, data) => resolve(data);
      this.#fs.readFile(this.#path, onData);
    });
    await this.text;
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
    // A local listener subscribed next to the call that starts the I/O.
    {
      code: `
class Connection {
  constructor(socket) {
    this.connected = new Promise((resolve) => {
      const onConnect = () => resolve();
      socket.once('connect', onConnect);
      socket.connect(443);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Connection {
  static async create(socket) {
    const connection = new Connection();
    connection.connected = new Promise((resolve) => {
      const onConnect = () => resolve();
      socket.once('connect', onConnect);
      socket.connect(443);
    });
    await connection.connected;
    return connection;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Connection {
  /** @type {unknown} */
  #socket;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(socket) {
    this.#socket = socket;
  }

  async #initialize() {
    this.connected = new Promise((resolve) => {
      const onConnect = () => resolve();
      this.#socket.once('connect', onConnect);
      this.#socket.connect(443);
    });
    await this.connected;
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
    // Settlers subscribed to a promise that a call makes: the call is the work.
    {
      code: `
class Session {
  constructor(url) {
    this.opened = new Promise((resolve, reject) => this.connect().then(resolve, reject));
    this.loaded = new Promise((resolve, reject) => fetch(url).then(resolve).catch(reject));
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  static async create(url) {
    const session = new Session();
    session.opened = new Promise((resolve, reject) => session.connect().then(resolve, reject));
    session.loaded = new Promise((resolve, reject) => fetch(url).then(resolve).catch(reject));
    await Promise.all([
      session.opened,
      session.loaded,
    ]);
    return session;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  /** @type {unknown} */
  #url;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    this.#url = url;
  }

  async #initialize() {
    this.opened = new Promise((resolve, reject) => this.connect().then(resolve, reject));
    this.loaded = new Promise((resolve, reject) => fetch(this.#url).then(resolve).catch(reject));
    await Promise.all([
      this.opened,
      this.loaded,
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
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Session {
  static async create(url) {
    const session = new Session();
    session.opened = new Promise((resolve, reject) => session.connect().then(resolve, reject));
    session.loaded = new Promise((resolve, reject) => fetch(url).then(resolve).catch(reject));
    await Promise.all([
      session.opened,
      session.loaded,
    ]);
    return session;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Session {
  /** @type {unknown} */
  #url;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(url) {
    this.#url = url;
  }

  async #initialize() {
    this.opened = new Promise((resolve, reject) => this.connect().then(resolve, reject));
    this.loaded = new Promise((resolve, reject) => fetch(this.#url).then(resolve).catch(reject));
    await Promise.all([
      this.opened,
      this.loaded,
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
    // ioredis built/Command.js, reduced: the executor also calls a function read from a registry
    // (`transformer(this.args)`) and a method that calls others, which the syntax cannot tell from work.
    {
      code: `
class Command {
  constructor(name, args = []) {
    this.name = name;
    this.args = args.flat();
    this.initPromise();
  }

  initPromise() {
    this.promise = new Promise((resolve, reject) => {
      const transformer = Command.transformers[this.name];
      if (transformer) {
        this.args = transformer(this.args);
      }
      this.stringifyArguments();
      this.resolve = this._convertValue(resolve);
      this.reject = (err) => reject(err);
    });
  }

  stringifyArguments() {
    this.args = this.args.map((arg) => (typeof arg === 'string' ? arg : String(arg)));
  }

  _convertValue(resolve) {
    return (value) => resolve(this.transformReply(value));
  }
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 6, column: 5, suggestions: [] },
      ],
    },
  ],
});

typedTester.run('no-async-constructor (TypeScript with types, deferreds)', rule, {
  valid: [
    // @temporalio/workflow src/trigger.ts: `CancellationScope.current()` reads a context store and
    // `untrackPromise()` updates a map (their bodies say so); `reject` is subscribed to a promise
    // that exists.
    `
import { CancellationScope, untrackPromise } from './nac-deferred-util.js';

class Trigger<T> implements PromiseLike<T> {
  resolve: ((value: T | PromiseLike<T>) => void) | undefined;
  reject: ((reason?: unknown) => void) | undefined;
  protected readonly promise: Promise<T>;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      const scope = CancellationScope.current();
      if (scope.cancellable) {
        untrackPromise(scope.cancelRequested.catch(reject));
      }
      this.resolve = resolve;
      this.reject = reject;
    });
    untrackPromise(this.promise.catch(() => undefined));
  }

  then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): PromiseLike<TResult1 | TResult2> {
    return this.promise.then(onfulfilled, onrejected);
  }
}
    `,
    // @polkadot/api promise/Api.js, typed.
    `
import { promiseTracker } from './nac-deferred-util.js';

declare class ApiBase {
  constructor(options: object);
  once(event: string, listener: (...args: unknown[]) => void): this;
}

class ApiPromise extends ApiBase {
  #isReadyOrErrorPromise: Promise<ApiPromise>;

  constructor(options: object) {
    super(options);
    this.#isReadyOrErrorPromise = new Promise((resolve, reject) => {
      const tracker = promiseTracker(resolve, reject);
      super.once('ready', () => tracker.resolve(this));
      super.once('error', (error) => tracker.reject(error));
    });
  }
}
    `,
    // mysql2 lib/base/connection.js: \`tracePromise()\` runs the function it is handed (directly or
    // through the channel's \`tracePromise\`), here a deferred settled by the connect/error events;
    // and the channel's own method, handed one.
    `
import { connectChannel, tracePromise } from './nac-deferred-util.js';

declare class EventEmitter {
  once(event: string, listener: (...args: unknown[]) => void): this;
  removeListener(event: string, listener: (...args: unknown[]) => void): this;
}

class BaseConnection extends EventEmitter {
  constructor(config: { database?: string }) {
    super();
    tracePromise(
      connectChannel,
      () =>
        new Promise((resolve, reject) => {
          let onConnect: (param: unknown) => void;
          let onError: (err: unknown) => void;
          onConnect = (param) => {
            this.removeListener('error', onError);
            resolve(param);
          };
          onError = (err) => {
            this.removeListener('connect', onConnect);
            reject(err);
          };
          this.once('connect', onConnect);
          this.once('error', onError);
        }),
      () => ({ database: config.database ?? '' }),
    ).catch(() => {});
    connectChannel?.tracePromise(() => new Promise((resolve) => this.once('close', resolve)), {}).catch(() => {});
  }
}
    `,
    // ioredis built/Command.js where its argument transformers have a type: a transformer computes
    // a value (its signature says so), and \`stringifyArguments()\` only converts (its body says so).
    `
class Command {
  static transformers: Record<string, ((args: unknown[]) => unknown[]) | undefined> = {};
  args: unknown[];
  promise: Promise<unknown> | undefined;
  resolve: ((value: unknown) => void) | undefined;
  reject: ((error: unknown) => void) | undefined;

  constructor(readonly name: string, args: unknown[] = []) {
    this.args = args;
    this.initPromise();
  }

  initPromise(): void {
    this.promise = new Promise((resolve, reject) => {
      const transformer = Command.transformers[this.name];
      if (transformer) {
        this.args = transformer(this.args);
      }
      this.stringifyArguments();
      this.resolve = this.convertValue(resolve);
      this.reject = (error) => reject(error);
    });
  }

  stringifyArguments(): void {
    for (let i = 0; i < this.args.length; ++i) {
      const arg = this.args[i];
      if (typeof arg !== 'string') {
        this.args[i] = String(arg);
      }
    }
  }

  convertValue(resolve: (value: unknown) => void): (value: unknown) => void {
    return (value) => resolve(value);
  }
}
    `,
    // A call of `any` (ioredis's own transformers, in its JavaScript) handed data: nothing can tell
    // what it does, but the settlers cannot reach it, so it is not what settles the promise; in the
    // constructor itself such a call is not reported either (docs/accuracy.md, false finding 3).
    `
declare const registry: any;

class Command {
  args: unknown[];
  promise: Promise<unknown> | undefined;
  resolve: ((value: unknown) => void) | undefined;

  constructor(readonly name: string, args: unknown[] = []) {
    this.args = args;
    this.initPromise();
  }

  initPromise(): void {
    this.promise = new Promise((resolve) => {
      const transformer = registry[this.name];
      this.args = transformer(this.args);
      this.resolve = resolve;
    });
  }
}
    `,
    // ioredis built/Command.js, typed: the deferred handed to standard-as-callback's
    // `asCallback<T>(promise: Promise<T>, cb): Promise<T>` (a `.d.ts`), a chain on the promise it is
    // handed, read from its generic signature (docs/accuracy.md, false finding 3).
    `
import { asCallback } from './nac-deferred-lib.js';

class Command {
  promise: Promise<string> | undefined;
  resolve: ((value: string) => void) | undefined;

  constructor(readonly callback?: (error: unknown, value?: string) => void) {
    this.initPromise();
  }

  initPromise(): void {
    const promise = new Promise<string>((resolve) => {
      this.resolve = resolve;
    });
    this.promise = asCallback(promise, this.callback);
  }
}
    `,
  ],
  invalid: [
    // An adapter handed work (`asCallback(this.connect(), cb)`): the chain on its argument is not
    // reported, the work it is handed is.
    {
      code: `
import { asCallback } from './nac-deferred-lib.js';

class Client {
  ready: Promise<void>;

  constructor(readonly callback?: (error: unknown) => void) {
    this.ready = asCallback(this.connect(), this.callback);
  }

  async connect(): Promise<void> {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 29,
          suggestions: [
            {
              messageId: 'suggestFactoryRecorded',
              output: `
import { asCallback } from './nac-deferred-lib.js';

class Client {
  #pendingInit: unknown[] = [];
  ready: Promise<void>;

  constructor(readonly callback?: (error: unknown) => void) {
    this.ready = asCallback(this.#trackInit(this.connect()), this.callback);
  }

  static async create(callback?: (error: unknown) => void): Promise<Client> {
    const client = new Client(callback);
    await Promise.all(client.#pendingInit);
    return client;
  }

  async connect(): Promise<void> {}

  #trackInit<T>(work: T): T {
    this.#pendingInit.push(work);
    return work;
  }
}
      `,
            },
            {
              messageId: 'suggestThenableRecorded',
              output: `
import { asCallback } from './nac-deferred-lib.js';

class Client {
  #pendingInit: unknown[] = [];
  #init: Promise<void> | undefined;
  ready: Promise<void>;

  constructor(readonly callback?: (error: unknown) => void) {
    this.ready = asCallback(this.#trackInit(this.connect()), this.callback);
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

  async connect(): Promise<void> {}

  #trackInit<T>(work: T): T {
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
    // A call made for its effect (`send(): void`, no body to read) may be the I/O the promise waits for.
    {
      code: `
import type { Transport } from './nac-deferred-lib.js';

class Request {
  resolveReply: ((reply: string) => void) | undefined;
  reply: Promise<string>;

  constructor(transport: Transport, message: string) {
    this.reply = new Promise<string>((resolve) => {
      this.resolveReply = resolve;
      transport.send(message);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 9,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import type { Transport } from './nac-deferred-lib.js';

class Request {
  resolveReply: ((reply: string) => void) | undefined;
  reply!: Promise<string>;

  static async create(transport: Transport, message: string): Promise<Request> {
    const request = new Request();
    request.reply = new Promise<string>((resolve) => {
      request.resolveReply = resolve;
      transport.send(message);
    });
    await request.reply;
    return request;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import type { Transport } from './nac-deferred-lib.js';

class Request {
  resolveReply: ((reply: string) => void) | undefined;
  reply!: Promise<string>;

  #transport: Transport;
  #message: string;
  #init: Promise<void> | undefined;

  constructor(transport: Transport, message: string) {
    this.#transport = transport;
    this.#message = message;
  }

  async #initialize(): Promise<void> {
    this.reply = new Promise<string>((resolve) => {
      this.resolveReply = resolve;
      this.#transport.send(this.#message);
    });
    await this.reply;
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
    // Calls on an event source (a socket) are I/O told through its events, whatever they return.
    {
      code: `
import { Socket } from './nac-deferred-lib.js';

class Connection {
  connected: Promise<void>;
  flushed: Promise<void>;

  constructor(socket: Socket) {
    this.connected = new Promise<void>((resolve) => {
      const onConnect = () => resolve();
      socket.once('connect', onConnect);
      socket.connect(443);
    });
    this.flushed = new Promise<void>((resolve) => {
      const queued = socket.write('ping');
      socket.once('drain', resolve);
    });
  }
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 9, column: 22, suggestions: [] },
        { messageId: 'asyncWork', line: 14, column: 20, suggestions: [] },
      ],
    },
    // A callback API handed a listener; a helper whose body writes to a socket.
    {
      code: `
import { readFile } from './nac-deferred-lib.js';
import { sendHello } from './nac-deferred-util.js';

class Greeter {
  text: Promise<string>;
  greeted: Promise<void>;

  constructor(path: string, socket: WebSocket) {
    this.text = new Promise<string>((resolve) => {
      readFile(path, (error, data) => resolve(data));
    });
    this.greeted = new Promise<void>((resolve) => {
      const id = sendHello(socket);
      socket.addEventListener('message', () => resolve());
    });
  }
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 10, column: 17, suggestions: [] },
        { messageId: 'asyncWork', line: 13, column: 20, suggestions: [] },
      ],
    },
    // mysql2's query shape: the traced function's executor sends the command (`addCommand` writes to
    // the socket).
    {
      code: `
import type { Socket } from './nac-deferred-lib.js';
import { connectChannel, tracePromise } from './nac-deferred-util.js';

interface Command {
  once(event: string, listener: (...args: unknown[]) => void): this;
  toPacket(): string;
}

class BaseConnection {
  constructor(
    readonly stream: Socket,
    command: Command,
  ) {
    tracePromise(
      connectChannel,
      () =>
        new Promise<void>((resolve, reject) => {
          command.once('error', reject);
          command.once('end', () => resolve());
          this.addCommand(command);
        }),
      () => ({ database: '' }),
    ).catch(() => {});
  }

  addCommand(command: Command): void {
    this.stream.write(command.toPacket());
  }
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 15, column: 5, suggestions: [] },
      ],
    },
    // A helper that runs what it is handed, after I/O of its own.
    {
      code: `
import { traceOver } from './nac-deferred-util.js';

class Session {
  constructor(socket: WebSocket) {
    traceOver(socket, () => new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()))).catch(() => {});
  }
}
      `,
      errors: [
        { messageId: 'asyncWork', line: 6, column: 5, suggestions: [] },
      ],
    },
    // The channel's method handed a function that fetches.
    {
      code: `
import { connectChannel } from './nac-deferred-util.js';

class Loader {
  constructor(url: string) {
    connectChannel?.tracePromise(() => fetch(url), {}).catch(() => {});
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { connectChannel } from './nac-deferred-util.js';

class Loader {
  static async create(url: string): Promise<Loader> {
    const loader = new Loader();
    await connectChannel?.tracePromise(() => fetch(url), {}).catch(() => {});
    return loader;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { connectChannel } from './nac-deferred-util.js';

class Loader {
  #url: string;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #initialize(): Promise<void> {
    await connectChannel?.tracePromise(() => fetch(this.#url), {}).catch(() => {});
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
