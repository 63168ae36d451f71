import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rules } from '../../src/rules/index.js';
import { anchors, HEADER_END, readPage, sections, sectionText, type CodeBlock, type Page } from './pages.js';

/**
 * Every rule page follows one template, and says what the rule does (the template and the code-block
 * conventions are in ./TEMPLATE.md and ./pages.ts):
 *
 * 1. the generated header (`eslint-doc-generator --check` keeps it right);
 * 2. what is reported and why it matters, at most 40 lines before the first example;
 * 3. `## Examples`: ❌ blocks the rule reports, ✅ blocks it leaves alone;
 * 4. `## Quick fixes` (a rule with suggestions or `--fix`): before/after pairs, each "after" the exact output
 *    of a suggestion (or `--fix`) on its "before", and one pair for every kind of suggestion the page's
 *    examples are offered;
 * 5. `## Options` (a rule with options): one `### \`name\`` heading per schema property, each with an example;
 * 6. `## When Not To Use It`;
 * 7. `## Related rules`;
 * 8. `## How it decides` last: the exhaustive account, or a link to docs/how-it-decides/<rule>.md.
 *
 * Other `##` sections may come between 3 and 6 (Background work, Call sites of a factory, …). Pages may grow:
 * new blocks only need their role in the fence.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const docsFixtures = path.join(root, 'tests/fixtures/docs');
const ruleNames = Object.keys(rules) as (keyof typeof rules)[];

const MAX_INTRO_LINES = 40;
const REQUIRED_ORDER = ['Examples', 'Quick fixes', 'Options', 'When Not To Use It', 'Related rules', 'How it decides'];
const LINTED = new Set(['js', 'ts']);

/**
 * What the per-page docs tests checked before this file (tests/fixes/docs.test.ts,
 * tests/rules/require-awaited-init.docs.test.ts, tests/rules/no-self-resolving-thenable.docs.test.ts),
 * beyond the template: the reports a named "before" gets, which fix writes a named "after", and how many
 * separate ❌/✅ examples a page shows at least.
 */
const REPORTS: Record<string, Record<string, string[]>> = {
  'no-async-constructor': { 'quick-fix example: before': ['asyncWork', 'asyncWork'] },
  'require-awaited-init': { 'call-site example: before': ['constructedWithoutFactory'] },
};
const WRITTEN_BY: Record<string, Record<string, string[]>> = {
  'no-async-constructor': {
    'quick-fix example: factory': ['suggestFactory'],
    'quick-fix example: thenable': ['suggestThenable'],
  },
  'require-awaited-init': { 'call-site example: after': ['awaitFactory', '--fix (autofix: true)'] },
  'no-two-phase-disposable': { 'suggestion example: after': ['suggestFactory'] },
};
const MIN_EXAMPLES: Record<string, { '❌': number; '✅': number }> = {
  'no-self-resolving-thenable': { '❌': 6, '✅': 4 },
};

function configFor(name: string, block: Pick<CodeBlock, 'lang' | 'options' | 'typed'>, extra?: Record<string, unknown>): Linter.Config[] {
  const options = block.options || extra ? [{ ...block.options, ...extra }] : [];
  const typescript =
    block.lang === 'ts'
      ? {
          languageOptions: {
            parser: tsParser as Linter.Parser,
            parserOptions: block.typed ? { projectService: true, tsconfigRootDir: docsFixtures } : {},
          },
        }
      : {};
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      ...typescript,
      plugins: { 'async-init': { rules: { [name]: rules[name as keyof typeof rules] as never } } },
      rules: { [`async-init/${name}`]: ['error', ...options] },
    },
  ];
}

function filenameFor(block: Pick<CodeBlock, 'lang' | 'typed'>): string {
  return block.typed ? path.join(docsFixtures, 'example.ts') : `example.${block.lang}`;
}

function lint(name: string, block: Pick<CodeBlock, 'code' | 'lang' | 'options' | 'typed'>): Linter.LintMessage[] {
  const messages = new Linter({ configType: 'flat' }).verify(block.code, configFor(name, block), filenameFor(block));
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length > 0) {
    throw new Error(`the block does not parse: ${fatal.map((message) => `${message.line}:${message.column} ${message.message}`).join('; ')}`);
  }
  return messages.filter((message) => message.ruleId === `async-init/${name}`);
}

