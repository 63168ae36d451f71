import rule from '../../src/rules/no-async-constructor.js';
import { typedTester } from '../helpers/rule-tester.js';

// The type tier on promises made in other modules (issue 9 §1): deferreds, timers and promise
// subclasses start nothing; look-alikes that do I/O do. The helpers are in tests/fixtures:
// nac-typed-util.ts (bodies in the program), nac-typed-promise.ts (a promise subclass) and
// nac-typed-lib.d.ts (declarations only: the type decides).

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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { connect } from './nac-typed-util.js';

class Client {
  socket!: Promise<WebSocket>;

  static async create(url: string): Promise<Client> {
    const client = new Client();
    client.socket = connect(url);
    await client.socket;
    return client;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { connect } from './nac-typed-util.js';

class Client {
  socket!: Promise<WebSocket>;

  #url: string;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #initialize(): Promise<void> {
    this.socket = connect(this.#url);
    await this.socket;
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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { connect } from './nac-typed-util.js';

class Client {
  static async create(url: string): Promise<Client> {
    const client = new Client();
    await connect(url).catch(() => {});
    return client;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { connect } from './nac-typed-util.js';

class Client {
  #url: string;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #initialize(): Promise<void> {
    await connect(this.#url).catch(() => {});
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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { loadJson } from './nac-typed-util.js';

class Settings {
  values!: Promise<unknown>;

  static async create(): Promise<Settings> {
    const settings = new Settings();
    settings.values = loadJson('/settings.json');
    await settings.values;
    return settings;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { loadJson } from './nac-typed-util.js';

class Settings {
  values!: Promise<unknown>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    this.values = loadJson('/settings.json');
    await this.values;
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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { opened } from './nac-typed-util.js';

class Channel {
  static async create(): Promise<Channel> {
    const channel = new Channel();
    await opened();
    return channel;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { opened } from './nac-typed-util.js';

class Channel {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await opened();
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
    // Helpers that call each other: a cycle is not proven inert, and the answer comes back.
    {
      code: `
import { ping } from './nac-typed-util.js';

class Heartbeat {
  beat = ping(3);
}
      `,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { ping } from './nac-typed-util.js';

class Heartbeat {
  beat!: Promise<void>;

  static async create(): Promise<Heartbeat> {
    const heartbeat = new Heartbeat();
    heartbeat.beat = ping(3);
    await heartbeat.beat;
    return heartbeat;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { ping } from './nac-typed-util.js';

class Heartbeat {
  beat!: Promise<void>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    this.beat = ping(3);
    await this.beat;
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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { request } from './nac-typed-lib.js';

class Profile {
  static async create(): Promise<Profile> {
    const profile = new Profile();
    await request('/profile');
    return profile;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { request } from './nac-typed-lib.js';

class Profile {
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    await request('/profile');
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
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { TypedPromise } from './nac-typed-promise.js';

class Feed {
  items!: TypedPromise<unknown>;

  static async create(url: string): Promise<Feed> {
    const feed = new Feed();
    feed.items = new TypedPromise((resolve, reject) => {
      fetch(url).then(resolve, reject);
    });
    await feed.items;
    return feed;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { TypedPromise } from './nac-typed-promise.js';

class Feed {
  items!: TypedPromise<unknown>;

  #url: string;
  #init: Promise<void> | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #initialize(): Promise<void> {
    this.items = new TypedPromise((resolve, reject) => {
      fetch(this.#url).then(resolve, reject);
    });
    await this.items;
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
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 12,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
import { TypedPromise } from './nac-typed-promise.js';

class Socket {
  opened!: TypedPromise<WebSocket>;

  static async create(): Promise<Socket> {
    const socket = new Socket();
    socket.opened = new TypedPromise<WebSocket>((resolve) => {
    const ws = new WebSocket('wss://example.test');
    ws.onopen = () => resolve(ws);
  });
    await socket.opened;
    return socket;
  }
}
      `,
            },
            {
              messageId: 'suggestThenable',
              output: `
import { TypedPromise } from './nac-typed-promise.js';

class Socket {
  opened!: TypedPromise<WebSocket>;
  #init: Promise<void> | undefined;

  async #initialize(): Promise<void> {
    this.opened = new TypedPromise<WebSocket>((resolve) => {
    const ws = new WebSocket('wss://example.test');
    ws.onopen = () => resolve(ws);
  });
    await this.opened;
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
