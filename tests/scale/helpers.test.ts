import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { solveDepthFirst } from '../../src/utils/depth-first.js';
import { shareFix } from '../../src/utils/shared-fix.js';
import { lintShape } from './lint.js';
import { getShape } from './shapes.js';

/** The two helpers the linear-cost work rests on: a depth-first solver on an explicit stack, and a fix run once. */

describe('solveDepthFirst', () => {
  // Each key n asks for n + 1 up to `length`: the answer is how many links follow.
  function* countLinks(key: number, length: number, solved: number[]): Generator<number, number, number> {
    solved.push(key);
    return key === length ? 0 : 1 + (yield key + 1);
  }

  it('solves a chain of 100,000 keys without recursing', () => {
    const solved: number[] = [];
    expect(solveDepthFirst(0, new Map(), -1, (key) => countLinks(key, 100_000, solved))).toBe(100_000);
    expect(solved).toHaveLength(100_001);
  });

  it('solves each key once and answers later questions from the memo', () => {
    const memo = new Map<number, number>();
    const solved: number[] = [];
    solveDepthFirst(10, memo, -1, (key) => countLinks(key, 20, solved));
    solveDepthFirst(0, memo, -1, (key) => countLinks(key, 20, solved));
    expect(solved).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(memo.get(0)).toBe(20);
  });

  it('answers a key asked for again while it is being solved (a cycle) with `pending`', () => {
    // 0 → 1 → 2 → 0: 2 is given 0's pending answer.
    function* cycle(key: number): Generator<number, string, string> {
      const next = yield (key + 1) % 3;
      return `${key}(${next})`;
    }
    expect(solveDepthFirst(0, new Map(), 'pending', cycle)).toBe('0(1(2(pending)))');
  });
});

describe('shareFix', () => {
  const text = 'const a = 1;\nconst b = 2;\nconst c = 3;\n';
  const sourceCode = { text } as unknown as TSESLint.SourceCode;
  const fixer = {
    replaceTextRange: (range: readonly [number, number], replacement: string) => ({ range, text: replacement }),
  } as unknown as TSESLint.RuleFixer;

  it('runs the fix once and hands every report the same merged edit', () => {
    let calls = 0;
    const shared = shareFix((f) => {
      calls++;
      // Out of order, as transforms build them: ESLint sorts before merging, and so does shareFix.
      return [f.replaceTextRange([26, 38], 'const c = 30;'), f.replaceTextRange([0, 12], 'let a = 1;')];
    }, sourceCode)!;
    const first = shared(fixer);
    expect(shared(fixer)).toBe(first);
    expect(shared(fixer)).toBe(first);
    expect(calls).toBe(1);
    // One edit from the first edit's start to the last one's end, the text between kept.
    expect(first).toEqual({ range: [0, 38], text: 'let a = 1;\nconst b = 2;\nconst c = 30;' });
    const edit = first as TSESLint.RuleFix;
    expect(text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1])).toBe('let a = 1;\nconst b = 2;\nconst c = 30;\n');
  });

  it('keeps a declined fix declined and a single edit as it is', () => {
    expect(shareFix(null, sourceCode)).toBeNull();
    expect(shareFix(() => null, sourceCode)!(fixer)).toBeNull();
    const single = { range: [0, 5] as const, text: 'let' };
    expect(shareFix(() => single, sourceCode)!(fixer)).toBe(single);
  });

  it('leaves overlapping edits to ESLint, which rejects them', () => {
    const edits = [fixer.replaceTextRange([0, 10], 'x'), fixer.replaceTextRange([5, 12], 'y')];
    expect(shareFix(() => edits, sourceCode)!(fixer)).toEqual(edits);
  });
});

describe('lintShape: the scale bench\'s settle hook', () => {
  it('runs once per lint, before any rule is created or listens, and outside the rules\' times', () => {
    const events: string[] = [];
    let wait = 0;
    // A plugin whose one rule records when its listeners run; the hook records when it runs, and takes 30 ms.
    const recorder: ESLint.Plugin = {
      rules: {
        record: {
          meta: { type: 'problem', schema: [] },
          create: () => {
            events.push('create');
            return { Program: () => void events.push('Program'), 'Program:exit': () => void events.push('Program:exit') };
          },
        },
      },
    };
    const settle = (): void => {
      events.push('settle');
      const start = performance.now();
      while (performance.now() - start < 30) {
        wait++;
      }
    };
    const run = lintShape(recorder, getShape('wrapper-chain'), 10, { settle });
    expect(events).toEqual(['settle', 'create', 'Program', 'Program:exit']);
    expect(wait).toBeGreaterThan(0);
    expect(Object.keys(run.rulesMs)).toEqual(['async-init/record']);
    expect(run.rulesMs['async-init/record']).toBeLessThan(30);
  });
});
