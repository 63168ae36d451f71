import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { getPropertyName, isFunctionNode, isSubscribeMethodName, skipTypeWrappers, walk, type FunctionNode } from '../utils/ast.js';
import { isSynchronousCall } from './callee-work.js';
import { containsCall, walkConstructionCode } from './construction.js';
import type { TypeTier } from './types.js';

/**
 * What a `new Promise` executor does while it runs: whether it starts work, or only captures its
 * settlers, a deferred. Read from the syntax; the type tier has its say only on the calls the syntax
 * cannot place.
 */

/** What settles the promise, by name: what the executor's calls are judged against. */
interface Settlers {
  /** Calling one settles: the executor's parameters, and locals bound to a wrapper of them. */
  callable: ReadonlySet<string>;
  /** Locals bound to a wrapper of the settlers: `tracker.resolve(x)` settles. */
  holders: ReadonlySet<string>;
  /** Locals bound only to listeners that settle: `onConnect` in `this.once('connect', onConnect)`. */
  listeners: ReadonlySet<string>;
  /** The calls that wrap the settlers (`promiseTracker(resolve, reject)`): wiring, not work. */
  wrappers: ReadonlySet<TSESTree.CallExpression>;
}

/**
 * A `new Promise` executor that does work: it calls something other than its own
 * `resolve`/`reject` while it runs. One that only captures them is a deferred: it stores them,
 * wraps them (`const tracker = promiseTracker(resolve, reject)`, `this.resolve = wrap(resolve)`),
 * subscribes them to an event (`emitter.once('close', resolve)`, directly or through a local
 * listener) or to a promise that already exists (`this.closing.catch(reject)`). With types, a call
 * the syntax cannot place starts nothing when the type tier says so (`isSynchronousCall`:
 * `CancellationScope.current()`, a helper whose body starts nothing).
 */
export function isWorkingExecutor(
  executor: TSESTree.Node | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
  types: TypeTier | undefined,
): boolean {
  if (!executor || !isFunctionNode(executor)) {
    return false;
  }
  if (executor.async) {
    return true;
  }
  const settlers = findSettlers(executor, sourceCode);
  let works = false;
  walkConstructionCode(executor.body, sourceCode.visitorKeys, (node) => {
    if (works) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (
        settlers.wrappers.has(node) ||
        isSubscriptionOfSettler(node, settlers, sourceCode) ||
        isSettlerSubscriptionOfPromise(node, settlers, sourceCode)
      ) {
        // emitter.once('close', resolve), closing.catch(reject): wiring a settler starts no work.
        return 'skip';
      }
      works = !isSettlerCall(node, settlers) && !(types && isSynchronousCall(types.tsNode(node) as ts.CallExpression, types));
    } else if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      works = true;
    }
    return works ? 'skip' : undefined;
  });
  return works;
}

/** Member names that settle when called on a wrapper of the settlers: `tracker.resolve(x)`, `d.rejectWith(e)`. */
const SETTLING_MEMBER = /resolve|reject/iu;

/**
 * The executor's settlers and what is derived from them, read from its own locals:
 * - wrappers: `const tracker = promiseTracker(resolve, reject)`, a call handed only settlers whose
 *   result is kept in a local used to settle and for nothing else (`tracker.resolve(x)`, `settle(x)`,
 *   `emitter.once('close', settle)`), or in a property named for it (`this.resolve = wrap(resolve)`).
 *   A timer or I/O given a settler is handed something else too (`setTimeout(resolve, ms)`,
 *   `fs.readFile(path, resolve)`), and one whose result is kept for something else
 *   (`const id = watchPosition(resolve, reject)`, then `clearWatch(id)`) is not a wrapper.
 * - listeners: `let onConnect; onConnect = (param) => { …; resolve(param) }`, a local every value
 *   of which is a function that settles.
 */
