import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-async-constructor.js';

/**
 * The rule's docs show the exact before/after of both quick fixes. This keeps them exact: the
 * blocks marked `<!-- quick-fix example: … -->` are the input and the two suggestions' outputs.
 */

const docs = readFileSync(new URL('../../docs/rules/no-async-constructor.md', import.meta.url), 'utf8');

function example(name: string): string {
  const match = new RegExp(`<!-- quick-fix example: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\`\\n`, 'u').exec(docs);
  if (!match?.[1]) {
    throw new Error(`docs/rules/no-async-constructor.md has no "${name}" quick-fix example`);
  }
  return match[1];
}

describe('docs/rules/no-async-constructor.md quick-fix examples', () => {
  const before = example('before');
  const messages = new Linter({ configType: 'flat' }).verify(
    before,
    [
      {
        files: ['**/*.ts'],
        plugins: { 'async-init': { rules: { 'no-async-constructor': rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'async-init/no-async-constructor': 'error' },
      },
    ],
    'example.ts',
  );
  const apply = (messageId: string): string | undefined => {
    const suggestion = messages[0]?.suggestions?.find((candidate) => candidate.messageId === messageId);
    return suggestion && before.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + before.slice(suggestion.fix.range[1]);
  };

  it('the example is reported', () => {
    expect(messages.map((message) => message.messageId)).toEqual(['asyncWork', 'asyncWork']);
  });

  it('shows the factory suggestion exactly', () => {
    expect(apply('suggestFactory')).toBe(example('factory'));
  });

  it('shows the awaitable-class suggestion exactly', () => {
    expect(apply('suggestThenable')).toBe(example('thenable'));
  });
});
