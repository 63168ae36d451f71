/** How moved work reads where it goes (the factory, or `#initialize()`): the user's own text with `this` and parameters rewritten, its guards and loops repeated, its promises awaited together; and the edits that take it out of the constructor. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getThisOwner, walk, type ConstructorNode } from '../../utils/ast.js';
import { countBefore } from '../../utils/sorted.js';
import { getPruneEdits } from './declarations.js';
import { applyEdits, getLineIndent, getStatementRange, type Edit, type Layout } from './layout.js';
import type { MoveDecision } from './move.js';
import { mapPiecesInside, type Piece, type Slot } from './pieces.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Where the moved code goes, and how it reads there. */
export interface Target {
  /** How the instance is written there: `db` in the factory, `this` in `#initialize()`. */
  instance: string;
  /** The rewrite of a read of a constructor parameter or kept local (`url` → `this.#url`); `undefined` keeps it. */
  readVariable?: (identifier: TSESTree.Identifier, variable: Variable) => string | undefined;
  /** The name of the list that collects promises when several are awaited together. */
  pendingName: string;
  isTypeScript: boolean;
  layout: Layout;
}

/** A promise of work that stays in the constructor, as the target reads it (`db.#connecting`). */
export interface AwaitedRecord {
  text: string;
  /** A list of promises (`db.#pendingInit`), awaited element by element. */
  spread: boolean;
}

export interface WriteContext {
  constructorNode: ConstructorNode | undefined;
  sourceCode: SourceCode;
  pieces: readonly Piece[];
  resolve: (identifier: TSESTree.Identifier) => Variable | undefined;
}

export interface WrittenMove {
  /** The target's body lines (indented), between the construction and the `return`. */
  lines: string[];
  /** Edits taking what moved out of the constructor (its statements, locals nothing reads any more). */
  removals: Edit[];
  /** Whether anything moved. */
  movesAny: boolean;
  /** The constructor's own statements that leave it whole. */
  removedStatements: ReadonlySet<TSESTree.Node>;
}

type Mode = 'await' | 'list' | 'push';

/** The construction's `this` (no variable), or an identifier and the variable it reads. */
interface Rewritable {
  node: TSESTree.Node;
  variable: Variable | undefined;
}

const rewritableIn = new WeakMap<TSESTree.Node, readonly Rewritable[]>();

/**
 * Writes the moved code of `decision` for `target`, then awaits the recorded promises and the
 * moved work's: one promise is awaited where it stands (`await db.connect();`); several plain
 * statements are awaited together (`await Promise.all([db.a(), db.b()]);`); otherwise (a guard, a
 * loop, a stored field) each promise is collected as it starts (`pending.push(db.connect())`) and
 * the list is awaited once all have started, so the work still runs concurrently, as it did.
 */
export function writeMove(context: WriteContext, decision: MoveDecision, target: Target, records: readonly AwaitedRecord[]): WrittenMove {
  const writer = new MoveWriter(context, decision, target, records);
  return writer.write();
}

class MoveWriter {
  private readonly movedPieces: Piece[];
  private readonly mode: Mode;
  private readonly lines: string[] = [];
  private readonly text: string;
  /** Per statement: the moved pieces inside it (its own, or those of a statement moved whole). */
  private readonly inside: Map<TSESTree.Node, Piece[]>;
  /** Statements holding moved code or a copied local somewhere inside. */
  private readonly holding = new Set<TSESTree.Node>();
  /** Locals read from the fields the constructor keeps them on. */
  private readonly keptVariables: ReadonlySet<Variable>;

  constructor(
    private readonly context: WriteContext,
    private readonly decision: MoveDecision,
    private readonly target: Target,
    private readonly records: readonly AwaitedRecord[],
  ) {
    this.text = context.sourceCode.text;
    this.movedPieces = context.pieces.filter((piece) => !decision.recorded.has(piece));
    const body = context.constructorNode?.value.body;
    this.inside = mapPiecesInside(this.movedPieces, body);
    for (const node of [...decision.moved, ...decision.copies.keys()]) {
      for (let current: TSESTree.Node | undefined = node; current && current !== body; current = current.parent) {
        if (this.holding.has(current)) {
          break;
        }
        this.holding.add(current);
      }
    }
    this.keptVariables = new Set([...decision.kept.values()].flat());
    this.mode = this.chooseMode();
  }

