import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import plugin, { type AsyncInitPlugin } from '../../src/index.js';
import type { ConfigName } from '../../src/configs.js';
import { ensureBuilt, repoRoot } from '../integration/helpers.js';

/**
 * What the plugin says about itself against what the repository holds, as unicorn's and regexp's
 * meta tests check theirs: `meta` from package.json, and for every rule a doc page, a test file, a
 * place in each config it claims and in no other.
 */

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleNames = Object.keys(plugin.rules);

/** The configs a rule's `meta.docs.recommended` puts it in. */
const CLAIMS: Record<'recommended' | 'strict' | 'none', ConfigName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  none: ['all'],
};

function docsOf(name: string): { recommended?: 'recommended' | 'strict'; url?: string; description?: string } {
  return (plugin.rules[name]?.meta?.docs ?? {}) as { recommended?: 'recommended' | 'strict'; url?: string; description?: string };
}

describe('plugin.meta', () => {
  let built: AsyncInitPlugin;

  beforeAll(async () => {
    await ensureBuilt();
    built = ((await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href)) as { default: AsyncInitPlugin }).default;
  });

  it("has package.json's name and version, and the prefix the configs use", () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'async-init' });
    for (const config of Object.values(plugin.configs)) {
      expect(Object.keys(config.plugins ?? {})).toEqual([plugin.meta.namespace]);
    }
  });

  it('is the same in the build that is published', () => {
    expect(built.meta).toEqual(plugin.meta);
    expect(Object.keys(built.rules)).toEqual(ruleNames);
  });
});

describe('the rules', () => {
  it('are the files of src/rules/, each under its file name', () => {
    const files = readdirSync(path.join(repoRoot, 'src/rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/u, ''));
    expect([...ruleNames].sort()).toEqual(files.sort());
  });

  it('are the pages of docs/rules/, one each', () => {
    const pages = readdirSync(path.join(repoRoot, 'docs/rules'))
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/u, ''));
    expect(pages.sort()).toEqual([...ruleNames].sort());
  });

  describe.each(ruleNames)('%s', (name) => {
    it('has a doc page, which meta.docs.url links', () => {
      expect(existsSync(path.join(repoRoot, 'docs/rules', `${name}.md`))).toBe(true);
      expect(docsOf(name).url).toBe(`https://github.com/eslint-plugin-async-init/eslint-plugin-async-init/blob/main/docs/rules/${name}.md`);
      expect(docsOf(name).description).toBeTruthy();
    });

    it('has a test file', () => {
      expect(existsSync(path.join(repoRoot, 'tests/rules', `${name}.test.ts`))).toBe(true);
    });

    it('is in each config it claims, and in no other', () => {
      const claimed = CLAIMS[docsOf(name).recommended ?? 'none'];
      for (const [configName, config] of Object.entries(plugin.configs) as [ConfigName, (typeof plugin.configs)[ConfigName]][]) {
        expect(config.rules?.[`async-init/${name}`], `${configName}`).toBe(claimed.includes(configName) ? 'error' : undefined);
      }
    });

    it('describes every option it takes', () => {
      const schema = plugin.rules[name]?.meta?.schema;
      const first = (Array.isArray(schema) ? schema[0] : undefined) as { properties?: Record<string, { description?: string }>; additionalProperties?: boolean } | undefined;
      if (first === undefined) {
        expect(schema ?? [], 'a rule without options has an empty schema').toEqual([]);
        return;
      }
      expect(first.additionalProperties).toBe(false);
      for (const [option, property] of Object.entries(first.properties ?? {})) {
        expect(property.description, option).toBeTruthy();
      }
    });
  });

  it('recommended holds every rule whose meta says recommended', () => {
    const recommended = ruleNames.filter((name) => docsOf(name).recommended === 'recommended').map((name) => `async-init/${name}`);
    expect(recommended.length).toBeGreaterThan(0);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
  });
});
