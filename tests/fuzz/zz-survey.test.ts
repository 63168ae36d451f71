import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';
import { generatedClass, renderClass } from './behaviour-gen.js';
import { checkFixOutcomes, summarise } from '../helpers/fix-outcomes.js';
it('survey', { timeout: 900_000 }, () => {
  const n = Number(process.env.N ?? 60);
  const shapes = fc.sample(generatedClass, { seed: Number(process.env.SEED ?? 7), numRuns: n }).map((s, i) => renderClass(s, `c${i}`));
  const cats = new Map<string, { count: number; example: string }>();
  for (let i = 0; i < shapes.length; i += 40) {
    for (const o of checkFixOutcomes(shapes.slice(i, i + 40))) {
      for (const p of [...o.originalProblems.map((x) => 'original: ' + x), ...o.fixes.flatMap((f) => f.problems.map((x) => f.transform + ': ' + x))]) {
        const key = p.replace(/^(run|late await|failing work|failing work, late await): /, '').replace(/[\d×]+/g, '#').replace(/w#e?(\.[ab])?/g, 'wK').slice(0, 140);
        const c = cats.get(key) ?? { count: 0, example: '' };
        c.count++;
        if (!c.example || c.example.length > o.source.length) c.example = summarise(o) + '\n' + o.source + '\n' + o.fixes.map((f) => '/* ' + f.transform + '\n' + f.output + '\n*/').join('\n');
        cats.set(key, c);
      }
    }
  }
  let k = 0;
  for (const [key, c] of [...cats].sort((a, b) => b[1].count - a[1].count)) {
    console.log(c.count, key);
    writeFileSync(`/tmp/bh/cat-${k++}.txt`, key + '\n' + c.example);
  }
});
