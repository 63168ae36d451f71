import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { expectedFor, rulesCovered } from './expected.js';
import { brief, fixturesDir } from './helpers.js';
import { lintInProcess } from './in-process.js';

// The fixtures every integration test lints, checked here against the hand-written list with ESLint's
// Node API alone: when this fails, fix the fixtures or the list; the other integration tests then
// compare the real programs with the same list and the same Node API.

describe('integration fixtures', () => {
  const ruleNames = Object.keys(plugin.rules).sort();

  it('exercise every rule the plugin ships, in JavaScript and in TypeScript', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    expect([...rulesCovered('.js')].sort()).toEqual(ruleNames);
    expect([...rulesCovered('.ts')].sort()).toEqual(ruleNames);
  });

  it('give the hand-written findings in plain JavaScript (espree)', async () => {
    const findings = await lintInProcess(fixturesDir, 'plain', { patterns: ['*.js'] });
    expect(brief(findings)).toEqual(expectedFor('.js', { typed: false }));
  });

  it('give the hand-written findings in TypeScript without type information', async () => {
    const findings = await lintInProcess(fixturesDir, 'untyped', { patterns: ['*.ts'] });
    expect(brief(findings)).toEqual(expectedFor('.ts', { typed: false }));
  });

  it('give the hand-written findings in TypeScript with type information, and more than without', async () => {
    const findings = await lintInProcess(fixturesDir, 'typed', { patterns: ['*.ts'] });
    expect(brief(findings)).toEqual(expectedFor('.ts', { typed: true }));
    expect(findings.length).toBeGreaterThan(expectedFor('.ts', { typed: false }).length);
  });

  it('give the same findings on ESLint 9 as on ESLint 10', async () => {
    for (const [tier, pattern] of [
      ['plain', '*.js'],
      ['untyped', '*.ts'],
      ['typed', '*.ts'],
    ] as const) {
      const on10 = await lintInProcess(fixturesDir, tier, { patterns: [pattern] });
      const on9 = await lintInProcess(fixturesDir, tier, { major: 9, patterns: [pattern] });
      expect(on9, tier).toEqual(on10);
    }
  });
});
