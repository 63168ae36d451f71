// `npm start`: lints examples/ with the recommended config (typed, through the project service) and
// prints what the plugin finds, then what it repairs: one quick fix of each kind, applied in memory
// and shown as a short diff (examples/ is not changed). It exits 0 when the lint ran, found something
// and every kind of fix was shown; 1 otherwise (the demo itself would be broken then).
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

// One quick fix of each kind: the rule and the suggestion's messageId.
const KINDS = [
  { name: 'factory', ruleId: 'async-init/no-async-constructor', suggestion: 'suggestFactory' },
  { name: 'awaitable', ruleId: 'async-init/no-async-constructor', suggestion: 'suggestThenable' },
  { name: 'settled `then`', ruleId: 'async-init/no-self-resolving-thenable', suggestion: 'settleThen' },
  { name: 'guard', ruleId: 'async-init/async-dispose-requires-init', suggestion: 'guardRead' },
  { name: 'call site', ruleId: 'async-init/require-awaited-init', suggestion: 'awaitFactory' },
];

console.log('\nWhat the quick fixes repair: one of each kind, the shortest on examples/, applied in memory.');
const missing = [];
for (const kind of KINDS) {
  const shown = shortestRepair(kind);
  if (!shown) {
    missing.push(kind.name);
    continue;
  }
  console.log(`\n${kind.name}: ${shown.title} (${kind.ruleId.replace('async-init/', '')}, ${shown.how})`);
  console.log(shown.diff);
}
if (missing.length > 0) {
  console.error(`No quick fix of kind ${missing.join(', ')} on examples/: the demo is broken.`);
  process.exit(1);
}

/** The kind's edit on examples/ whose diff is shortest: its title, how it is applied, the diff. */
function shortestRepair(kind) {
  let best;
  for (const result of results) {
    const file = path.relative(examples, result.filePath);
    const source = readFileSync(result.filePath, 'utf8');
    for (const message of result.messages.filter((candidate) => candidate.ruleId === kind.ruleId)) {
      const edit = message.suggestions
        ?.filter((suggestion) => suggestion.messageId === kind.suggestion)
        .map((suggestion) => ({ fix: suggestion.fix, title: suggestion.desc, how: 'suggestion' }))[0];
      if (!edit) {
        continue;
      }
      const fixed = source.slice(0, edit.fix.range[0]) + edit.fix.text + source.slice(edit.fix.range[1]);
      const diff = unifiedDiff(file, source, fixed);
      if (!best || diff.split('\n').length < best.diff.split('\n').length) {
        best = { title: edit.title, how: edit.how, diff };
      }
    }
  }
  return best;
}

/** A unified diff of two texts (line LCS, two lines of context), as `diff -u` prints it. */
function unifiedDiff(file, before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  // lengths[i][j]: the longest common subsequence of a[i…] and b[j…].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i], i: i++, j: j++ });
    } else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
      lines.push({ mark: '-', text: a[i], i: i++, j });
    } else {
      lines.push({ mark: '+', text: b[j], i, j: j++ });
    }
  }
  const CONTEXT = 2;
  const changed = lines.map((line, index) => (line.mark === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out = [`--- examples/${file}`, `+++ examples/${file} (fixed)`];
  for (let start = 0; start < changed.length; ) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT + 1) {
      end++;
    }
    const from = Math.max(0, changed[start] - CONTEXT);
    const to = Math.min(lines.length - 1, changed[end] + CONTEXT);
    const hunk = lines.slice(from, to + 1);
    const oldCount = hunk.filter((line) => line.mark !== '+').length;
    const newCount = hunk.filter((line) => line.mark !== '-').length;
    out.push(`@@ -${hunk[0].i + 1},${oldCount} +${hunk[0].j + 1},${newCount} @@`);
    out.push(...hunk.map((line) => `${line.mark}${line.text}`));
    start = end + 1;
  }
  return out.join('\n');
}
