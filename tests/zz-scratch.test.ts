// TEMPORARY (never committed)
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { checkHygiene, describeHygiene } from './helpers/hygiene.js';

it('scratch', () => {
  const original = readFileSync('/tmp/17a/scratch-original.js', 'utf8');
  const output = readFileSync('/tmp/17a/scratch-output.js', 'utf8');
  const [result] = checkHygiene([{ name: 'scratch', lang: (process.env.LANG_TS ? 'ts' : 'js'), original, outputs: [{ label: 'x', code: output, transform: 'thenable' }] }]);
  console.log(describeHygiene(result!).split('--- output:')[0]);
}, 300_000);
