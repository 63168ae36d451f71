import asyncDisposeRequiresInit from '../../src/rules/async-dispose-requires-init.js';
import noAsyncConstructor from '../../src/rules/no-async-constructor.js';
import requireAwaitedInit from '../../src/rules/require-awaited-init.js';
import { jsTester, tsTester } from '../helpers/rule-tester.js';

/**
 * Programs the crash fuzzer (tests/fuzz/crash.test.ts) found, minimised, one `run` per rule. Each
 * case names the fuzzer's finding and the bug it stood for.
 */

tsTester.run('async-dispose-requires-init (fuzz regressions)', asyncDisposeRequiresInit, {
  valid: [],
  invalid: [
    // Fuzz: the guard suggestion wrote `this.conn?.#handle`, which typescript-eslint's parser rejects
    // ("An optional chain cannot contain private identifiers"). The read is reported, with no guard.
    {
      code: `
class Db {
  static #handle = 0;
  async init() {
    this.conn = await open();
  }
  [Symbol.dispose]() {
    this.conn.#handle;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          data: { dispose: '[Symbol.dispose]', field: 'conn', initMethod: 'init' },
          line: 8,
          column: 5,
          suggestions: [],
        },
      ],
      output: null,
    },
    // The guard still goes before a public member that follows the private one's object.
    {
      code: `
class Db {
  #handle = 0;
  async init() {
    this.conn = await open();
  }
  [Symbol.dispose]() {
    this.conn.close(this.#handle);
  }
}
`,
      errors: [
        {
          messageId: 'unguardedDisposeRead',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'guardRead',
              data: { field: 'conn' },
              output: `
class Db {
  #handle = 0;
  async init() {
    this.conn = await open();
  }
  [Symbol.dispose]() {
    this.conn?.close(this.#handle);
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

jsTester.run('require-awaited-init (fuzz regressions)', requireAwaitedInit, {
  valid: [
    // Fuzz (seeds 20261201 and 926247248): a static async factory named `0` gave the call-site
    // suggestion `await (class {…}).0()`, which does not parse. Only a factory whose name can follow
    // `.` counts as the class's factory.
    `
new (class {
  static async 0() {
    const instance = new this();
    await instance.init();
    return instance;
  }

  async init() {}
})();
`,
  ],
  invalid: [],
});


jsTester.run('no-async-constructor (fuzz regressions)', noAsyncConstructor, {
  valid: [],
  invalid: [
    // Fuzz (seed 2764480261): moving the work left `"use strict";` first in the constructor, where it
    // became a directive, a syntax error with a destructured parameter. Neither transform is offered.
    {
      code: `
class Service {
  constructor([first] = []) {
    this.init();
    "use strict";
  }

  async init() {}
}
`,
      errors: [{ messageId: 'asyncWork', line: 4, column: 5, suggestions: [] }],
      output: null,
    },
    // Fuzz (seed 3225124379): a stored field under an `if` without braces got its await on the next
    // line, outside the guard (and before the `else`, a syntax error). The two go in braces, on
    // lines of their own.
    {
      code: `
class Service {
  constructor(options) {
    this.options = options;
    if (options.eager) this.conn = this.connect(options.url);
    else {
    }
  }

  async connect(url) {
    return url;
  }
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Service {
  constructor(options) {
    this.options = options;
  }

  static async create(options) {
    const service = new Service(options);
    if (options.eager) {
      service.conn = service.connect(options.url);
      await service.conn;
    }
    else {
    }
    return service;
  }

  async connect(url) {
    return url;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Service {
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(options) {
    this.options = options;
  }

  async #initialize() {
    if (this.options.eager) {
      this.conn = this.connect(this.options.url);
      await this.conn;
    }
    else {
    }
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

  async connect(url) {
    return url;
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    // A comment between the guard and its statement: the braces go around the statement where it
    // stands, so the comment stays where the user put it.
    {
      code: `
class Service {
  constructor(options) {
    if (options.eager) // connect at once
      this.conn = this.connect(options.url);
  }

  async connect(url) {
    return url;
  }
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Service {
  static async create(options) {
    const service = new Service();
    if (options.eager) // connect at once
      { service.conn = service.connect(options.url);
      await service.conn; }
    return service;
  }

  async connect(url) {
    return url;
  }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Service {
  /** @type {unknown} */
  #options;
  /** @type {Promise<void> | undefined} */
  #init;

  constructor(options) {
    this.#options = options;
  }

  async #initialize() {
    if (this.#options.eager) // connect at once
      { this.conn = this.connect(this.#options.url);
      await this.conn; }
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

  async connect(url) {
    return url;
  }
}
`,
            },
          ],
        },
      ],
    },
    // Fuzz (seed 3254981895): moved to a deeper indentation, the lines of a template literal and of a
    // block comment were indented too, which changed the string (and the comment). Only layout moves.
    {
      code: `
class Db {
constructor() {
this.ready = this.run(\`
  SELECT 1
    FROM t\`); /* kept
  as written */
}
async run(sql) { return sql; }
}
`,
      errors: [
        {
          messageId: 'asyncWork',
          line: 4,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestFactory',
              output: `
class Db {
static async create() {
  const db = new Db();
  db.ready = db.run(\`
  SELECT 1
    FROM t\`); /* kept
  as written */
  await db.ready;
  return db;
}
async run(sql) { return sql; }
}
`,
            },
            {
              messageId: 'suggestThenable',
              output: `
class Db {
/** @type {Promise<void> | undefined} */
#init;

async #initialize() {
  this.ready = this.run(\`
  SELECT 1
    FROM t\`); /* kept
  as written */
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
async run(sql) { return sql; }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
