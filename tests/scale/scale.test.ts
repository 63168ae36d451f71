import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { eslintAccepts, lintShape } from './lint.js';
import { SHAPES } from './shapes.js';

/**
 * Every shape of the size generator (tests/scale/shapes.js) at its largest size: 8,000 links,
 * pieces of work, methods or classes, or, for nesting, the depth its parser (and ESLint's scope
 * analysis) still accepts. Every rule on, untyped. No rule may throw, the reports are the ones the
 * shape is made to give (an analysis that gave up would give fewer). The test process has Node's
 * default heap, which a lint that outgrew it would crash. Times are not asserted: `npm run bench --
 * --scale` measures how they grow, and the heap each shape needs.
 *
 * A nesting shape's `maxSize` sits below where ESLint's own parser and scope analysis run out of
 * stack on this machine; another machine's stack may be smaller. There the shape runs at the largest
 * size ESLint itself still lints (stepping down by a fifth), and never below half its `maxSize`.
 */

/** The largest size, from `shape.maxSize` down, that ESLint with no rule on still lints. */
function sizeFor(shape: (typeof SHAPES)[number]): number {
  let n = shape.maxSize;
  while (shape.nested && n > 1 && !eslintAccepts(shape, n)) {
    n = Math.floor(n * 0.8);
  }
  return n;
}

describe('scale: every shape at its largest size, every rule on', () => {
  for (const shape of SHAPES) {
    it(`${shape.name} at ${shape.maxSize}: ${shape.what}`, { timeout: 300_000 }, () => {
      const size = sizeFor(shape);
      expect(size).toBeGreaterThanOrEqual(shape.maxSize / 2);
      const run = lintShape(plugin as unknown as ESLint.Plugin, shape, size);
      // The parser accepts the size (it is chosen below the parser's limit).
      expect(run.fatal).toBeUndefined();
      const expected = Object.fromEntries(Object.entries(shape.expected(size)).map(([rule, count]) => [`async-init/${rule}`, count]));
      expect(run.reports).toEqual(expected);
    });
  }
});
