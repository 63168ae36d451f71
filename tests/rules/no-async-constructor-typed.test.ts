import rule from '../../src/rules/no-async-constructor.js';
import { typedTester } from '../helpers/rule-tester.js';

// The type tier on promises made in other modules (issue 9 §1): deferreds, timers and promise
// subclasses start nothing; look-alikes that do I/O do. The helpers are in tests/fixtures:
// nac-typed-util.ts (bodies in the program), nac-typed-promise.ts (a promise subclass) and
// nac-typed-lib.d.ts (declarations only: the type decides).

const factory = (output: string) => ({ messageId: 'suggestFactory' as const, output });
const thenable = (output: string) => ({ messageId: 'suggestThenable' as const, output });

/** The `then` method the thenable suggestion writes (the same for every class). */
const thenMethod = `  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }`;

typedTester.run('no-async-constructor (typed: promises from other modules)', rule, {
  valid: [
    // Deferreds: `new Promise` + `Object.assign(p, { resolve, reject })`, from a function, a static
    // method, a namespace import.
    `
import { deferred, Deferreds } from './nac-typed-util.js';
import * as util from './nac-typed-util.js';

class Protocol {
  closed = deferred<void>();
  drained = Deferreds.create<void>();

  constructor() {
    this.pending = util.deferred<string>();
  }

  pending;
}
    `,
    // Timers: a helper that only sets a timer (built on `deferred()`), an arrow `delay()`, and a
    // chain on one.
    `
import { delay, timeout } from './nac-typed-util.js';

class Request {
  timer: Promise<void>;

  constructor(options: { timeout: number }) {
    this.timer = timeout<void>(options.timeout);
    delay(10).then(() => this.retry());
    timeout<void>(options.timeout).catch(() => {});
  }

  retry(): void {}
}
    `,
    // A promise settled by an event, made by a helper: its executor only listens.
    `
import { closedOf } from './nac-typed-util.js';

class Connection {
  closed: Promise<void>;

  constructor(socket: WebSocket) {
    this.closed = closedOf(socket);
  }
}
    `,
    // No body to read (a .d.ts): a thenable type that carries `resolve` and `reject` is a deferred.
    `
import { manual } from './nac-typed-lib.js';

class Queue {
  idle = manual<void>();
}
    `,
    // A promise subclass from another module: a resolver-only executor, and an event-only one.
    `
import { TypedPromise } from './nac-typed-promise.js';

class WebSocketClient {
  resolveReady: (() => void) | undefined;
  ready = new TypedPromise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  opened: TypedPromise<WebSocket>;
  closed: TypedPromise<void>;

  constructor(readonly ws: WebSocket) {
    this.opened = new TypedPromise((resolve, reject) => {
      ws.onopen = () => resolve(ws);
      ws.onerror = reject;
    });
    this.closed = new TypedPromise((resolve) => {
      ws.addEventListener('close', () => resolve());
    }, 'closed');
  }
}
    `,
  ],
  invalid: [
    // A look-alike: `connect()` returns a deferred, after opening a socket.
    {
      code: `
import { connect } from './nac-typed-util.js';

class Client {
  socket: Promise<WebSocket>;

  constructor(url: string) {
    this.socket = connect(url);
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 31,
          suggestions: [
            factory(`
import { connect } from './nac-typed-util.js';

class Client {
  socket!: Promise<WebSocket>;

  constructor(url: string) {}

  static async create(url: string): Promise<Client> {
    const client = new Client(url);
    client.socket = connect(url);
    await client.socket;
    return client;
  }
}
      `),
          ],
        },
      ],
    },
    // ...and a chain on it still starts it.
    {
      code: `
import { connect } from './nac-typed-util.js';

class Client {
  constructor(url: string) {
    connect(url).catch(() => {});
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 33,
          suggestions: [
            factory(`
import { connect } from './nac-typed-util.js';

class Client {
  constructor(url: string) {}

  static async create(url: string): Promise<Client> {
    const client = new Client(url);
    await connect(url).catch(() => {});
    return client;
  }
}
      `),
          ],
        },
      ],
    },
    // A helper whose executor does I/O.
    {
      code: `
import { loadJson } from './nac-typed-util.js';

class Settings {
  values = loadJson('/settings.json');
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    // An async helper, whatever it returns.
    {
      code: `
import { opened } from './nac-typed-util.js';

class Channel {
  constructor() {
    opened();
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 13,
          suggestions: [
            factory(`
import { opened } from './nac-typed-util.js';

class Channel {
  static async create(): Promise<Channel> {
    const channel = new Channel();
    await opened();
    return channel;
  }
}
      `),
            thenable(`
import { opened } from './nac-typed-util.js';

class Channel {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await opened();
  }

${thenMethod}
}
      `),
          ],
        },
      ],
    },
    // Helpers that call each other: a cycle is not proven inert, and the answer comes back.
    {
      code: `
import { ping } from './nac-typed-util.js';

class Heartbeat {
  beat = ping(3);
}
      `,
      errors: [{ messageId: 'asyncWork', line: 5, column: 10, endLine: 5, endColumn: 17, suggestions: [] }],
    },
    // No body to read and a plain promise type: work, as before.
    {
      code: `
import { request } from './nac-typed-lib.js';

class Profile {
  constructor() {
    request('/profile');
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 24,
          suggestions: [
            factory(`
import { request } from './nac-typed-lib.js';

class Profile {
  static async create(): Promise<Profile> {
    const profile = new Profile();
    await request('/profile');
    return profile;
  }
}
      `),
            thenable(`
import { request } from './nac-typed-lib.js';

class Profile {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await request('/profile');
  }

${thenMethod}
}
      `),
          ],
        },
      ],
    },
    // A promise subclass whose executor does I/O: a request, or opening a socket.
    {
      code: `
import { TypedPromise } from './nac-typed-promise.js';

class Feed {
  items: TypedPromise<unknown>;

  constructor(url: string) {
    this.items = new TypedPromise((resolve, reject) => {
      fetch(url).then(resolve, reject);
    });
  }
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 8,
          column: 18,
          endLine: 10,
          endColumn: 7,
          suggestions: [
            factory(`
import { TypedPromise } from './nac-typed-promise.js';

class Feed {
  items!: TypedPromise<unknown>;

  constructor(url: string) {}

  static async create(url: string): Promise<Feed> {
    const feed = new Feed(url);
    feed.items = new TypedPromise((resolve, reject) => {
      fetch(url).then(resolve, reject);
    });
    await feed.items;
    return feed;
  }
}
      `),
          ],
        },
      ],
    },
    {
      code: `
import { TypedPromise } from './nac-typed-promise.js';

class Socket {
  opened = new TypedPromise<WebSocket>((resolve) => {
    const ws = new WebSocket('wss://example.test');
    ws.onopen = () => resolve(ws);
  });
}
      `,
      errors: [{ messageId: 'asyncWork', line: 5, column: 12, endLine: 8, endColumn: 5, suggestions: [] }],
    },
  ],
});
