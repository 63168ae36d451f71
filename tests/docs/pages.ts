/** What a rule page says, read from its markdown: the header's end, the sections and the code blocks with the role each declares. */

import { readFileSync } from 'node:fs';

/**
 * How a code block declares its role, in the fence's info string after the language (GitHub shows only
 * the language; the rest is for this test):
 *
 * - ` ```ts ❌ `: code the rule reports (at least once);
 * - ` ```ts ✅ `: code the rule leaves alone;
 * - ` ```ts not-linted `: a fragment or an illustration the test does not lint (say why in the text);
 * - after the role, `options='{"allowReadyPromise":true}'` gives the rule's options for that block, and
 *   `typed` lints it with type information (the project in tests/fixtures/docs/; it may import
 *   `./client.js` and `./config.js` from there).
 *
 * Inside a linted block, a line whose comment holds `❌` is reported on that line, and a line whose
 * comment holds `✅` is not.
 *
 * A quick fix's before/after pair is a group of ` ```ts ` / ` ```js ` blocks, each right after a marker
 * `<!-- <kind> example: <name> -->`: `<name>` is `before` (or `<prefix> before`), and every other block of
 * the same kind and prefix (`<prefix> factory`, `after`, …) is the exact output of one suggestion, or of
 * `--fix`, applied to it. Their fences carry no meta (other tests read these blocks by marker too).
 */

export type Role = '❌' | '✅' | 'not-linted';

export interface CodeBlock {
  /** The fence's language: `ts`, `js`, `json`, `sh`, … */
  lang: string;
  role: Role | undefined;
  options: Record<string, unknown> | undefined;
  typed: boolean;
  /** Meta words this test does not know (a typo, or a convention it should learn). */
  unknownMeta: string[];
  code: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
  /** `{ kind, name }` of a `<!-- <kind> example: <name> -->` marker on the line before the fence. */
  marker: { kind: string; name: string } | undefined;
  /** The `##` section the block is in (its title), or `undefined` before the first one. */
  section: string | undefined;
  /** The `###` subsection the block is in, within its section. */
  subsection: string | undefined;
}

export interface Heading {
  level: number;
  title: string;
  line: number;
}

export interface Page {
  path: string;
  text: string;
  lines: string[];
  /** 1-based line of `<!-- end auto-generated rule header -->`, or 0 when there is none. */
  headerEnd: number;
  headings: Heading[];
  blocks: CodeBlock[];
}

export const HEADER_END = '<!-- end auto-generated rule header -->';

const markerPattern = /^<!-- ([\w-]+) example: ([^>]*?) -->$/u;
const fencePattern = /^(\s*)```(.*)$/u;

export function readPage(path: string): Page {
  const text = readFileSync(path, 'utf8');
  return parsePage(path, text);
}

export function parsePage(path: string, text: string): Page {
  const lines = text.split('\n');
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  let section: string | undefined;
  let subsection: string | undefined;
  let headerEnd = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === HEADER_END && headerEnd === 0) {
      headerEnd = index + 1;
      continue;
    }
    const fence = fencePattern.exec(line);
    if (fence) {
      const indent = fence[1] ?? '';
      const [lang = '', ...meta] = splitMeta((fence[2] ?? '').trim());
      const start = index;
      const body: string[] = [];
      index += 1;
      while (index < lines.length && (lines[index] ?? '').trim() !== '```') {
        const bodyLine = lines[index] ?? '';
        body.push(bodyLine.startsWith(indent) ? bodyLine.slice(indent.length) : bodyLine);
        index += 1;
      }
      const marker = markerPattern.exec((lines[start - 1] ?? '').trim());
      blocks.push({
        lang,
        ...readMeta(meta),
        code: body.length > 0 ? `${body.join('\n')}\n` : '',
        line: start + 1,
        marker: marker ? { kind: marker[1] ?? '', name: marker[2] ?? '' } : undefined,
        section,
        subsection,
      });
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/u.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 0;
      const title = (heading[2] ?? '').trim();
      headings.push({ level, title, line: index + 1 });
      if (level === 2) {
        section = title;
        subsection = undefined;
      } else if (level === 3) {
        subsection = title;
      }
    }
  }
  return { path, text, lines, headerEnd, headings, blocks };
}

/** Splits an info string into words, keeping `key='a value'` together. */
function splitMeta(info: string): string[] {
  return [...info.matchAll(/[\w-]+='[^']*'|\S+/gu)].map((match) => match[0]);
}

function readMeta(words: string[]): Pick<CodeBlock, 'role' | 'options' | 'typed' | 'unknownMeta'> {
  let role: Role | undefined;
  let options: Record<string, unknown> | undefined;
  let typed = false;
  const unknownMeta: string[] = [];
  for (const word of words) {
    if (word === '❌' || word === '✅' || word === 'not-linted') {
      role = word;
    } else if (word === 'typed') {
      typed = true;
    } else if (word.startsWith("options='") && word.endsWith("'")) {
      options = JSON.parse(word.slice("options='".length, -1)) as Record<string, unknown>;
    } else {
      unknownMeta.push(word);
    }
  }
  return { role, options, typed, unknownMeta };
}

/** The `##` sections of a page, in order. */
export function sections(page: Page): Heading[] {
  return page.headings.filter((heading) => heading.level === 2);
}

/** The lines of the section whose `##` heading is `title` (up to the next `##`), or `undefined`. */
export function sectionText(page: Page, title: string): string | undefined {
  const all = sections(page);
  const index = all.findIndex((heading) => heading.title === title);
  if (index < 0) {
    return undefined;
  }
  const end = all[index + 1]?.line ?? page.lines.length + 1;
  return page.lines.slice(all[index]!.line, end - 1).join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/gu, '-');
}

/** The anchors a page's headings give, with GitHub's `-1`, `-2` for repeats. */
export function anchors(page: Page): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of page.headings) {
    const base = slug(heading.title);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}
