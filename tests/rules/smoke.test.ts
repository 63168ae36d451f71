import rule from '../../src/rules/no-async-constructor.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

jsTester.run('js tier', rule, {
  valid: ['class A { constructor() { this.x = 1; } }'],
  invalid: [
    {
      code: 'class A { constructor() { this.load(); } async load() {} }',
      errors: [
        {
          messageId: 'asyncWork',
          line: 1,
          column: 27,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'A', factoryName: 'create' },
              output: 'class A { static async create() { const a = new A(); await a.load(); return a; } async load() {} }',
            },
            {
              messageId: 'suggestThenable',
              data: { className: 'A', factoryName: 'create' },
              output:
                "class A { #init; async #initialize() { await this.load(); } then(onfulfilled, onrejected) { this.#init ??= this.#initialize().then(() => { Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true }); }); return this.#init.then(() => this).then(onfulfilled, onrejected); } async load() {} }",
            },
          ],
        },
      ],
    },
  ],
});

tsTester.run('ts tier', rule, {
  valid: ['declare const c: { connect(): Promise<void> }; class A { constructor() { c.connect(); } }'],
  invalid: [],
});

typedTester.run('typed tier', rule, {
  valid: [],
  invalid: [
    {
      code: "import { type Client } from './deps.js'; class A { constructor(c: Client) { c.connect(); } }",
      errors: [
        {
          messageId: 'asyncWork',
          line: 1,
          column: 77,
          suggestions: [
            {
              messageId: 'suggestFactory',
              data: { className: 'A', factoryName: 'create' },
              output:
                "import { type Client } from './deps.js'; class A { constructor(c: Client) {} static async create(c: Client): Promise<A> { const a = new A(c); await c.connect(); return a; } }",
            },
          ],
        },
      ],
    },
  ],
});
