import { consumerSuite } from './consumer.js';

// The last ESLint 9: flat config only, `--concurrency` since 9.34.
consumerSuite(9, '9.39.5');