/** Lines of a block whose comment holds `mark`. */
function markedLines(code: string, mark: '❌' | '✅'): number[] {
  return code.split('\n').flatMap((line, index) => (/(\/\/|\/\*).*/u.exec(line)?.[0].includes(mark) ? [index + 1] : []));
}

function where(page: Page, block: CodeBlock): string {
  return `${path.relative(root, page.path)}:${block.line}`;
}

interface Pair {
  before: CodeBlock;
  afters: CodeBlock[];
}

/** The page's before/after groups: blocks marked `<kind> example: [<prefix> ]before` and the others of their kind and prefix. */
function pairsOf(page: Page): Pair[] {
  const marked = page.blocks.filter((block) => block.marker && LINTED.has(block.lang));
  const key = (block: CodeBlock): string => {
    const words = block.marker!.name.split(' ');
    return `${block.marker!.kind}: ${words.slice(0, -1).join(' ')}`;
  };
  return marked
    .filter((block) => block.marker!.name.split(' ').at(-1) === 'before')
    .map((before) => ({
      before,
      afters: marked.filter((block) => block !== before && key(block) === key(before)),
    }));
}

/** What each suggestion of each report writes, and what `--fix` writes, applied to `before`. */
function outputsOf(name: string, before: CodeBlock): { messageId: string; output: string }[] {
  const outputs: { messageId: string; output: string }[] = [];
  for (const message of lint(name, before)) {
    for (const suggestion of message.suggestions ?? []) {
      const { range, text } = suggestion.fix;
      outputs.push({ messageId: suggestion.messageId ?? '', output: before.code.slice(0, range[0]) + text + before.code.slice(range[1]) });
    }
  }
  for (const value of autofixValues(name)) {
    const fixed = new Linter({ configType: 'flat' }).verifyAndFix(before.code, configFor(name, before, { autofix: value }), filenameFor(before));
    if (fixed.fixed) {
      outputs.push({ messageId: `--fix (autofix: ${JSON.stringify(value)})`, output: fixed.output });
    }
  }
  return outputs;
}

/** The values of a rule's `autofix` option that turn `--fix` on (none when it has no such option). */
function autofixValues(name: string): unknown[] {
  const values: unknown[] = [];
  const queue: unknown[] = [schemaProperties(name).autofix];
  for (let schema = queue.pop(); schema !== undefined; schema = queue.pop()) {
    const { type, enum: listed, oneOf, anyOf } = schema as { type?: unknown; enum?: unknown[]; oneOf?: unknown[]; anyOf?: unknown[] };
    if (listed) {
      values.push(...listed.filter(Boolean));
    } else if (type === 'boolean') {
      values.push(true);
    }
    queue.push(...(oneOf ?? []), ...(anyOf ?? []));
  }
  return values;
}

function schemaProperties(name: string): Record<string, unknown> {
  const schema = rules[name as keyof typeof rules].meta.schema;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
  return first?.properties ?? {};
}

