import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isFunctionNode, skipTypeWrappers, walk } from '../utils/ast.js';
import { containsCall, walkConstructionCode } from './construction.js';

/**
 * What a `new Promise` executor does while it runs (the syntax tier): whether it starts work, or
 * only captures its settlers, a deferred.
 */

/**
 * A `new Promise` executor that does work: it calls something other than its own
 * `resolve`/`reject` while it runs. One that only captures them is a deferred.
 */
export function isWorkingExecutor(executor: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!executor || !isFunctionNode(executor)) {
    return false;
  }
  if (executor.async) {
    return true;
  }
  const settlers = new Set(
    executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  let works = false;
  walkConstructionCode(executor.body, sourceCode.visitorKeys, (node) => {
    if (works) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (isSubscriptionOfSettler(node, settlers, sourceCode)) {
        // emitter.once('close', resolve): wiring a settler to an event starts no work.
        return 'skip';
      }
      const callee = skipTypeWrappers(node.callee);
      if (!(callee.type === AST_NODE_TYPES.Identifier && settlers.has(callee.name))) {
        works = true;
      }
    } else if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      works = true;
    }
    return works ? 'skip' : undefined;
  });
  return works;
}

/** Methods that subscribe a listener to an event (plus `on<event>` methods: `transport.onopen(f)`). */
const SUBSCRIBE_METHODS = new Set([
  'addEventListener',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

/**
 * `emitter.once('close', resolve)`, `socket.on('error', (error) => reject(error))`: a call that
 * subscribes a listener that settles the promise to an event, with no other call in its arguments.
 * The promise is a deferred settled by the event; the listeners run later. `fs.readFile(path,
 * resolve)` is I/O, not a subscription.
 */
function isSubscriptionOfSettler(
  call: TSESTree.CallExpression,
  settlers: ReadonlySet<string>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  if (method === undefined || !(SUBSCRIBE_METHODS.has(method) || /^on[A-Za-z]/u.test(method))) {
    return false;
  }
  let listensWithSettler = false;
  for (const argument of call.arguments) {
    if (isSettlerListener(argument, settlers, sourceCode)) {
      listensWithSettler = true;
    } else if (containsCall(argument, sourceCode)) {
      return false;
    }
  }
  return listensWithSettler && !containsCall(callee.object, sourceCode);
}

/** `resolve`, or a listener that settles: `(error) => reject(error)`. Listeners run later, on the event. */
function isSettlerListener(node: TSESTree.Node, settlers: ReadonlySet<string>, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return settlers.has(node.name);
  }
  if (!isFunctionNode(node)) {
    return false;
  }
  let settles = false;
  walk(node.body, sourceCode.visitorKeys, (child) => {
    if (settles) {
      return 'skip';
    }
    if (child.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(child.callee);
      settles = callee.type === AST_NODE_TYPES.Identifier && settlers.has(callee.name);
    }
    return settles ? 'skip' : undefined;
  });
  return settles;
}
