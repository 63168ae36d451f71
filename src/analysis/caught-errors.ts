import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findMembers, getPropertyName, getSameFileAncestors, isClassNode, isFunctionNode, skipTypeWrappers, walk, type ClassNode } from '../utils/ast.js';

/**
 * Where an async method of the class sends its errors when it catches every one itself: its body is
 * one `try` (after declarations that cannot throw) whose `catch` does not throw again, so the promise
 * the constructor starts never rejects. The errors go where that `catch` sends them (an `'error'`
 * event, a log), not to the caller of `new`.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface CaughtErrors {
  /** The method as called: `_start`. */
  method: string;
  /** The call the `catch` hands the error to, as written and shortened (`this.emit('error', err)`); none for an empty `catch`. */
  handler: string | undefined;
}

/** `callee` is `this.m` (or `super.m`), and `m`, a method of `classNode` or a same-file ancestor, catches all its errors. */
export function getSelfCaughtErrors(
  callee: TSESTree.Node | undefined,
  classNode: ClassNode,
  sourceCode: SourceCode,
): CaughtErrors | undefined {
  const target = callee && skipTypeWrappers(callee);
  if (
    target?.type !== AST_NODE_TYPES.MemberExpression ||
    (target.object.type !== AST_NODE_TYPES.ThisExpression && target.object.type !== AST_NODE_TYPES.Super)
  ) {
    return undefined;
  }
  const name = getPropertyName(target);
  if (name === undefined) {
    return undefined;
  }
  const owners = target.object.type === AST_NODE_TYPES.Super ? getSameFileAncestors(classNode, sourceCode) : [classNode, ...getSameFileAncestors(classNode, sourceCode)];
  for (const owner of owners) {
    const members = findMembers(owner, name);
    if (members.length === 0) {
      continue;
    }
    const [member] = members;
    if (members.length !== 1 || member?.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression || !member.value.async) {
      return undefined;
    }
    const handler = getCatchingHandler(member.value.body, sourceCode);
    return handler === undefined ? undefined : { method: name, handler: handler ?? undefined };
  }
  return undefined;
}

/**
 * The body is `try { … } catch (e) { … }` after inert declarations, and the `catch` never throws: the
 * description of the call it hands the error to (`null` for an empty one); `undefined` otherwise.
 */
function getCatchingHandler(body: TSESTree.BlockStatement, sourceCode: SourceCode): string | null | undefined {
  const statements = body.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.TryStatement || !last.handler || !statements.slice(0, -1).every((statement) => isInertDeclaration(statement, sourceCode))) {
    return undefined;
  }
  const handler = last.handler;
  if (rethrows(handler.body, sourceCode) || (last.finalizer && rethrows(last.finalizer, sourceCode))) {
    return undefined;
  }
  const call = handler.body.body.find(
    (statement): statement is TSESTree.ExpressionStatement =>
      statement.type === AST_NODE_TYPES.ExpressionStatement && skipTypeWrappers(statement.expression).type === AST_NODE_TYPES.CallExpression,
  );
  if (!call) {
    return handler.body.body.length === 0 ? null : undefined;
  }
  const text = sourceCode.getText(call.expression).replace(/\s+/gu, ' ');
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** `const options = { host: this.host, … }`: a declaration whose initialisers call, construct and await nothing. */
function isInertDeclaration(statement: TSESTree.Statement, sourceCode: SourceCode): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind.includes('using')) {
    return false;
  }
  return !contains(statement, sourceCode, (node) =>
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
    node.type === AST_NODE_TYPES.ObjectPattern ||
    node.type === AST_NODE_TYPES.ArrayPattern,
  );
}

/** The block throws or rejects: a `throw`, or a `return` (which an async function's promise follows). */
function rethrows(block: TSESTree.BlockStatement, sourceCode: SourceCode): boolean {
  return contains(block, sourceCode, (node) => node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null));
}

/** Whether a node below `root` (not in nested functions or classes) matches. */
function contains(root: TSESTree.Node, sourceCode: SourceCode, matches: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walk(root, sourceCode.visitorKeys, (node) => {
    found ||= matches(node);
    return found || (node !== root && (isFunctionNode(node) || isClassNode(node))) ? 'skip' : undefined;
  });
  return found;
}
