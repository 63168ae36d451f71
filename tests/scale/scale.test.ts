import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { lintShape } from './lint.js';
import { SHAPES } from './shapes.js';

/**
 * Every shape of the size generator (tests/scale/shapes.js) at its largest size: 8,000 links,
 * pieces of work, methods or classes, or, for nesting, the depth its parser (and ESLint's scope
 * analysis) still accepts. Every rule on, untyped. No rule may throw, the reports are the ones the
 * shape is made to give (an analysis that gave up would give fewer). The test process has Node's
 * default heap, which a lint that outgrew it would crash. Times are not asserted: `npm run bench --
 * --scale` measures how they grow, and the heap each shape needs.
 */

describe('scale: every shape at its largest size, every rule on', () => {
  for (const shape of SHAPES) {
    it(`${shape.name} at ${shape.maxSize}: ${shape.what}`, { timeout: 300_000 }, () => {
      const run = lintShape(plugin as unknown as ESLint.Plugin, shape, shape.maxSize);
      // The parser accepts the largest size (it is chosen below the parser's limit).
      expect(run.fatal).toBeUndefined();
      const expected = Object.fromEntries(Object.entries(shape.expected(shape.maxSize)).map(([rule, count]) => [`async-init/${rule}`, count]));
      expect(run.reports).toEqual(expected);
    });
  }
});