  write(): WrittenMove {
    const { layout } = this.target;
    const body = this.context.constructorNode?.value.body;
    if (this.mode === 'push') {
      const initial = this.records.map((record) => (record.spread ? `...${record.text}` : record.text)).join(', ');
      // JavaScript: typed from its first elements (`Promise<unknown> | undefined`), the list would not take
      // what is pushed on it, and strict linting would call it a list of non-promises.
      if (!this.target.isTypeScript && initial !== '') {
        this.lines.push(`${layout.bodyIndent}/** @type {unknown[]} */`);
      }
      this.lines.push(`${layout.bodyIndent}const ${this.target.pendingName}${this.target.isTypeScript ? ': unknown[]' : ''} = [${initial}];`);
    }
    // Moved field initialisers first: they ran before the constructor's body.
    for (const piece of this.movedPieces) {
      if (piece.unit.type === AST_NODE_TYPES.PropertyDefinition) {
        this.writeField(piece.unit, piece);
      }
    }
    if (this.mode === 'list') {
      this.writeList(body!);
    } else if (body) {
      this.writeStatements(body);
    }
    if (this.mode === 'await' && this.records.length === 1 && this.movedPieces.length === 0) {
      const [record] = this.records;
      this.lines.push(`${layout.bodyIndent}await ${record!.spread ? `Promise.all(${record!.text})` : record!.text};`);
    }
    if (this.mode === 'push') {
      this.lines.push(`${layout.bodyIndent}await Promise.all(${this.target.pendingName});`);
    }
    const removedStatements = new Set<TSESTree.Node>();
    for (const statement of body?.body ?? []) {
      if (!this.keeps(statement)) {
        removedStatements.add(statement);
      }
    }
    return { lines: this.lines, removals: this.removals(), movesAny: this.movedPieces.length > 0, removedStatements };
  }

  /**
   * `await` where the one promise stands; `list` for plain top-level statements (the recorded
   * promises first); `push` otherwise.
   */
  private chooseMode(): Mode {
    const count = this.movedPieces.length + this.records.length;
    const inLoop = this.movedPieces.some((piece) => this.isInLoop(piece));
    // One promise at a time: one in all, or (a few) in branches of which only one runs.
    if (!inLoop && (count <= 1 || (this.records.length === 0 && count <= 8 && this.areExclusive(this.movedPieces)))) {
      return 'await';
    }
    const body = this.context.constructorNode?.value.body;
    // Statements of the body itself, stored promises (`this.ready = work;`) before the others.
    const movedUnits = new Set<TSESTree.Node>(this.movedPieces.map((piece) => piece.unit));
    const firstExpression = this.movedPieces.findIndex((piece) => piece.slot?.kind === 'expression');
    const plain =
      body !== undefined &&
      this.decision.copies.size === 0 &&
      this.movedPieces.length > 0 &&
      [...this.decision.moved].every((node) => movedUnits.has(node) && node.parent === body) &&
      this.movedPieces.every(
        (piece, index) =>
          piece.slot?.kind === 'expression' ||
          (piece.slot?.kind === 'field' && piece.slot.target.type === AST_NODE_TYPES.MemberExpression && (firstExpression === -1 || index < firstExpression)),
      );
    return plain ? 'list' : 'push';
  }