describe.each(ruleNames)('docs/rules/%s.md', (name) => {
  const page = readPage(path.join(root, 'docs/rules', `${name}.md`));
  const rule = rules[name];
  const hasFixes = Boolean(rule.meta.hasSuggestions || rule.meta.fixable);
  const optionNames = Object.keys(schemaProperties(name));
  const linted = page.blocks.filter((block) => LINTED.has(block.lang) && (block.role === '❌' || block.role === '✅'));

  it('has the generated header, then the template’s sections in order', () => {
    expect(page.headerEnd, `${HEADER_END} is missing`).toBeGreaterThan(0);
    const titles = sections(page).map((heading) => heading.title);
    const required = REQUIRED_ORDER.filter(
      (title) => (title !== 'Quick fixes' || hasFixes) && (title !== 'Options' || optionNames.length > 0),
    );
    expect(titles.filter((title) => REQUIRED_ORDER.includes(title))).toEqual(required);
    expect(titles[0], 'the first section is the examples').toBe('Examples');
    expect(titles.at(-1), '"How it decides" is the last section').toBe('How it decides');
  });

  it(`says what is reported in at most ${MAX_INTRO_LINES} lines before its first example`, () => {
    const firstBlock = page.blocks[0];
    expect(firstBlock).toBeDefined();
    expect(firstBlock!.section).toBe('Examples');
    const intro = firstBlock!.line - page.headerEnd - 1;
    expect(intro, `${intro} lines between the header and the first example`).toBeLessThanOrEqual(MAX_INTRO_LINES);
    expect(page.lines.slice(page.headerEnd, firstBlock!.line - 1).join('\n').trim().length).toBeGreaterThan(0);
  });

  it('declares the role of every JavaScript/TypeScript block, with meta this test knows', () => {
    for (const block of page.blocks) {
      expect(block.unknownMeta, where(page, block)).toEqual([]);
      if (LINTED.has(block.lang)) {
        expect(block.role !== undefined || block.marker !== undefined, `${where(page, block)}: say ❌, ✅ or not-linted after \`\`\`${block.lang}`).toBe(true);
        expect(!(block.typed && block.lang !== 'ts'), `${where(page, block)}: \`typed\` is for TypeScript blocks`).toBe(true);
      }
    }
  });

  it('shows ❌ and ✅ examples', () => {
    const examples = page.blocks.filter((block) => block.section === 'Examples');
    const { '❌': incorrect = 1, '✅': correct = 1 } = MIN_EXAMPLES[name] ?? {};
    expect(examples.filter((block) => block.role === '❌').length).toBeGreaterThanOrEqual(incorrect);
    expect(examples.filter((block) => block.role === '✅').length).toBeGreaterThanOrEqual(correct);
  });

  describe('each ❌ block is reported, each ✅ block is clean', () => {
    for (const block of linted) {
      it(`${block.role} line ${block.line}${block.options ? ` ${JSON.stringify(block.options)}` : ''}${block.typed ? ' (typed)' : ''}`, () => {
        const reports = lint(name, block);
        const reportedLines = new Set(reports.map((report) => report.line));
        if (block.role === '❌') {
          expect(reports.length, `${where(page, block)} is not reported:\n${block.code}`).toBeGreaterThan(0);
        } else {
          expect(reports.map((report) => `${report.line}: ${report.message}`), `${where(page, block)} is reported`).toEqual([]);
        }
        for (const line of markedLines(block.code, '❌')) {
          expect(reportedLines.has(line), `${where(page, block)}: line ${line} of the block says ❌ and is not reported`).toBe(true);
        }
        for (const line of markedLines(block.code, '✅')) {
          expect(reportedLines.has(line), `${where(page, block)}: line ${line} of the block says ✅ and is reported`).toBe(false);
        }
      });
    }
  });

  if (hasFixes) {
    describe('quick fixes: each "after" is what a suggestion or --fix writes on its "before"', () => {
      const pairs = pairsOf(page);
      it('the page shows at least one before/after pair, each with an after', () => {
        expect(pairs.length).toBeGreaterThan(0);
        for (const pair of pairs) {
          expect(pair.afters.length, where(page, pair.before)).toBeGreaterThan(0);
        }
      });

      for (const pair of pairs) {
        it(`${pair.before.marker!.kind} example: ${pair.before.marker!.name}`, () => {
          const reports = REPORTS[name]?.[`${pair.before.marker!.kind} example: ${pair.before.marker!.name}`];
          if (reports) {
            expect(lint(name, pair.before).map((report) => report.messageId)).toEqual(reports);
          }
          const outputs = outputsOf(name, pair.before);
          expect(outputs.length, `${where(page, pair.before)} gets no fix`).toBeGreaterThan(0);
          for (const after of pair.afters) {
            const label = `${after.marker!.kind} example: ${after.marker!.name}`;
            const writers = outputs.filter((candidate) => candidate.output === after.code).map((candidate) => candidate.messageId);
            expect(writers.length, `${where(page, after)} (${label}) is no fix's output; the fixes write:\n${outputs.map((candidate) => `--- ${candidate.messageId}\n${candidate.output}`).join('\n')}`).toBeGreaterThan(0);
            for (const expected of WRITTEN_BY[name]?.[label] ?? []) {
              expect(writers, label).toContain(expected);
            }
            // What a fix writes is not reported again by the same rule.
            const options = after.options ?? pair.before.options;
            expect(lint(name, { ...after, options }).map((report) => `${report.line}: ${report.message}`), `${where(page, after)} is reported`).toEqual([]);
          }
        });
      }

      it('every kind of suggestion the page’s examples get has a before/after pair', () => {
        const offered = new Set<string>();
        for (const block of [...linted.filter((candidate) => candidate.role === '❌'), ...pairs.map((pair) => pair.before)]) {
          for (const report of lint(name, block)) {
            for (const suggestion of report.suggestions ?? []) {
              offered.add(suggestion.messageId ?? '');
            }
          }
        }
        const shown = new Set<string>();
        for (const pair of pairs) {
          const outputs = outputsOf(name, pair.before);
          for (const after of pair.afters) {
            for (const candidate of outputs.filter((output) => output.output === after.code)) {
              shown.add(candidate.messageId);
            }
          }
        }
        expect([...offered].filter((messageId) => !shown.has(messageId)), 'suggestions with no before/after pair').toEqual([]);
      });

      it('names every "after" the other docs tests check', () => {
        const labels = new Set(page.blocks.flatMap((block) => (block.marker ? [`${block.marker.kind} example: ${block.marker.name}`] : [])));
        for (const label of [...Object.keys(WRITTEN_BY[name] ?? {}), ...Object.keys(REPORTS[name] ?? {})]) {
          expect(labels.has(label), label).toBe(true);
        }
      });
    });
  }

  it('has a heading and an example for each option, and no heading for an option the rule lacks', () => {
    const options = sectionText(page, 'Options');
    if (optionNames.length === 0) {
      expect(options).toBeUndefined();
      return;
    }
    const headings = page.headings
      .filter((heading) => {
        const section = sections(page).filter((candidate) => candidate.line < heading.line).at(-1);
        return heading.level === 3 && section?.title === 'Options';
      })
      .map((heading) => /^`(\w+)`$/u.exec(heading.title)?.[1] ?? heading.title);
    expect([...headings].sort()).toEqual([...optionNames].sort());
    for (const option of optionNames) {
      const examples = page.blocks.filter((block) => block.section === 'Options' && block.subsection === `\`${option}\``);
      expect(
        examples.some((block) => block.code.includes(option) || (block.options && option in block.options)),
        `### \`${option}\` has no example that uses it`,
      ).toBe(true);
    }
  });

  it('has "When Not To Use It" and related rules', () => {
    expect(sectionText(page, 'When Not To Use It')?.trim()).toBeTruthy();
    expect(sectionText(page, 'Related rules')).toMatch(/\]\(/u);
  });

  it('links "How it decides" to what it needs, and every relative link resolves', () => {
    const howItDecides = sectionText(page, 'How it decides') ?? '';
    expect(howItDecides.trim()).toBeTruthy();
    const separate = path.join(root, 'docs/how-it-decides', `${name}.md`);
    if (existsSync(separate)) {
      expect(howItDecides).toContain(`../how-it-decides/${name}.md`);
    }
  });
});

