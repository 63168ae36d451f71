import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';
import rule from '../../src/rules/no-async-constructor.js';

// Work started one call away from the constructor (synchronous wrappers: methods of the class and
// functions of the module, several levels deep, cycle-safe), and background work (loops that run
// until the object is closed), which has its own message and never gets an initialisation fix.

/** The two endings of the `asyncWork` message: the work's errors reach nobody, or its own handler. */
const UNHANDLED = ' and cannot catch its errors';
const HANDLED = ', and its errors go to its handler, not to them';

jsTester.run('no-async-constructor: wrappers and background work (JavaScript)', rule, {
  valid: [
    // Without types `client.handshake()` is not known to return a promise.
    `
class Client {
  constructor(url) {
    this.url = url;
    this.open();
  }

  open() {
    this.dial();
  }

  dial() {
    connectTo(this);
  }
}

function connectTo(client) {
  void client.handshake();
}

async function handshake() {}
      `,

    // A cycle of wrappers that starts nothing.
    `
class Ring {
  constructor() {
    this.a();
  }

  a() {
    this.b();
  }

  b() {
    this.a();
  }
}
      `,

    // A wrapper nobody calls during construction.
    `
class Client {
  constructor() {
    this.ready = false;
  }

  start() {
    this.pull().catch(console.error);
  }

  async pull() {}
}
      `,

    // An allowlisted wrapper, or the work it starts, is allowed; so is a ready promise stored there.
    {
      code: `
class Client {
  constructor() {
    this.start();
  }

  start() {
    this.pull().catch(console.error);
  }

  async pull() {}
}
      `,
      options: [{ allowForKnownSafeCalls: ['start'] }],
    },
    {
      code: `
class Client {
  constructor() {
    this.start();
  }

  start() {
    this.pull().catch(console.error);
  }

  async pull() {}
}
      `,
      options: [{ allowForKnownSafeCalls: ['pull'] }],
    },
    {
      code: `
class Client {
  constructor() {
    this.start();
  }

  start() {
    this.ready = this.init();
  }

  async init() {}
}
      `,
      options: [{ allowReadyPromise: true }],
    },
  ],
  invalid: [
    {
      code: `
class Client {
  constructor() {
    this.start();
  }

  start() {
    this.pull().catch(console.error);
  }

  async pull() {}
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`this.start()` (called by `Client`'s constructor)",
            work: '`this.pull()`',
            className: 'Client',
            errors: HANDLED,
          },
          line: 4,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: `
class Client {
  constructor() {
    this.open();
  }

  open() {
    this.dial();
  }

  dial() {
    connectTo(this);
  }
}

function connectTo(client) {
  client.handshake().catch(() => {});
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`this.open()` → `this.dial()` → `connectTo()` (called by `Client`'s constructor)",
            work: '`client.handshake()`',
            className: 'Client',
            errors: HANDLED,
          },
          line: 4,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: `
class Worker {
  constructor(queue) {
    this.queue = queue;
    this.running = true;
    // Drains the queue until close().
    this.run().catch((error) => console.error(error));
  }

  async run() {
    while (this.running) {
      await this.queue.next();
    }
  }

  close() {
    this.running = false;
  }
}
      `,
      errors: [
        {
          messageId: 'backgroundWork',
          data: { where: "`Worker`'s constructor", work: '`this.run()`', className: 'Worker' },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestStart',
              output: `
class Worker {
  constructor(queue) {
    this.queue = queue;
    this.running = true;
  }

  start() {
    // Drains the queue until close().
    this.run().catch((error) => console.error(error));
  }

  async run() {
    while (this.running) {
      await this.queue.next();
    }
  }

  close() {
    this.running = false;
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
class Poller {
  constructor() {
    void this.poll();
  }

  async poll() {
    for (;;) {
      if (this.closed) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
      `,
      errors: [
        {
          messageId: 'backgroundWork',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestStart',
              output: `
class Poller {
  constructor() {
  }

  start() {
    void this.poll();
  }

  async poll() {
    for (;;) {
      if (this.closed) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
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
class Subscriber {
  constructor(subscription) {
    this.subscription = subscription;
    this.listen();
  }

  listen() {
    this.consume().catch(() => {});
  }

  async consume() {
    for await (const message of this.subscription) {
      this.handle(message);
    }
  }

  handle() {}
}
      `,
      errors: [
        {
          messageId: 'backgroundWork',
          data: { where: "`this.listen()` (called by `Subscriber`'s constructor)", work: '`this.consume()`', className: 'Subscriber' },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestStart',
              output: `
class Subscriber {
  constructor(subscription) {
    this.subscription = subscription;
  }

  start() {
    this.listen();
  }

  listen() {
    this.consume().catch(() => {});
  }

  async consume() {
    for await (const message of this.subscription) {
      this.handle(message);
    }
  }

  handle() {}
}
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
class Flusher {
  constructor() {
    this.queue = [];
    this.flush();
  }

  async flush() {
    while (this.queue.length > 0) {
      await this.queue.shift()();
    }
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
class Flusher {
  constructor() {
    this.queue = [];
  }

  static async create() {
    const flusher = new Flusher();
    await flusher.flush();
    return flusher;
  }

  async flush() {
    while (this.queue.length > 0) {
      await this.queue.shift()();
    }
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Flusher {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor() {
    this.queue = [];
  }

  async #initialize() {
    await this.flush();
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

  async flush() {
    while (this.queue.length > 0) {
      await this.queue.shift()();
    }
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
class Dialer {
  constructor() {
    this.connect();
  }

  async connect() {
    for (;;) {
      try {
        await this.open();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async open() {}
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
class Dialer {
  static async create() {
    const dialer = new Dialer();
    await dialer.connect();
    return dialer;
  }

  async connect() {
    for (;;) {
      try {
        await this.open();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async open() {}
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Dialer {
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

  async connect() {
    for (;;) {
      try {
        await this.open();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async open() {}
}
      `,
            },
          ],
        },
      ],
    },
    // No `;` before the statement: taking it out would join `this.ready = ready` and `(jobs || [])`.
    {
      code: `
class Worker {
  constructor(ready, jobs) {
    this.ready = ready
    this.run().catch(() => {});
    (jobs || []).forEach((job) => job())
  }

  async run() {
    while (this.running) {
      await this.ready;
    }
  }
}
      `,
      errors: [
        {
          messageId: 'backgroundWork',
          line: 5,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: `
class Worker {
  constructor(queue) {
    this.run(queue).catch(() => {});
  }

  async run(queue) {
    while (!this.stopped) {
      await queue.next();
    }
  }
}
      `,
      errors: [
        {
          messageId: 'backgroundWork',
          line: 4,
          column: 5,
          suggestions: [
          ],
        },
      ],
    },

  ],
});

tsTester.run('no-async-constructor: wrappers (TypeScript without types)', rule, {
  // What only the type tier knows (`Client.connect()` returns a promise) is no report here.
  valid: [
    `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.start();
  }

  start(): void {
    this.client.connect();
  }
}
      `,
    `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.open();
  }

  open(): void {
    this.dial();
  }

  dial(): void {
    void this.client.connect();
  }
}
      `,
    `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.open();
  }

  open(): void {
    this.dial();
  }

  dial(): void {
    connectLater(this.client);
  }
}

function connectLater(client: Client): void {
  client.connect();
}
      `,
    `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.a();
  }

  a(): void {
    this.b();
  }

  b(): void {
    this.a();
  }

  reconnect(): void {
    this.client.connect();
  }
}
      `,

  ],
  invalid: [],
});

typedTester.run('no-async-constructor: wrappers (TypeScript with types)', rule, {
  valid: [
    `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.a();
  }

  a(): void {
    this.b();
  }

  b(): void {
    this.a();
  }

  reconnect(): void {
    this.client.connect();
  }
}
      `,

  ],
  invalid: [
    {
      code: `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.start();
  }

  start(): void {
    this.client.connect();
  }
}
      `,
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
      code: `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.open();
  }

  open(): void {
    this.dial();
  }

  dial(): void {
    void this.client.connect();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          data: {
            where: "`this.open()` → `this.dial()` (called by `Session`'s constructor)",
            work: '`this.client.connect()`',
            className: 'Session',
            errors: UNHANDLED,
          },
          line: 6,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: `
import type { Client } from './deps.js';

class Session {
  constructor(private readonly client: Client) {
    this.open();
  }

  open(): void {
    this.dial();
  }

  dial(): void {
    connectLater(this.client);
  }
}

function connectLater(client: Client): void {
  client.connect();
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          suggestions: [],
        },
      ],
    },

  ],
});
