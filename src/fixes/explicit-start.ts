/** The explicit-start transform: background work started by the constructor moves into a `start()` method callers run. */

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findMembers, getConstructor, getNewline, getSameFileAncestors, getThisOwner, walk, type ClassNode } from '../utils/ast.js';
import { recordDecline } from './declines.js';
import { isTypeScriptSource } from './plan/layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const METHOD = 'start';

/**
 * Moves the constructor statement that starts background work (`this.run().catch(log);`,
 * `void this.poll();`) into a new method
 *
 * ```ts
 * start(): void {
 *   this.run().catch(log);
 * }
 * ```
 *
 * written after the constructor, so construction no longer starts a loop nobody can stop or
 * await, and callers start it when they are ready (`const worker = new Worker(); worker.start();`).
 * `null` (and a recorded decline) when the statement is not a whole top-level statement of the
 * constructor, reads a constructor parameter or local, `arguments`, `new.target` or `super`, or
 * the class (or a same-file ancestor) already has a `start` member.
 */
export function createExplicitStartFix(
  classNode: ClassNode,
  workNode: TSESTree.Node,
  sourceCode: SourceCode,
  filename: string,
): TSESLint.ReportFixFunction | null {
  const decline = (reason: string): null => {
    recordDecline(() => ({
      transform: 'start',
      target: classNode.id?.name ?? '(anonymous class)',
      reason,
      filename,
      line: workNode.loc.start.line,
    }));
    return null;
  };
  const constructorNode = getConstructor(classNode);
  const statement = getStatement(workNode);
  if (!constructorNode || !statement || statement.parent !== constructorNode.value.body) {
    return decline('not a top-level constructor statement');
  }
  if ([classNode, ...getSameFileAncestors(classNode, sourceCode)].some((owner) => findMembers(owner, METHOD).length > 0)) {
    return decline('class has a start member');
  }
  if (readsConstructorScope(statement, constructorNode.value, sourceCode)) {
    return decline('reads a constructor parameter or local');
  }
  // Taking the statement out must not join its neighbours: `this.x = y` (no `;`) + `(b)` would read `this.x = y(b)`.
  const siblings = constructorNode.value.body.body;
  const previous = siblings[siblings.indexOf(statement) - 1];
  if (previous && !endsSafely(previous, sourceCode)) {
    return decline('no semicolon before the statement');
  }

  const text = sourceCode.text;
  const newline = getNewline(sourceCode);
  const memberIndent = lineIndent(sourceCode, constructorNode.loc.start.line);
  const bodyIndent = lineIndent(sourceCode, statement.loc.start.line);
  const sharesLine =
    constructorNode.loc.start.line === constructorNode.loc.end.line ||
    !startsLine(sourceCode, statement) ||
    statement.loc.end.line === constructorNode.value.body.loc.end.line;
  if (sharesLine || bodyIndent.length <= memberIndent.length) {
    return decline('constructor written on one line');
  }
  const [start, end] = getStatementRange(statement, sourceCode);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newlineAt = text.indexOf('\n', end);
  if (newlineAt === -1 || text.slice(end, newlineAt).trim() !== '') {
    return decline('code after the statement on its line');
  }
  const returnType = isTypeScriptSource(sourceCode, filename) ? ': void' : '';
  const method = [
    `${memberIndent}${METHOD}()${returnType} {`,
    text.slice(lineStart, end),
    `${memberIndent}}`,
  ].join(newline);
  const constructorEnd = constructorNode.range[1];
  return (fixer) => [
    fixer.removeRange([lineStart, newlineAt + 1]),
    fixer.insertTextAfterRange([constructorEnd, constructorEnd], newline + newline + method),
  ];
}

/** The statement ends with `;` or with the `}` of a block (`if (…) {}`), after which no ASI can join lines. */
function endsSafely(statement: TSESTree.Statement, sourceCode: SourceCode): boolean {
  const last = sourceCode.getLastToken(statement);
  if (last?.value === ';') {
    return true;
  }
  const owner = last?.value === '}' ? sourceCode.getNodeByRangeIndex(last.range[0]) : null;
  return owner?.type === AST_NODE_TYPES.BlockStatement || owner?.type === AST_NODE_TYPES.SwitchStatement || owner?.type === AST_NODE_TYPES.ClassBody;
}

/** `work;` or `void work;`: the expression statement the work is. */
function getStatement(workNode: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current = workNode.parent;
  if (current?.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void') {
    current = current.parent;
  }
  return current?.type === AST_NODE_TYPES.ExpressionStatement && typeof current.directive !== 'string' ? current : undefined;
}

/** The statement reads a variable of the constructor's scope (a parameter, a local), `arguments`, `new.target` or `super`. */
function readsConstructorScope(
  statement: TSESTree.ExpressionStatement,
  constructorFunction: TSESTree.FunctionExpression,
  sourceCode: SourceCode,
): boolean {
  let reads = false;
  walk(statement, sourceCode.visitorKeys, (node) => {
    if (reads) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.Super || node.type === AST_NODE_TYPES.MetaProperty) {
      reads = getThisOwner(node) === constructorFunction;
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      const reference = getReference(sourceCode.getScope(node), node);
      const variable = reference?.resolved;
      const declaredIn = variable?.scope.block;
      reads =
        (reference !== undefined && variable === null && node.name === 'arguments') ||
        (declaredIn !== undefined &&
          declaredIn.range[0] >= constructorFunction.range[0] &&
          declaredIn.range[1] <= constructorFunction.range[1] &&
          !variable?.defs.every((definition) => isInside(definition.name, statement)));
    }
    return reads ? 'skip' : undefined;
  });
  return reads;
}

const referencesByScope = new WeakMap<TSESLint.Scope.Scope, Map<TSESTree.Node, TSESLint.Scope.Reference>>();

/** The reference `identifier` makes in `scope` (the scope's references indexed once: a constructor with n statements has n² otherwise). */
function getReference(scope: TSESLint.Scope.Scope, identifier: TSESTree.Node): TSESLint.Scope.Reference | undefined {
  let references = referencesByScope.get(scope);
  if (!references) {
    references = new Map(scope.references.map((reference) => [reference.identifier, reference]));
    referencesByScope.set(scope, references);
  }
  return references.get(identifier);
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The statement with its own-line comments above it and its same-line comments after it. */
function getStatementRange(statement: TSESTree.Node, sourceCode: SourceCode): [number, number] {
  let start = statement.range[0];
  const previous = sourceCode.getTokenBefore(statement);
  for (const comment of sourceCode.getCommentsBefore(statement)) {
    if (!previous || comment.loc.start.line > previous.loc.end.line) {
      start = Math.min(start, comment.range[0]);
    }
  }
  let end = statement.range[1];
  for (const comment of sourceCode.getCommentsAfter(statement)) {
    if (comment.loc.start.line === statement.loc.end.line) {
      end = Math.max(end, comment.range[1]);
    }
  }
  return [start, end];
}

function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

function startsLine(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return (sourceCode.lines[node.loc.start.line - 1] ?? '').slice(0, node.loc.start.column).trim() === '';
}
