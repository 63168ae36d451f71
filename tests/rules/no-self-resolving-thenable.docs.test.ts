import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-self-resolving-thenable.js';

/** The docs page says what the rule does: its ❌ examples are reported, its ✅ ones are not, and its before/after pairs are the suggestion's exact output. */

const page = readFileSync(new URL('../../docs/rules/no-self-resolving-thenable.md', import.meta.url), 'utf8');

function lint(code: string, isTypeScript: boolean): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        ...(isTypeScript ? { languageOptions: { parser: tsParser } } : {}),
        plugins: { 'async-init': { rules: { 'no-self-resolving-thenable': rule as never } } },
        rules: { 'async-init/no-self-resolving-thenable': 'error' },
      },
    ],
    isTypeScript ? 'file.ts' : 'file.js',
  );
}

/** The code block right after `marker`, split into its top-level examples (separated by blank lines). */
function examplesAfter(marker: string): string[] {
  const block = /```js\n([\s\S]*?)```/.exec(page.slice(page.indexOf(marker)))?.[1] ?? '';
  return block.split('\n\n').filter((example) => example.trim() !== '');
}

describe('docs/rules/no-self-resolving-thenable.md', () => {
  it('has ❌ examples that are all reported', () => {
    const examples = examplesAfter('❌ Incorrect:');
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) {
      expect(lint(example, false).map((message) => message.ruleId), example).toContain('async-init/no-self-resolving-thenable');
    }
  });

  it('has ✅ examples that are not', () => {
    const examples = examplesAfter('✅ Correct:');
    expect(examples.length).toBeGreaterThan(3);
    for (const example of examples) {
      expect(lint(example, false), example).toEqual([]);
    }
  });

  it('shows the suggestion’s exact output', () => {
    // A block's text never contains a fence, so a pair never spans other blocks.
    const pairs = [...page.matchAll(/```(js|ts)\n((?:(?!```)[\s\S])*)```\n\nbecomes\n\n```\1\n((?:(?!```)[\s\S])*)```/g)];
    expect(pairs).toHaveLength(2);
    for (const [, language, before = '', after] of pairs) {
      const fix = lint(before, language === 'ts').find((message) => message.suggestions?.length)?.suggestions?.[0]?.fix;
      expect(fix, before).toBeDefined();
      expect(before.slice(0, fix!.range[0]) + fix!.text + before.slice(fix!.range[1])).toBe(after);
    }
  });
});
