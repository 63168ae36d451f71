import asyncDisposeRequiresInit from '../../src/rules/async-dispose-requires-init.js';
import { tsTester } from '../helpers/rule-tester.js';

/**
 * Programs the crash fuzzer (tests/fuzz/crash.test.ts) found, minimised, one `run` per rule. Each
 * case names the fuzzer's finding and the bug it stood for (/work/notes/crash-bugs.md).
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
