/** A class's plan, shared by both transforms of `no-async-constructor`: its pieces of work and what the code around them does, made once per class and lint. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../../analysis/construction-work.js';
import { createEffectsReader, type EffectsReader } from '../../analysis/sync-prefix.js';
import { getConstructor, isClassNode, isFunctionNode, walk, type ClassNode, type ConstructorNode } from '../../utils/ast.js';
import { getClassLayout, getLeadingCommentStart, getTrailingCommentEnd, isTypeScriptSource, type Edit, type Layout } from './layout.js';
import { findPieces, type Piece } from './pieces.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ClassPlan {
  classNode: ClassNode;
  constructorNode: ConstructorNode | undefined;
  sourceCode: SourceCode;
  reader: EffectsReader;
  isTypeScript: boolean;
  layout: Layout;
  /** The constructor has a `return` of its own (work after it may not run). */
  returnsEarly: boolean;
  /** The pieces of work, or why neither transform can take them. */
  pieces: Piece[] | { decline: string };
}

/**
 * The plan of the class last planned, per lint (keyed by the lint's SourceCode, so that it goes
 * with it). Both transforms of a class ask for it one after the other, and so does
 * `async-dispose-requires-init` for the class it is at; a plan kept for every class of the file
 * was about half of what a lint over thousands of classes held on to until its end, copied by
 * every collection of the young generation (docs/benchmarks.md, "Plans kept per lint").
 */
const lastPlans = new WeakMap<SourceCode, { classNode: ClassNode; works: readonly ConstructionWork[]; plan: ClassPlan }>();

/** Plans a class once for the transforms that ask for it in turn (see {@link lastPlans}). */
export function planClass(classNode: ClassNode, works: readonly ConstructionWork[], sourceCode: SourceCode, filename?: string): ClassPlan {
  const cached = lastPlans.get(sourceCode);
  if (
    cached?.classNode === classNode &&
    cached.works.length === works.length &&
    cached.works.every((work, index) => work.work.node === works[index]?.work.node)
  ) {
    return cached.plan;
  }
  const constructorNode = getConstructor(classNode);
  const pieces =
    works.length === 0
      ? { decline: 'no work' }
      : hasDecorators(classNode) || constructorNode?.value.params.some(hasDecorators)
        ? { decline: 'decorators' }
        : findPieces(classNode, constructorNode, works, sourceCode);
  const plan: ClassPlan = {
    classNode,
    constructorNode,
    sourceCode,
    reader: createEffectsReader(classNode, sourceCode),
    isTypeScript: isTypeScriptSource(sourceCode, filename),
    layout: getClassLayout(classNode, constructorNode, sourceCode),
    returnsEarly: constructorNode !== undefined && hasOwnReturn(constructorNode.value, sourceCode),
    pieces,
  };
  lastPlans.set(sourceCode, { classNode, works, plan });
  return plan;
}

/** espree leaves `decorators` out where typescript-eslint gives an empty list. */
function hasDecorators(node: { decorators?: readonly TSESTree.Decorator[] | undefined }): boolean {
  return (node.decorators?.length ?? 0) > 0;
}

/** The constructor has a `return` of its own (not one of a function inside it). */
function hasOwnReturn(fn: TSESTree.FunctionExpression, sourceCode: SourceCode): boolean {
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node) || isClassNode(node)) {
      return 'skip';
    }
    found = node.type === AST_NODE_TYPES.ReturnStatement;
    return undefined;
  });
  return found;
}

/**
 * Where the new members go: `fields` on their own lines before the constructor (or first in the
 * class body, when the collecting helper's list must exist before any field initialiser records
 * into it, or there is no constructor); `members` after the constructor, or in its place when it
 * goes; `last` at the end of the class.
 */
export function placeMembers(
  plan: ClassPlan,
  options: { fields: readonly string[]; fieldsFirst: boolean; members: readonly string[]; last: readonly string[]; replaceConstructor: boolean },
): Edit[] {
  const { classNode, constructorNode, sourceCode, layout } = plan;
  const text = sourceCode.text;
  const body = classNode.body.body;
  const first = body[0]!;
  const edits: Edit[] = [];
  const blank = layout.inline ? ' ' : layout.newline + layout.newline;
  // A field may come with its JSDoc on the line before (`\n`-separated): every line gets the member indent.
  const fieldLines = options.fields.map((field) =>
    layout.inline ? field.split('\n').join(' ') : field.split('\n').map((line) => `${layout.memberIndent}${line}`).join(layout.newline),
  );
  // After the class's own fields, before its constructor (and its overload signatures).
  const firstConstructor = body.find((member) => 'kind' in member && member.kind === 'constructor');
  const lastField = body.findLast((member) => member.type === AST_NODE_TYPES.PropertyDefinition);
  if (fieldLines.length > 0 && !options.fieldsFirst && (!firstConstructor || options.replaceConstructor) && lastField) {
    const end = getTrailingCommentEnd(lastField, sourceCode);
    edits.push({ range: [end, end], text: layout.inline ? ` ${fieldLines.map((field) => field.trim()).join(' ')}` : layout.newline + fieldLines.join(layout.newline) });
  } else if (fieldLines.length > 0) {
    const before = options.fieldsFirst || !firstConstructor || options.replaceConstructor ? first : firstConstructor;
    if (layout.inline || !startsItsLine(before, sourceCode)) {
      edits.push({ range: [before.range[0], before.range[0]], text: fieldLines.map((field) => field.trim()).join(' ') + ' ' });
    } else {
      const start = getLeadingCommentStart(before, sourceCode);
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const separator = before.type === AST_NODE_TYPES.PropertyDefinition ? layout.newline : blank;
      edits.push({ range: [lineStart, lineStart], text: fieldLines.join(layout.newline) + separator });
    }
  }
  const joined = options.members.join(blank);
  if (options.replaceConstructor && constructorNode) {
    edits.push({ range: constructorNode.range, text: joined.slice(layout.memberIndent.length) });
  } else if (options.members.length > 0) {
    const anchor =
      constructorNode ??
      body.findLast((member) => member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) ??
      first;
    const end = getTrailingCommentEnd(anchor, sourceCode);
    edits.push({ range: [end, end], text: blank + joined });
  }
  if (options.last.length > 0) {
    const end = getTrailingCommentEnd(body.at(-1)!, sourceCode);
    edits.push({ range: [end, end], text: blank + options.last.join(blank) });
  }
  return edits;
}

function startsItsLine(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, node.loc.start.column).trim() === '';
}
