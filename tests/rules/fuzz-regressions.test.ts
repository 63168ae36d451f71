import asyncDisposeRequiresInit from '../../src/rules/async-dispose-requires-init.js';
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

