// `npm start`: lints examples/ with the recommended config (typed, through the project service) and
// prints what the plugin finds. The findings are the point: it exits 0 when the lint ran and found
// something, 1 when it crashed or found nothing (the demo itself would be broken then).
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import asyncInit from '../dist/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

const eslint = new ESLint({
  cwd: examples,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: examples },
      },
    },
    asyncInit.configs.recommended,
  ],
});

const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal || !message.ruleId));
const findings = results.reduce((count, result) => count + result.messages.length, 0);

process.stdout.write(await formatter.format(results));
const clean = results.filter((result) => result.messages.length === 0).map((result) => result.filePath.slice(examples.length));
console.log(`eslint-plugin-async-init found ${findings} problem(s) in examples/; clean: ${clean.join(', ') || 'none'}.`);
console.log('These findings are the demo: each marks async initialisation that callers cannot await.');

if (fatal.length > 0 || findings === 0) {
  console.error(fatal.length > 0 ? `The lint itself failed: ${fatal[0].message}` : 'No findings: the demo is broken.');
  process.exit(1);
}
