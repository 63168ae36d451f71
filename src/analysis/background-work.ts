/** Which functions run background work: a loop that goes on until the object is closed, never settling while it initialises. */

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, skipTypeWrappers, walk, type FunctionNode } from '../utils/ast.js';

/**
 * Whether `fn` is background work by design: an async function whose body, outside nested
 * functions, runs a loop that waits inside and only ends when the object is closed:
 *
 * - `while (this.running) { await … }`, `while (!this.#closed)`, `while (this.state !== 'closed')`:
 *   the loop's test reads a flag of the instance (not a size: `while (this.queue.length)` drains
 *   a queue and ends);
 * - `while (true)` / `for (;;)` whose every exit is guarded by such a flag, or that has no exit
 *   (a retry loop that `return`s or `break`s unconditionally once its work succeeds is not);
 * - `for await (const message of this.subscription)`: it consumes a stream until the stream ends.
 *
 * Awaiting such work waits for `close()`, which nobody can call before the await ends: a hang.
 */
export function isBackgroundLoop(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (!fn.async || fn.generator || fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  // Once per function: a constructor may start the same method n times.
  let known = backgroundLoops.get(fn);
  if (known === undefined) {
    known = hasLoopUntilClosed(fn.body, visitorKeys);
    backgroundLoops.set(fn, known);
  }
  return known;
}

const backgroundLoops = new WeakMap<FunctionNode, boolean>();

function hasLoopUntilClosed(body: TSESTree.BlockStatement, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(body, visitorKeys, (node) => {
    if (found || (node !== body && isFunctionNode(node))) {
      return 'skip';
    }
    if (isLoopUntilClosed(node, visitorKeys)) {
      found = true;
      return 'skip';
    }
    return undefined;
  });
  return found;
}

function isLoopUntilClosed(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return node.await;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return waitsInside(node.body, visitorKeys) && isOpenEnded(node, node.test, visitorKeys);
    case AST_NODE_TYPES.ForStatement:
      return waitsInside(node.body, visitorKeys) && isOpenEnded(node, node.test, visitorKeys);
    default:
      return false;
  }
}

/** The loop's test is an instance flag, or it loops forever and leaves only when a flag says so. */
function isOpenEnded(
  loop: TSESTree.Node,
  test: TSESTree.Expression | null,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  if (test && isInstanceFlagTest(test)) {
    return true;
  }
  if (test && !isAlwaysTrue(test)) {
    return false;
  }
  // `while (true)` / `for (;;)`: every `break`/`return` of this loop sits under a flag test.
  let unconditionalExit = false;
  walk(loop, visitorKeys, (node) => {
    if (unconditionalExit || isFunctionNode(node)) {
      return 'skip';
    }
    if (
      (node.type === AST_NODE_TYPES.ReturnStatement ||
        (node.type === AST_NODE_TYPES.BreakStatement && !node.label && exitsLoop(node, loop))) &&
      !isGuardedByFlag(node, loop)
    ) {
      unconditionalExit = true;
    }
    return undefined;
  });
  return !unconditionalExit;
}

/** A `break` leaves `loop` (not an inner loop or `switch`). */
function exitsLoop(node: TSESTree.BreakStatement, loop: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== loop; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.SwitchStatement:
        return false;
      default:
        break;
    }
  }
  return true;
}

/** `if (this.closed) return;`, `if (!this.running) break;` between the exit and the loop. */
function isGuardedByFlag(node: TSESTree.Node, loop: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== loop; current = current.parent) {
    if (
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
      isInstanceFlagTest(current.test)
    ) {
      return true;
    }
  }
  return false;
}

function isAlwaysTrue(test: TSESTree.Expression): boolean {
  const node = skipTypeWrappers(test);
  return node.type === AST_NODE_TYPES.Literal && Boolean(node.value);
}

/**
 * `this.running`, `!this.#closed`, `this.state !== 'closed'`, `!this.signal.aborted`, and those
 * joined by `&&`/`||`: a flag of the instance that another method flips. A size or count
 * (`this.queue.length`, `this.pending.size`) is not a flag: the loop drains it and ends.
 */
function isInstanceFlagTest(test: TSESTree.Expression): boolean {
  // An explicit stack: a generated test can join thousands of operands.
  const stack: TSESTree.Node[] = [test];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const node = skipTypeWrappers(next);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === '!') {
          stack.push(node.argument);
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(node.right, node.left);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (
          ['===', '!==', '==', '!='].includes(node.operator) &&
          ((isInstanceFlag(node.left) && isLiteralLike(node.right)) || (isInstanceFlag(node.right) && isLiteralLike(node.left)))
        ) {
          return true;
        }
        break;
      default:
        if (isInstanceFlag(node)) {
          return true;
        }
    }
  }
  return false;
}

function isInstanceFlag(node: TSESTree.Node): boolean {
  const unwrapped = skipTypeWrappers(node);
  if (unwrapped.type !== AST_NODE_TYPES.MemberExpression || unwrapped.computed) {
    return false;
  }
  const property = unwrapped.property;
  if (property.type === AST_NODE_TYPES.Identifier && SIZES.has(property.name)) {
    return false;
  }
  let object: TSESTree.Node = skipTypeWrappers(unwrapped.object);
  while (object.type === AST_NODE_TYPES.MemberExpression && !object.computed) {
    object = skipTypeWrappers(object.object);
  }
  return object.type === AST_NODE_TYPES.ThisExpression;
}

const SIZES = new Set(['length', 'size', 'count']);

function isLiteralLike(node: TSESTree.Node): boolean {
  const unwrapped = skipTypeWrappers(node);
  return (
    unwrapped.type === AST_NODE_TYPES.Literal ||
    (unwrapped.type === AST_NODE_TYPES.Identifier && unwrapped.name === 'undefined') ||
    (unwrapped.type === AST_NODE_TYPES.MemberExpression && !unwrapped.computed && unwrapped.object.type === AST_NODE_TYPES.Identifier)
  );
}

/** The loop body waits (`await`, `for await`), outside nested functions. */
function waitsInside(body: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let waits = false;
  walk(body, visitorKeys, (node) => {
    if (waits || isFunctionNode(node)) {
      return 'skip';
    }
    waits =
      node.type === AST_NODE_TYPES.AwaitExpression ||
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
      (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'await using');
    return waits ? 'skip' : undefined;
  });
  return waits;
}
