import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-awaited-init.js';

/**
 * The rule's page shows the call-site fix's exact before/after: the blocks marked
 * `<!-- call-site example: … -->`. This keeps them exact, and the "after" clean.
 */

const docs = readFileSync(new URL('../../docs/rules/require-awaited-init.md', import.meta.url), 'utf8');

function example(name: string): string {
  const match = new RegExp(`<!-- call-site example: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\`\\n`, 'u').exec(docs);
  if (!match?.[1]) {
    throw new Error(`docs/rules/require-awaited-init.md has no "${name}" call-site example`);
  }
  return match[1];
}

const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    plugins: { 'async-init': { rules: { 'require-awaited-init': rule as never } } },
    languageOptions: { parser: tsParser as Linter.Parser },
    rules: { 'async-init/require-awaited-init': ['error', { autofix: true }] },
  },
];

describe('docs/rules/require-awaited-init.md call-site example', () => {
  it('the "before" is reported, and `--fix` (with `autofix`) turns it into the "after"', () => {
    const linter = new Linter({ configType: 'flat' });
    const before = example('before');
    expect(linter.verify(before, config, 'example.ts').map((message) => message.messageId)).toEqual(['constructedWithoutFactory']);
    expect(linter.verifyAndFix(before, config, 'example.ts').output).toBe(example('after'));
  });

  it('the "after" is not reported', () => {
    expect(new Linter({ configType: 'flat' }).verify(example('after'), config, 'example.ts')).toEqual([]);
  });
});
