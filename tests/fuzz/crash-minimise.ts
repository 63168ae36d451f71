// Shrinks a failing program to a small one that fails the same way: lines first, then AST nodes, then comments.

interface Node {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

export interface MinimiseOptions {
  /** Whether a candidate (that parses) still fails the same way. */
  reproduces(code: string): boolean;
  /** The candidate's AST with `range`s and a `comments` array, or undefined when it does not parse. */
  parse(code: string): unknown;
  /** At most this many candidates are linted (each is one lint run), and for at most this long. */
  maxChecks?: number;
  maxMs?: number;
}

export interface Minimised {
  code: string;
  checks: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const SKIPPED_KEYS = new Set(['parent', 'range', 'loc', 'tokens', 'comments', 'start', 'end']);
const EXPRESSION = /Expression$|^Identifier$|^Literal$|^TemplateLiteral$|^PrivateIdentifier$/;
const STATEMENT = /Statement$|Declaration$/;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && Array.isArray((value as { range?: unknown }).range);
}

/**
 * The edits ESLint's code-sample minimiser tries, as text edits on the source: drop an element of a
 * list (statements, members, arguments; with its comma), replace an expression by `0` or by one of
 * its subexpressions, a statement by `;`/`{}` or by one of its substatements.
 */
function editsOf(program: Node, code: string): Edit[] {
  const edits: Edit[] = [];
  const text = (node: Node): string => code.slice(node.range[0], node.range[1]);
  /** The node's range, and the ranges of the parentheses around it (`((a))`), innermost first. */
  const rangesOf = (node: Node): Array<[number, number]> => {
    const ranges: Array<[number, number]> = [node.range];
    let [start, end] = node.range;
    for (let level = 0; level < 3; level++) {
      let before = start - 1;
      while (before >= 0 && /\s/.test(code[before] ?? '')) before--;
      let after = end;
      while (after < code.length && /\s/.test(code[after] ?? '')) after++;
      if (code[before] !== '(' || code[after] !== ')') break;
      [start, end] = [before, after + 1];
      ranges.push([start, end]);
    }
    return ranges;
  };
  const childrenOf = (node: Node): Node[] =>
    Object.entries(node)
      .filter(([key]) => !SKIPPED_KEYS.has(key))
      .flatMap(([, child]) => (Array.isArray(child) ? child.filter(isNode) : isNode(child) ? [child] : []));
  const replacements = (node: Node): void => {
    for (const [start, end] of rangesOf(node)) {
      if (EXPRESSION.test(node.type)) {
        edits.push({ start, end, text: '0' });
        for (const child of childrenOf(node)) if (EXPRESSION.test(child.type)) edits.push({ start, end, text: text(child) });
      } else if (STATEMENT.test(node.type)) {
        edits.push({ start, end, text: ';' }, { start, end, text: '{}' });
        for (const child of childrenOf(node)) if (STATEMENT.test(child.type)) edits.push({ start, end, text: text(child) });
      }
    }
  };
  const visit = (node: Node): void => {
    for (const [key, value] of Object.entries(node)) {
      if (SKIPPED_KEYS.has(key)) continue;
      if (Array.isArray(value)) {
        const items = value.filter(isNode);
        items.forEach((item, index) => {
          for (const [start, end] of rangesOf(item)) edits.push({ start, end, text: '' });
          const next = items[index + 1];
          const previous = items[index - 1];
          if (next) edits.push({ start: item.range[0], end: next.range[0], text: '' });
          else if (previous) edits.push({ start: previous.range[1], end: item.range[1], text: '' });
          replacements(item);
        });
        items.forEach(visit);
      } else if (isNode(value)) {
        replacements(value);
        visit(value);
      }
    }
  };
  visit(program);
  // From the end of the file backwards, longer before shorter: an edit then never moves the
  // positions of the edits still to try, except those overlapping it, which wait for the next pass.
  return edits
    .filter((edit) => edit.end > edit.start && edit.text.length < edit.end - edit.start)
    .sort((a, b) => b.start - a.start || b.end - a.end);
}

export function minimise(code: string, options: MinimiseOptions): Minimised {
  const maxChecks = options.maxChecks ?? 2000;
  const deadline = Date.now() + (options.maxMs ?? 60_000);
  let current = code;
  let checks = 0;
  const exhausted = (): boolean => checks >= maxChecks || Date.now() > deadline;
  const attempt = (candidate: string): boolean => {
    if (candidate.length >= current.length || exhausted()) return false;
    if (options.parse(candidate) === undefined) return false;
    checks++;
    if (!options.reproduces(candidate)) return false;
    current = candidate;
    return true;
  };

  // 1. Lines, in chunks that halve: fast on eslump's long programs.
  let lines = current.split('\n');
  for (let size = Math.max(1, Math.floor(lines.length / 2)); size >= 1 && !exhausted(); size = Math.floor(size / 2)) {
    for (let start = lines.length - size; start >= 0 && !exhausted(); start -= size) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + size)];
      if (attempt(candidate.join('\n'))) lines = candidate;
    }
    if (size === 1) break;
  }

  // 2. AST edits, pass after pass until a pass changes nothing.
  const reduceNodes = (): void => {
    for (let changed = true; changed && !exhausted(); ) {
      changed = false;
      const program = options.parse(current);
      if (!isNode(program)) break;
      const applied: Edit[] = [];
      for (const edit of editsOf(program, current)) {
        if (exhausted()) break;
        if (applied.some((done) => edit.end > done.start && edit.start < done.end)) continue;
        if (attempt(current.slice(0, edit.start) + edit.text + current.slice(edit.end))) {
          applied.push(edit);
          changed = true;
        }
      }
    }
  };
  reduceNodes();

  // 3. One statement or expression alone, the smallest that still fails (the rest of the program
  //    may be all it needs: then this changes nothing), and step 2 again on what is left.
  const program0 = options.parse(current);
  if (isNode(program0)) {
    const pieces: string[] = [];
    const collect = (node: Node): void => {
      if (node !== program0 && (STATEMENT.test(node.type) || EXPRESSION.test(node.type))) {
        const text = current.slice(node.range[0], node.range[1]);
        pieces.push(text, `${text};`);
      }
      for (const [key, value] of Object.entries(node)) {
        if (SKIPPED_KEYS.has(key)) continue;
        if (Array.isArray(value)) value.filter(isNode).forEach(collect);
        else if (isNode(value)) collect(value);
      }
    };
    collect(program0);
    for (const piece of [...new Set(pieces)].sort((a, b) => a.length - b.length)) {
      if (attempt(piece)) {
        reduceNodes();
        break;
      }
    }
  }

  // 4. Comments (each deleted, or emptied), then runs of whitespace.
  const program = options.parse(current) as { comments?: Node[] } | undefined;
  const comments = [...(program?.comments ?? [])].sort((a, b) => b.range[0] - a.range[0]);
  for (const comment of comments) {
    const [start, end] = comment.range;
    const emptied = comment.type === 'Block' ? '/**/' : '//';
    if (!attempt(current.slice(0, start) + current.slice(end))) {
      attempt(current.slice(0, start) + emptied + current.slice(end));
    }
  }
  attempt(current.replace(/\n[^\S\n]*(?=\n)/g, '').replace(/^\s+|\s+$/g, ''));
  attempt(current.replace(/[^\S\n]+/g, ' '));
  return { code: current, checks };
}
