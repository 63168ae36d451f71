import rule from '../../src/rules/no-async-constructor.js';
import { jsTester, tsTester, typedTester } from '../helpers/rule-tester.js';

jsTester.run('js tier', rule, {
  valid: ['class A { constructor() { this.x = 1; } }'],
  invalid: [
    {
      code: 'class A { constructor() { this.load(); } async load() {} }',
      errors: [{ messageId: 'asyncWork', line: 1, column: 27 }],
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
      errors: [{ messageId: 'asyncWork', line: 1, column: 77 }],
    },
  ],
});
