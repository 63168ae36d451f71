import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  createCursor,
  getConstructor,
  getPropertyName,
  isClassNode,
  isFunctionNode,
  walk,
  type ClassNode,
  type FunctionNode,
  type NodeCursor,
  type WalkDecision,
} from '../utils/ast.js';

export type { WalkDecision } from '../utils/ast.js';

/**
 * What runs while an object is being constructed: the constructor body, instance field
 * initialisers, and the code they run synchronously (IIFEs, callbacks of synchronous array
 * methods). Functions that are only defined there run later and are not part of it.
 */

/** Array methods that call their callback before they return. */
const SYNC_CALLBACK_METHODS = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
  'sort',
  'toSorted',
]);

/** The roots of construction-time code of one class, in source order. */
export interface ConstructionRoots {
  /** The constructor implementation's body, when there is one. */
  constructorBody: TSESTree.BlockStatement | undefined;
  /** The constructor implementation's parameters: their defaults run before its body. */
  constructorParams: TSESTree.Parameter[];
  /** Instance field and `accessor` initialisers (static ones run at class definition, not construction). */
  fieldInitializers: TSESTree.Expression[];
}

export function getConstructionRoots(node: ClassNode): ConstructionRoots {
  const fieldInitializers: TSESTree.Expression[] = [];
  for (const member of node.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) &&
      !member.static &&
      member.value
    ) {
      fieldInitializers.push(member.value);
    }
  }
  const constructor = getConstructor(node);
  return {
    constructorBody: constructor?.value.body ?? undefined,
    constructorParams: constructor?.value.params ?? [],
    fieldInitializers,
  };
}

/**
 * Whether a function literal is called right where it stands, synchronously: an IIFE
 * (`(() => {})()`, `(function () {}).call(this)`) or the callback of a synchronous array method
 * (`items.forEach(item => …)`, `Array.from(x, fn)`).
 */
export function isInvokedImmediately(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression) {
    if (parent.callee === fn) {
      return true;
    }
    const callee = parent.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !parent.arguments.some((argument) => argument === fn)) {
      return false;
    }
    const method = getPropertyName(callee);
    if (method !== undefined && SYNC_CALLBACK_METHODS.has(method) && parent.arguments[0] === fn) {
      return true;
    }
    return (
      method === 'from' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Array' &&
      parent.arguments[1] === fn
    );
  }
  // `(function () {}).call(this)` / `.apply(this)`
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === fn) {
    const method = getPropertyName(parent);
    return (
      (method === 'call' || method === 'apply') &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    );
  }
  return false;
}

/**
 * Walks construction-time code below `root` in source order. Functions are visited (so the caller
 * can judge an async IIFE), but walked into only when they run synchronously right there and are
 * not async. Nested classes are not walked into: their members run when they are used.
 */
export function walkConstructionCode(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (node: TSESTree.Node) => WalkDecision,
): void {
  walk(root, visitorKeys, (node) => (visit(node) === 'skip' || isLeftForLater(node) ? 'skip' : undefined));
}

/** `walkConstructionCode` driven by the caller (see `NodeCursor`): the same nodes in the same order. */
export function createConstructionCursor(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): NodeCursor {
  return createCursor(root, visitorKeys, isLeftForLater);
}

/** A function that runs later (not an immediately invoked one), or a class: its code is not construction code. */
function isLeftForLater(node: TSESTree.Node): boolean {
  return (isFunctionNode(node) && (node.async || node.generator || !isInvokedImmediately(node))) || isClassNode(node);
}

/** Whether construction-time code below `root` calls, constructs, imports or awaits anything. */
export function containsCall(root: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let found = false;
  walkConstructionCode(root, sourceCode.visitorKeys, (node) => {
    if (found) {
      return 'skip';
    }
    found =
      node.type === AST_NODE_TYPES.CallExpression ||
      node.type === AST_NODE_TYPES.NewExpression ||
      node.type === AST_NODE_TYPES.ImportExpression ||
      node.type === AST_NODE_TYPES.AwaitExpression;
    return found ? 'skip' : undefined;
  });
  return found;
}