  /** No two of the pieces both run: each pair sits in different branches of one `if`. */
  private areExclusive(pieces: readonly Piece[]): boolean {
    const ancestors = (node: TSESTree.Node): TSESTree.Node[] => {
      const list: TSESTree.Node[] = [];
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        list.push(current);
      }
      return list.reverse();
    };
    for (let i = 0; i < pieces.length; i++) {
      for (let j = i + 1; j < pieces.length; j++) {
        const a = ancestors(pieces[i]!.unit);
        const b = ancestors(pieces[j]!.unit);
        let depth = 0;
        while (depth < a.length && depth < b.length && a[depth] === b[depth]) {
          depth++;
        }
        const common = a[depth - 1];
        if (common?.type !== AST_NODE_TYPES.IfStatement || a[depth] === common.test || b[depth] === common.test) {
          return false;
        }
      }
    }
    return true;
  }

  /** The piece runs in a loop that moves (whole or repeated): each iteration's promise is collected. */
  private isInLoop(piece: Piece): boolean {
    const body = this.context.constructorNode?.value.body;
    for (let current: TSESTree.Node | undefined = piece.unit.parent; current && current !== body; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.ForStatement ||
        current.type === AST_NODE_TYPES.ForOfStatement ||
        current.type === AST_NODE_TYPES.ForInStatement ||
        current.type === AST_NODE_TYPES.WhileStatement ||
        current.type === AST_NODE_TYPES.DoWhileStatement
      ) {
        return true;
      }
    }
    return false;
  }

  /** `await Promise.all([db.#a, db.b(), db.c()]);`: each statement an element, its comments kept. */
  private writeList(body: TSESTree.BlockStatement): void {
    const { layout } = this.target;
    const inner = layout.bodyIndent + layout.indentUnit;
    const elements = this.records.map((record) => `${inner}${record.spread ? '...' : ''}${record.text},`);
    for (const statement of body.body) {
      const [piece] = this.inside.get(statement) ?? [];
      if (piece?.unit !== statement) {
        continue;
      }
      if (piece.slot?.kind === 'field' && piece.slot.target.type === AST_NODE_TYPES.MemberExpression) {
        // `db.ready = db.connect();` as written, its field an element.
        const edits = this.rewrites(statement);
        if (this.context.sourceCode.getLastToken(statement)?.value !== ';') {
          edits.push({ range: [statement.range[1], statement.range[1]], text: ';' });
        }
        this.lines.push(this.reindent(statement, layout.bodyIndent, edits));
        elements.push(`${inner}${piece.slot.spread ? '...' : ''}${this.rewriteText(piece.slot.target)},`);
        continue;
      }
      if (piece.slot?.kind !== 'expression') {
        continue;
      }
      const edits = this.rewrites(statement);
      const { slot } = piece;
      if (slot.operator) {
        edits.push({ range: [slot.operator.range[0], slot.expression.range[0]], text: '' });
      }
      const last = this.context.sourceCode.getLastToken(statement);
      edits.push(last?.value === ';' ? { range: last.range, text: ',' } : { range: [statement.range[1], statement.range[1]], text: ',' });
      elements.push(this.reindent(statement, inner, edits));
    }
    if (layout.inline) {
      this.lines.push(`await Promise.all([${elements.map((element) => element.trim()).join(' ')}]);`);
      return;
    }
    this.lines.push(`${layout.bodyIndent}await Promise.all([`, ...elements, `${layout.bodyIndent}]);`);
  }

  /** The constructor's statements in source order: what moved, its repeated guards and loops, the locals it reads. */
  private writeStatements(body: TSESTree.BlockStatement): void {
    const { layout } = this.target;
    type Frame = { statements: readonly TSESTree.Node[]; index: number; indent: string } | { close: string };
    const stack: Frame[] = [{ statements: body.body, index: 0, indent: layout.bodyIndent }];
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      if ('close' in frame) {
        stack.pop();
        this.lines.push(frame.close);
        continue;
      }
      if (frame.index >= frame.statements.length) {
        stack.pop();
        continue;
      }
      const statement = frame.statements[frame.index++]!;
      const { indent } = frame;
      if (statement.type === AST_NODE_TYPES.VariableDeclaration && this.decision.copies.has(statement)) {
        this.writeCopy(statement, indent);
      } else if (this.decision.moved.has(statement)) {
        this.lines.push(this.reindent(statement, indent, [...this.rewrites(statement), ...this.slotEdits(statement)]));
      } else if (this.decision.skeletons.has(statement)) {
        this.openSkeleton(statement, indent, stack);
      }
    }
  }

  /** A repeated guard, loop or block: its header as written, what moved inside it, a closing brace. */
  private openSkeleton(
    statement: TSESTree.Node,
    indent: string,
    stack: ({ statements: readonly TSESTree.Node[]; index: number; indent: string } | { close: string })[],
  ): void {
    const inner = indent + this.target.layout.indentUnit;
    const contents = (node: TSESTree.Node): readonly TSESTree.Node[] => (node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node]);
    const holdsMoved = (node: TSESTree.Node | null): boolean => node !== null && this.holding.has(node);
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
        this.lines.push(`${indent}{`);
        stack.push({ close: `${indent}}` }, { statements: statement.body, index: 0, indent: inner });
        return;
      case AST_NODE_TYPES.IfStatement: {
        const test = this.rewriteText(statement.test);
        const inConsequent = holdsMoved(statement.consequent);
        const inAlternate = holdsMoved(statement.alternate);
        if (inConsequent && inAlternate) {
          this.lines.push(`${indent}if (${test}) {`);
          stack.push(
            { close: `${indent}}` },
            { statements: contents(statement.alternate!), index: 0, indent: inner },
            { close: `${indent}} else {` },
            { statements: contents(statement.consequent), index: 0, indent: inner },
          );
        } else if (inConsequent) {
          this.lines.push(`${indent}if (${test}) {`);
          stack.push({ close: `${indent}}` }, { statements: contents(statement.consequent), index: 0, indent: inner });
        } else {
          const simple = [AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.ChainExpression].includes(statement.test.type);
          this.lines.push(`${indent}if (${simple ? `!${test}` : `!(${test})`}) {`);
          stack.push({ close: `${indent}}` }, { statements: contents(statement.alternate!), index: 0, indent: inner });
        }
        return;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement: {
        const header = applyEdits(this.text, statement.range[0], statement.body.range[0], this.rewrites(statement)).trimEnd();
        this.lines.push(`${indent}${header} {`);
        stack.push({ close: `${indent}}` }, { statements: contents(statement.body), index: 0, indent: inner });
        return;
      }
      default:
        return;
    }
  }

  /** A constructor local the moved code reads: its declaration as written, less the names nothing there reads. */
  private writeCopy(declaration: TSESTree.VariableDeclaration, indent: string): void {
    const copy = this.decision.copies.get(declaration)!;
    const { sourceCode } = this.context;
    const unneeded = new Set(sourceCode.getDeclaredVariables(declaration).filter((variable) => !copy.needed.has(variable.name)).map((variable) => variable.name));
    const edits = [...(getPruneEdits(declaration, unneeded, sourceCode) ?? []), ...this.rewrites(declaration)];
    this.lines.push(this.reindent(declaration, indent, edits));
  }

  /** A moved field initialiser (`ready = this.load()`): assigned on the instance, then awaited like a stored promise. */
  private writeField(field: TSESTree.PropertyDefinition, piece: Piece): void {
    const { layout, instance } = this.target;
    const name = this.context.sourceCode.getText(field.key);
    const value = applyEdits(this.text, field.value!.range[0], field.value!.range[1], this.rewrites(field.value!));
    const target = `${instance}.${name}`;
    this.lines.push(`${layout.bodyIndent}${target} = ${value};`);
    const slot = piece.slot;
    if (slot?.kind === 'field') {
      this.lines.push(...this.awaitField(target, slot.spread, layout.bodyIndent));
    }
  }

  private awaitField(field: string, spread: boolean, indent: string): string[] {
    if (this.mode === 'push') {
      return [`${indent}${this.target.pendingName}.push(${spread ? '...' : ''}${field});`];
    }
    return [`${indent}await ${spread ? `Promise.all(${field})` : field};`];
  }

  /** The edits that await (or collect) each piece's promise inside a moved statement. */
  private slotEdits(statement: TSESTree.Node): Edit[] {
    const edits: Edit[] = [];
    const { sourceCode } = this.context;
    for (const piece of this.inside.get(statement) ?? []) {
      const { unit, slot } = piece;
      if (!slot || unit.type === AST_NODE_TYPES.PropertyDefinition) {
        continue;
      }
      // A statement that relied on ASI (minified code: `…})}`) gets its `;`: after the `)` that closes
      // what wraps its expression, before the statement that awaits its field.
      const semicolon: Edit[] = sourceCode.getLastToken(unit)?.value === ';' ? [] : [{ range: [unit.range[1], unit.range[1]], text: ';' }];
      const wrapsExpression = slot.kind === 'expression' || slot.kind === 'callbacks';
      // A line added after a statement that is an `if`'s or a loop's whole body (`if (x) this.c = …;`):
      // the two go in braces, or the second would run unguarded (or split `if … else`).
      const block = wrapsExpression || !isBodyStatement(unit) ? undefined : this.blockLayout(unit);
      const added = this.slotEdit(slot, unit, block?.inner);
      const last = added.at(-1);
      if (block && last) {
        edits.push(...block.open);
        added[added.length - 1] = { range: last.range, text: `${last.text}${block.close}` };
      }
      edits.push(...(wrapsExpression ? [] : semicolon), ...added, ...(wrapsExpression ? semicolon : []));
    }
    return edits;
  }

  /**
   * The braces around a body statement and the line added after it: on lines of their own, the
   * statement one level in (`if (x) {`, the statement, the added line, `}`), where the statement
   * is on one line with nothing but space between it and what it is the body of; else around it
   * on its line (`if (x) { this.c = …;` … `}`), so no comment or line break of the user's moves.
   */
  private blockLayout(unit: TSESTree.Node): { open: Edit[]; close: string; inner: string | undefined } {
    const { sourceCode } = this.context;
    const { layout } = this.target;
    const before = sourceCode.getTokenBefore(unit, { includeComments: true });
    if (!layout.inline && before && before.type !== 'Block' && before.type !== 'Line' && unit.loc.start.line === unit.loc.end.line) {
      const outer = getLineIndent(sourceCode, before.loc.end.line);
      const inner = outer + layout.indentUnit;
      return {
        open: [{ range: [before.range[1], unit.range[0]], text: ` {${layout.newline}${inner}` }],
        close: `${layout.newline}${outer}}`,
        inner,
      };
    }
    return { open: [{ range: [unit.range[0], unit.range[0]], text: '{ ' }], close: ' }', inner: undefined };
  }

  /** `indent`: the added line's, where it is not the statement's own line's. */
  private slotEdit(slot: Slot, unit: TSESTree.Node, indent = getLineIndent(this.context.sourceCode, unit.loc.start.line)): Edit[] {
    const pending = this.target.pendingName;
    switch (slot.kind) {
      case 'expression': {
        const { expression, operator } = slot;
        const start = operator ? operator.range[0] : expression.range[0];
        if (this.mode === 'push') {
          return [
            { range: [start, expression.range[0]], text: `${pending}.push(` },
            { range: [expression.range[1], expression.range[1]], text: ')' },
          ];
        }
        const parenthesize = needsParenthesesAfterAwait(expression);
        return [
          { range: [start, expression.range[0]], text: parenthesize ? 'await (' : 'await ' },
          ...(parenthesize ? [{ range: [expression.range[1], expression.range[1]] as [number, number], text: ')' }] : []),
        ];
      }
      case 'callbacks': {
        const { call } = slot;
        const callee = call.callee as TSESTree.MemberExpression;
        const rename: Edit[] = slot.forEach ? [{ range: callee.property.range, text: 'map' }] : [];
        return this.mode === 'push'
          ? [{ range: [call.range[0], call.range[0]], text: `${pending}.push(...` }, ...rename, { range: [call.range[1], call.range[1]], text: ')' }]
          : [{ range: [call.range[0], call.range[0]], text: 'await Promise.all(' }, ...rename, { range: [call.range[1], call.range[1]], text: ')' }];
      }
      case 'variable': {
        const { sourceCode } = this.context;
        const end = getStatementRange(unit, sourceCode)[1];
        const separator = this.target.layout.inline ? ' ' : this.target.layout.newline + indent;
        const [line] = this.awaitField(slot.name, false, '');
        return [{ range: [end, end], text: separator + line }];
      }
      case 'field': {
        // The assignment stays as written; its field is awaited (or collected) on the next line.
        if (slot.target.type !== AST_NODE_TYPES.MemberExpression) {
          return [];
        }
        const { sourceCode } = this.context;
        const end = getStatementRange(unit, sourceCode)[1];
        const separator = this.target.layout.inline ? ' ' : this.target.layout.newline + indent;
        const [line] = this.awaitField(this.rewriteText(slot.target), slot.spread, '');
        return [{ range: [end, end], text: separator + line }];
      }
      default:
        return [];
    }
  }

  /** `this` → the instance (the factory), parameters → where the target keeps them (`#initialize()`). */
  private rewrites(node: TSESTree.Node): Edit[] {
    const edits: Edit[] = [];
    const { instance, readVariable } = this.target;
    for (const found of this.rewritable(node)) {
      if (found.variable === undefined) {
        if (instance !== 'this') {
          edits.push({ range: found.node.range, text: instance });
        }
        continue;
      }
      const { variable } = found;
      const child = found.node as TSESTree.Identifier;
      const text = readVariable && (this.decision.parameters.has(variable) || this.keptVariables.has(variable)) ? readVariable(child, variable) : undefined;
      if (text !== undefined) {
        const parent = child.parent;
        if (parent.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === child) {
          edits.push({ range: parent.range, text: `${child.name}: ${text}` });
        } else {
          edits.push({ range: child.range, text });
        }
      }
    }
    return edits;
  }

  /** The construction's `this` and the resolved identifiers in `node`: what a target may rewrite, found once per node for both. */
  private rewritable(node: TSESTree.Node): readonly Rewritable[] {
    let found = rewritableIn.get(node);
    if (!found) {
      const list: Rewritable[] = [];
      const constructorFunction = this.context.constructorNode?.value;
      walk(node, this.context.sourceCode.visitorKeys, (child) => {
        if (child.type === AST_NODE_TYPES.ThisExpression) {
          const owner = getThisOwner(child);
          if (owner === constructorFunction || owner?.type === AST_NODE_TYPES.PropertyDefinition) {
            list.push({ node: child, variable: undefined });
          }
        } else if (child.type === AST_NODE_TYPES.Identifier) {
          const variable = this.context.resolve(child);
          if (variable) {
            list.push({ node: child, variable });
          }
        }
        return undefined;
      });
      found = list;
      rewritableIn.set(node, found);
    }
    return found;
  }

  private rewriteText(node: TSESTree.Node): string {
    return applyEdits(this.text, node.range[0], node.range[1], this.rewrites(node));
  }

  /** The statement (with its comments) rewritten, its first line at `indent` and the others moved as much. */
  private reindent(statement: TSESTree.Node, indent: string, edits: readonly Edit[]): string {
    const { sourceCode } = this.context;
    const [start, end] = getStatementRange(statement, sourceCode);
    const written = applyEdits(this.text, start, end, edits);
    const original = getLineIndent(sourceCode, sourceCode.getLocFromIndex(start).line);
    if (this.target.layout.inline) {
      return `${indent}${written}`;
    }
    if (indent === original) {
      return `${indent}${written}`;
    }
    // A line that starts inside a template literal, a string or a comment is its text, not layout.
    const literal = literalLineStarts(statement, start, end, edits, sourceCode);
    const lines = written.split('\n');
    let offset = 0;
    return lines
      .map((line, index) => {
        const lineStart = offset;
        offset += line.length + 1;
        if (index === 0) {
          return `${indent}${line}`;
        }
        return line.startsWith(original) && !literal.has(lineStart) ? indent + line.slice(original.length) : line;
      })
      .join('\n');
  }

  /**
   * What leaves the constructor: moved statements and the locals nothing there reads any more (whole
   * lines where they stand alone), names pruned from declarations it keeps, and a repeated `else`
   * branch left with nothing.
   */
  private removals(): Edit[] {
    const { sourceCode } = this.context;
    const edits: Edit[] = [];
    for (const node of this.decision.moved) {
      if (node.type !== AST_NODE_TYPES.PropertyDefinition) {
        edits.push(removeStatement(node, sourceCode));
      }
    }
    for (const [declaration, copy] of this.decision.copies) {
      const all = sourceCode.getDeclaredVariables(declaration).every((variable) => copy.removed.has(variable.name));
      if (all) {
        edits.push(removeStatement(declaration, sourceCode));
      } else if (copy.removed.size > 0) {
        edits.push(...(getPruneEdits(declaration, copy.removed, sourceCode) ?? []));
      }
    }
    for (const skeleton of this.decision.skeletons) {
      if (!this.keeps(skeleton)) {
        edits.push(removeStatement(skeleton, sourceCode));
      } else if (skeleton.type === AST_NODE_TYPES.IfStatement && skeleton.alternate && !this.keeps(skeleton.alternate)) {
        const elseToken = sourceCode.getTokenBefore(skeleton.alternate);
        if (elseToken) {
          edits.push({ range: [skeleton.consequent.range[1], skeleton.alternate.range[1]], text: '' });
        }
      }
    }
    return dropNested(edits);
  }

  /** `node` keeps a statement in the constructor once what moves is out. */
  private keeps(node: TSESTree.Node): boolean {
    const stack = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (this.decision.moved.has(current)) {
        continue;
      }
      if (current.type === AST_NODE_TYPES.VariableDeclaration && this.decision.copies.has(current)) {
        const copy = this.decision.copies.get(current)!;
        if (this.context.sourceCode.getDeclaredVariables(current).every((variable) => copy.removed.has(variable.name))) {
          continue;
        }
        return true;
      }
      if (current.type === AST_NODE_TYPES.BlockStatement) {
        stack.push(...current.body);
      } else if (current.type === AST_NODE_TYPES.IfStatement && this.decision.skeletons.has(current)) {
        stack.push(current.consequent, ...(current.alternate ? [current.alternate] : []));
      } else if (current.type !== AST_NODE_TYPES.EmptyStatement) {
        return true;
      }
    }
    return false;
  }
}