function findSettlers(executor: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Settlers {
  const params = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const callable = new Set(params);
  const holders = new Set<string>();
  const listeners = new Set<string>();
  const wrappers = new Set<TSESTree.CallExpression>();
  const locals = sourceCode
    .getScope(executor)
    .variables.filter((variable) => variable.defs.length > 0 && variable.defs.every((definition) => definition.type === 'Variable'));
  for (const variable of locals) {
    const writes = writtenValues(variable);
    const calls = writes.filter((write): write is TSESTree.CallExpression => isWrapperCall(write, params, sourceCode));
    const reads = variable.references.filter((reference) => !reference.writeExpr);
    if (writes.length > 0 && calls.length === writes.length && reads.length > 0 && reads.every((reference) => isSettlingUse(reference.identifier))) {
      callable.add(variable.name);
      holders.add(variable.name);
      calls.forEach((call) => wrappers.add(call));
    }
  }
  walkConstructionCode(executor.body, sourceCode.visitorKeys, (node) => {
    // this.resolve = this._convertValue(resolve)
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      SETTLING_MEMBER.test(getPropertyName(node.left) ?? '') &&
      isWrapperCall(skipTypeWrappers(node.right), params, sourceCode)
    ) {
      wrappers.add(skipTypeWrappers(node.right) as TSESTree.CallExpression);
    }
    return undefined;
  });
  const derived: Settlers = { callable, holders, listeners, wrappers };
  for (const variable of locals) {
    const writes = writtenValues(variable);
    if (writes.length > 0 && writes.every((write) => isFunctionNode(write) && isSettlerListener(write, derived, sourceCode))) {
      listeners.add(variable.name);
    }
  }
  return derived;
}

/** The values a local is given: its initialiser and what is assigned to it. */
function writtenValues(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  return variable.references.flatMap((reference) => (reference.writeExpr ? [skipTypeWrappers(reference.writeExpr)] : []));
}

/** `promiseTracker(resolve, reject)`, `this.wrap(resolve)`: a call handed only settlers, whose callee calls nothing. */
function isWrapperCall(
  node: TSESTree.Node,
  settlers: ReadonlySet<string>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.arguments.length > 0 &&
    node.arguments.every((argument) => argument.type === AST_NODE_TYPES.Identifier && settlers.has(argument.name)) &&
    !containsCall(node.callee, sourceCode)
  );
}

/**
 * A read of a wrapper's local that only settles: `t(x)`, `t.resolve(x)`, or `t` handed to a
 * subscription as its listener (`emitter.once('close', t)`). Anything else (`clearWatch(id)`,
 * `request.end()`) says the call's result is something other than a settler.
 */
function isSettlingUse(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    return parent.callee === identifier || isSubscribeCall(parent);
  }
  return (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === identifier &&
    SETTLING_MEMBER.test(getPropertyName(parent) ?? '') &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  );
}

/** `resolve(x)`, `settle(x)` (a wrapper's local), `tracker.resolve(x)`. */
function isSettlerCall(call: TSESTree.CallExpression, settlers: Settlers): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return settlers.callable.has(callee.name);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const object = skipTypeWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && settlers.holders.has(object.name) && SETTLING_MEMBER.test(getPropertyName(callee) ?? '');
}

/**
 * `emitter.once('close', resolve)`, `socket.on('error', (error) => reject(error))`: a call that
 * subscribes a listener that settles the promise to an event, with no other call in its arguments.
 * The promise is a deferred settled by the event; the listeners run later. `fs.readFile(path,
 * resolve)` is I/O, not a subscription.
 */
function isSubscriptionOfSettler(
  call: TSESTree.CallExpression,
  settlers: Settlers,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!isSubscribeCall(call)) {
    return false;
  }
  const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
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

/** `emitter.once(…)`, `transport.onopen(…)`: a call of a method that subscribes a listener. */
function isSubscribeCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  return method !== undefined && isSubscribeMethodName(method);
}

const CHAIN_METHODS = new Set(['catch', 'then']);

/**
 * `scope.cancelRequested.catch(reject)`, `this.ready.then(resolve, reject)`: settlers subscribed to
 * a promise that already exists (no call makes it), like a subscription to an event. The work, if
 * any, was started by whoever made that promise.
 */
function isSettlerSubscriptionOfPromise(
  call: TSESTree.CallExpression,
  settlers: Settlers,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(getPropertyName(callee) ?? '')) {
    return false;
  }
  if (call.arguments.length === 0 || !call.arguments.every((argument) => isSettlerListener(argument, settlers, sourceCode))) {
    return false;
  }
  const object = skipTypeWrappers(callee.object);
  return object.type === AST_NODE_TYPES.CallExpression
    ? isSettlerSubscriptionOfPromise(object, settlers, sourceCode)
    : !containsCall(object, sourceCode);
}

/**
 * `resolve`, a local listener that settles (`onConnect`), or a listener that settles:
 * `(error) => reject(error)`, `() => tracker.resolve(this)`. Listeners run later, on the event.
 */
function isSettlerListener(node: TSESTree.Node, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return settlers.callable.has(node.name) || settlers.listeners.has(node.name);
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
      settles = isSettlerCall(child, settlers);
    }
    return settles ? 'skip' : undefined;
  });
  return settles;
}
