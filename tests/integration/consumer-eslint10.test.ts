import { readFileSync } from 'node:fs';

import { consumerSuite } from './consumer.js';

// The same ESLint 10 this repository develops against, so `--prefer-offline` finds it in npm's cache.
const { version } = JSON.parse(readFileSync(new URL('../../node_modules/eslint/package.json', import.meta.url), 'utf8')) as {
  version: string;
};

consumerSuite(10, version);