/** `await a || b` reads `(await a) || b`: such an expression is awaited in parentheses. */
function needsParenthesesAfterAwait(expression: TSESTree.Node): boolean {
  switch (expression.type) {
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return true;
    default:
      return false;
  }
}

/** Edits inside an earlier, wider removal go (a statement removed whole takes what was removed inside it). */
function dropNested(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  const kept: Edit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.range[1] <= end && edit.range[0] < end) {
      continue;
    }
    kept.push(edit);
    if (edit.range[1] > edit.range[0]) {
      end = Math.max(end, edit.range[1]);
    }
  }
  return kept;
}

/** The edit taking a statement out: its whole lines where it stands alone, else it and the blanks beside it. */
export function removeStatement(statement: TSESTree.Node, sourceCode: SourceCode): Edit {
  const text = sourceCode.text;
  const range = getStatementRange(statement, sourceCode);
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const newlineAt = text.indexOf('\n', range[1]);
  const lineEnd = newlineAt === -1 ? text.length : newlineAt;
  if (text.slice(lineStart, range[0]).trim() === '' && text.slice(range[1], lineEnd).trim() === '' && newlineAt !== -1) {
    return { range: [lineStart, lineEnd + 1], text: '' };
  }
  const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';
  if (text.slice(lineStart, range[0]).trim() === '') {
    let end = range[1];
    while (isBlank(text[end])) {
      end++;
    }
    return { range: [range[0], end], text: '' };
  }
  let start = range[0];
  while (start > lineStart && isBlank(text[start - 1])) {
    start--;
  }
  return { range: [start, range[1]], text: '' };
}

