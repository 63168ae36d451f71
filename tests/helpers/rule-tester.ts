import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/**
 * The three tiers every rule is tested in:
 * - `jsTester`: plain JavaScript parsed by espree, as ESLint's default parser and oxlint users see it;
 * - `tsTester`: TypeScript without type information (a file outside any project);
 * - `typedTester`: TypeScript with the project service, so the type tier runs. Cases are linted
 *   as `tests/fixtures/file.ts` and may import from `./deps.js` (tests/fixtures/deps.ts).
 */

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const jsTester = new RuleTester({
  // Linted as `file.js`, as ESLint would name a plain-JS file (the default name is `file.ts`).
  defaultFilenames: { ts: 'file.js', tsx: 'file.jsx' },
  languageOptions: {
    // espree's own parse function is what ESLint runs on .js files by default.
    parser: espree as never,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
});

export const tsTester = new RuleTester();

export const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fixturesDir,
    },
  },
});

/** The file name a typed case is linted as (inside the fixtures project). */
export const typedFilename = path.join(fixturesDir, 'file.ts');
