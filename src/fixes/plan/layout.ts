/** How the code a transform writes is laid out: the file's indentation and line breaks, where comments belong, and how edits become one fix. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getNewline, type ClassNode, type ConstructorNode } from '../../utils/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A text edit on the original source (an insertion when the range is empty). */
export interface Edit {
  range: [number, number];
  text: string;
}

/** The file's layout around the constructor: the text the transforms write follows it. */
export interface Layout {
  /** `\n` or `\r\n`; a space when the constructor is written on one line. */
  newline: string;
  /** The indentation of class members. */
  memberIndent: string;
  /** The indentation of statements in a method body. */
  bodyIndent: string;
  /** One level: `bodyIndent` minus `memberIndent`. */
  indentUnit: string;
  /** The constructor is written on one line: so is the new code. */
  inline: boolean;
}

/**
 * Whether the file is written in TypeScript, so new code may carry types: by its name (`.ts`,
 * `.mts`, `.cts`, `.tsx` yes; `.js` and friends no, whatever parsed them), else (a virtual name
 * such as `<input>`) by its parser: typescript-eslint gives parser services with node maps.
 */
export function isTypeScriptSource(sourceCode: SourceCode, filename?: string): boolean {
  if (filename !== undefined && /\.[cm]?tsx?$/u.test(filename)) {
    return true;
  }
  if (filename !== undefined && /\.[cm]?jsx?$/u.test(filename)) {
    return false;
  }
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: unknown } | undefined;
  return services?.esTreeNodeToTSNodeMap !== undefined;
}

export function getLineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

export function startsItsLine(sourceCode: SourceCode, node: { loc: TSESTree.SourceLocation }): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, node.loc.start.column).trim() === '';
}

/** The layout of a method (the constructor, or any method with a body): its members' and its body's indentation. */
export function getMemberLayout(
  method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
  sourceCode: SourceCode,
): Layout {
  if (method.loc.start.line === method.loc.end.line) {
    return { newline: ' ', memberIndent: '', bodyIndent: '', indentUnit: '', inline: true };
  }
  const newline = getNewline(sourceCode);
  const memberIndent = getLineIndent(sourceCode, method.loc.start.line);
  const first = method.value.body.body.find((statement) => startsItsLine(sourceCode, statement));
  let bodyIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  if (!bodyIndent.startsWith(memberIndent) || bodyIndent.length <= memberIndent.length) {
    const unit = memberIndent.includes('\t') ? '\t' : '  ';
    bodyIndent = memberIndent + unit;
  }
  return { newline, memberIndent, bodyIndent, indentUnit: bodyIndent.slice(memberIndent.length), inline: false };
}

/** The layout of the class body: the constructor's when there is one, else its first member's. */
export function getClassLayout(classNode: ClassNode, constructorNode: ConstructorNode | undefined, sourceCode: SourceCode): Layout {
  const body = classNode.body;
  if (body.loc.start.line === body.loc.end.line) {
    return { newline: ' ', memberIndent: '', bodyIndent: '', indentUnit: '', inline: true };
  }
  if (constructorNode && constructorNode.loc.start.line !== constructorNode.loc.end.line) {
    return getMemberLayout(constructorNode, sourceCode);
  }
  const newline = getNewline(sourceCode);
  const first = body.body.find((member) => startsItsLine(sourceCode, member));
  const classIndent = getLineIndent(sourceCode, classNode.loc.start.line);
  let memberIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  if (!memberIndent.startsWith(classIndent) || memberIndent.length <= classIndent.length) {
    memberIndent = classIndent + (classIndent.includes('\t') ? '\t' : '  ');
  }
  const indentUnit = memberIndent.slice(classIndent.length);
  return { newline, memberIndent, bodyIndent: memberIndent + indentUnit, indentUnit, inline: false };
}

/** A statement with the comments that belong to it: own-line comments before, same-line after. */
export function getStatementRange(statement: TSESTree.Node, sourceCode: SourceCode): readonly [number, number] {
  // Asked for each moved statement by both transforms, for its removal and its copy: found once.
  let range = statementRanges.get(statement);
  if (!range) {
    range = [getLeadingCommentStart(statement, sourceCode), getTrailingCommentEnd(statement, sourceCode)];
    statementRanges.set(statement, range);
  }
  return range;
}

const statementRanges = new WeakMap<TSESTree.Node, readonly [number, number]>();

/** The start of the first comment on its own line(s) right before `node`, or the node's start. */
export function getLeadingCommentStart(node: TSESTree.Node, sourceCode: SourceCode): number {
  const previous = sourceCode.getTokenBefore(node, { includeComments: false });
  let start = node.range[0];
  for (const comment of sourceCode.getCommentsBefore(node)) {
    if (!previous || comment.loc.start.line > previous.loc.end.line) {
      start = Math.min(start, comment.range[0]);
    }
  }
  return start;
}

/** The end of the last comment on `node`'s last line (before the next token), or the node's end. */
export function getTrailingCommentEnd(node: TSESTree.Node, sourceCode: SourceCode): number {
  let end = node.range[1];
  const next = sourceCode.getTokenAfter(node, { includeComments: false });
  for (const comment of sourceCode.getCommentsAfter(node)) {
    if (comment.loc.start.line === node.loc.end.line && (!next || comment.loc.start.line < next.loc.start.line)) {
      end = Math.max(end, comment.range[1]);
    }
  }
  return end;
}

/** Applies edits that lie inside `[start, end)` to that slice of the source. */
export function applyEdits(text: string, start: number, end: number, edits: readonly Edit[]): string {
  let result = '';
  let position = start;
  // At the same position an insertion goes before a replacement (`await ` before `this` → `db`).
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (const edit of sorted) {
    if (edit.range[0] < position || edit.range[1] > end || edit.range[0] < start) {
      continue;
    }
    result += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return result + text.slice(position, end);
}

/** A fixer function applying `edits` as one fix, or `null` when they overlap (never a broken edit). */
export function toFixer(edits: readonly Edit[]): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const sorted: Edit[] = [];
  // Insertions at one place become one edit, in the order they were planned.
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const last = sorted.at(-1);
    if (last && last.range[0] === last.range[1] && last.range[1] === edit.range[0]) {
      sorted[sorted.length - 1] = { range: [last.range[0], edit.range[1]], text: last.text + edit.text };
      continue;
    }
    sorted.push(edit);
  }
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.range[0] < sorted[index - 1]!.range[1]) {
      return null;
    }
  }
  return (fixer) => sorted.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

/** A method's text in the layout: header line, body lines (already indented), closing brace. */
export function writeMethod(plan: { layout: Layout }, header: string, bodyLines: readonly string[]): string {
  const { layout } = plan;
  return [`${layout.memberIndent}${header} {`, ...bodyLines, `${layout.memberIndent}}`].join(layout.newline);
}