/**
 * Whether taking out what `removals` delete would leave a string statement (`"use strict";` written
 * after other code, which does nothing there) at the head of the constructor's body, where it
 * becomes a directive: one that changes the function's mode, or a syntax error in a constructor
 * with destructured or default parameters.
 */
export function exposesDirective(constructorNode: ConstructorNode | undefined, removals: readonly Edit[]): boolean {
  // The removals that leave nothing, by start, each with the furthest end of those up to it:
  // whether one covers a statement is a binary search (a constructor may lose thousands).
  const blanks = removals.filter((edit) => edit.text.trim() === '').sort((a, b) => a.range[0] - b.range[0]);
  const furthest: number[] = [];
  for (const [index, edit] of blanks.entries()) {
    furthest.push(Math.max(edit.range[1], furthest[index - 1] ?? -1));
  }
  const removed = (statement: TSESTree.Node): boolean => {
    const starting = countBefore(blanks, (edit) => edit.range[0] <= statement.range[0]);
    return starting > 0 && furthest[starting - 1]! >= statement.range[1];
  };
  for (const statement of constructorNode?.value.body.body ?? []) {
    if (removed(statement)) {
      continue;
    }
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.Literal ||
      typeof statement.expression.value !== 'string'
    ) {
      return false;
    }
    if (typeof statement.directive !== 'string') {
      return true;
    }
  }
  return false;
}