describe('relative links in docs/rules and docs/how-it-decides', () => {
  const folders = ['docs/rules', 'docs/how-it-decides'].filter((folder) => existsSync(path.join(root, folder)));
  const files = folders.flatMap((folder) => readdirSync(path.join(root, folder)).filter((file) => file.endsWith('.md')).map((file) => path.join(root, folder, file)));
  for (const file of files) {
    it(path.relative(root, file), () => {
      const page = readPage(file);
      // Links outside code blocks: drop the blocks' lines first.
      const inCode = new Set(page.blocks.flatMap((block) => Array.from({ length: block.code.split('\n').length + 1 }, (_, index) => block.line + index)));
      const prose = page.lines.filter((_, index) => !inCode.has(index + 1)).join('\n');
      for (const [, target = ''] of prose.matchAll(/\]\(([^)\s]+)\)/gu)) {
        if (/^[a-z]+:/u.test(target)) {
          continue;
        }
        const [file = '', anchor] = target.split('#');
        const linked = file === '' ? page.path : path.resolve(path.dirname(page.path), file);
        expect(existsSync(linked), `${path.relative(root, page.path)} links ${target}: no such file`).toBe(true);
        if (anchor && linked.endsWith('.md') && path.relative(root, linked).startsWith('docs')) {
          expect([...anchors(readPage(linked))], `${path.relative(root, page.path)} links ${target}: no such heading`).toContain(anchor);
        }
      }
    });
  }
});
