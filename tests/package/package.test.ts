import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeTempDir, packPlugin, repoRoot, run, runOk } from '../integration/helpers.js';

/**
 * The package as npm publishes it, checked by the tools the best-kept plugins run: publint (the
 * package.json fields against the packed files) and Are the Types Wrong (which types each of
 * TypeScript's module resolutions finds). Both read one tarball, packed the way the consumer tests
 * pack it (`packPlugin`).
 */

const bin = (name: string): string => path.join(repoRoot, 'node_modules/.bin', name);

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; license: string };

/** The resolutions `--profile esm-only` leaves out: CommonJS `require` of an ESM-only package. */
const ESM_ONLY_IGNORES = ['node10', 'node16-cjs'];

describe('the packed tarball', () => {
  let temp = { dir: '', remove: (): void => {} };
  let tarball = '';
  let files: string[] = [];

  beforeAll(async () => {
    temp = makeTempDir('package');
    tarball = await packPlugin(temp.dir);
    const { stdout } = await runOk('tar', ['-tzf', tarball], { cwd: temp.dir });
    files = stdout
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//u, ''));
  });

  afterAll(() => temp.remove());

  it('holds the LICENSE, with the license package.json names, and the build, the docs and the README', () => {
    expect(files).toContain('LICENSE');
    expect(packageJson.license).toBe('MIT');
    expect(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} eslint-plugin-async-init contributors\n/u);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'docs/rules/no-async-constructor.md']));
    expect(files.filter((file) => /^(src|tests|playground|scripts|examples)\//u.test(file))).toEqual([]);
  });

  it('passes publint, suggestions included', async () => {
    const { code, stdout, stderr } = await run(bin('publint'), ['run', tarball, '--level', 'suggestion', '--strict'], { cwd: temp.dir });
    expect(`${stdout}${stderr}`).toContain('All good!');
    expect(code, stdout + stderr).toBe(0);
  });

  it('passes Are the Types Wrong for an ESM-only package: the types resolve under node16 (ESM) and bundler', async () => {
    // `esm-only` fits: "type": "module", one ESM entry and no CommonJS build. ESLint loads plugins
    // with `import()`; a CommonJS `require()` of the package is the only resolution that is left out.
    const { code, stdout, stderr } = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: temp.dir });
    expect(code, stdout + stderr).toBe(0);
    const report = JSON.parse(stdout) as {
      analysis: {
        packageName: string;
        packageVersion: string;
        types: { kind: string };
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
      problems: Record<string, { kind: string; resolutionKind?: string }[]>;
    };
    expect(report.analysis).toMatchObject({ packageName: packageJson.name, packageVersion: packageJson.version, types: { kind: 'included' } });
    const problems = Object.values(report.problems).flat();
    expect(problems.filter((problem) => !ESM_ONLY_IGNORES.includes(problem.resolutionKind ?? ''))).toEqual([]);
    const resolutions = report.analysis.entrypoints['.']?.resolutions ?? {};
    for (const kind of ['node16-esm', 'bundler']) {
      expect(resolutions[kind]?.resolution?.fileName, kind).toBe(`/node_modules/${packageJson.name}/dist/index.d.ts`);
    }
  });
});