/**
 * Where, in the text `applyEdits(text, start, end, edits)` writes, a line starts inside a token or
 * comment of the statement that spans lines (a template literal, a string continued with `\\`, a
 * block comment): offsets into that text. The edits never reach into such a token's text (they
 * rewrite names and `this`, and add around statements), so each offset moves by the edits before it.
 */
function literalLineStarts(statement: TSESTree.Node, start: number, end: number, edits: readonly Edit[], sourceCode: SourceCode): Set<number> {
  const text = sourceCode.text;
  const spans: { range: readonly [number, number] }[] = [
    ...sourceCode.getCommentsBefore(statement),
    ...sourceCode.getTokens(statement, { includeComments: true }),
    ...sourceCode.getCommentsAfter(statement),
  ];
  const starts: number[] = [];
  for (const { range } of spans) {
    if (range[0] < start || range[1] > end) {
      continue;
    }
    for (let newline = text.indexOf('\n', range[0]); newline !== -1 && newline + 1 < range[1]; newline = text.indexOf('\n', newline + 1)) {
      starts.push(newline + 1);
    }
  }
  const found = new Set<number>();
  if (starts.length === 0) {
    return found;
  }
  // The edits applyEdits applies, in its order: each shifts what follows it by its change in length.
  const applied: Edit[] = [];
  let position = start;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (edit.range[0] < position || edit.range[1] > end || edit.range[0] < start) {
      continue;
    }
    applied.push(edit);
    position = edit.range[1];
  }
  // Both in source order: one pass, each line start shifted by the edits that end before it.
  let shift = 0;
  let next = 0;
  for (const lineStart of starts) {
    for (; next < applied.length && applied[next]!.range[1] <= lineStart; next++) {
      shift += applied[next]!.text.length - (applied[next]!.range[1] - applied[next]!.range[0]);
    }
    found.add(lineStart - start + shift);
  }
  return found;
}

/** The statement stands alone as the body of an `if`, a loop or a label (not in a block's list). */
function isBodyStatement(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
      return parent.consequent === statement || parent.alternate === statement;
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      return parent.body === statement;
    default:
      return false;
  }
}
