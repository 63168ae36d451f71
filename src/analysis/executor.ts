import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  findMembers,
  findVariable,
  getMemberFunction,
  getOutermostWrapper,
  getPropertyName,
  isClassNode,
  isFunctionNode,
  isSubscribeMethodName,
  skipTypeWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';
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
  /** The executor's `reject`: a settler that can only fail the promise, never fulfil it. */
  rejecting: ReadonlySet<string>;
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
  isConstructionWork: (call: TSESTree.CallExpression) => boolean,
): boolean {
  if (!executor || !isFunctionNode(executor)) {
    return false;
  }
  if (executor.async) {
    return true;
  }
  const settlers = findSettlers(executor, sourceCode);
  const reach = findSettlerReach(executor, settlers, sourceCode);
  let works = false;
  walkConstructionCode(executor.body, sourceCode.visitorKeys, (node) => {
    if (works) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (isWiring(node, settlers, sourceCode)) {
        // emitter.once('close', resolve), closing.catch(reject): wiring a settler starts no work.
        return 'skip';
      }
      if (isSettlerCall(node, settlers) || (types && isSynchronousCall(types.tsNode(node) as ts.CallExpression, types))) {
        return undefined;
      }
      // A call the settlers cannot reach does not settle the promise: it is construction code like
      // any other (`this.args = transformer(this.args)`), work only where it would be in the constructor.
      works = canSettle(node, settlers, reach, sourceCode) || isConstructionWork(node);
    } else if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression || node.type === AST_NODE_TYPES.AwaitExpression) {
      works = true;
    }
    return works ? 'skip' : undefined;
  });
  return works;
}

/**
 * Where the settlers go besides the executor's own calls: the `this` fields they are stored in
 * (`this.resolve = resolve`, `this.reject = (err) => reject(err)`), and whether they go anywhere else
 * (an outer variable, another object, an alias), where any code might reach them.
 */
interface SettlerReach {
  fields: ReadonlySet<string>;
  elsewhere: boolean;
  /** The objects the settlers are subscribed to, as written: `socket`, `this`. */
  targets: ReadonlySet<string>;
}

function isSettlerName(name: string, settlers: Settlers): boolean {
  return settlers.callable.has(name) || settlers.listeners.has(name);
}

function isWiring(call: TSESTree.CallExpression, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (
    settlers.wrappers.has(call) ||
    isSubscriptionOfSettler(call, settlers, sourceCode) ||
    isSettlerSubscriptionOfPromise(call, settlers, sourceCode)
  );
}

function findSettlerReach(executor: FunctionNode, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): SettlerReach {
  const fields = new Set<string>();
  const targets = new Set<string>();
  let elsewhere = false;
  walk(executor.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isSubscriptionOfSettler(node, settlers, sourceCode)) {
      targets.add(sourceCode.getText(skipTypeWrappers((skipTypeWrappers(node.callee) as TSESTree.MemberExpression).object)));
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
      const value = skipTypeWrappers(node.right);
      const stored =
        (value.type === AST_NODE_TYPES.Identifier && isSettlerName(value.name, settlers)) ||
        (value.type === AST_NODE_TYPES.CallExpression && settlers.wrappers.has(value)) ||
        (isFunctionNode(value) && isSettlerListener(value, settlers, sourceCode));
      if (stored) {
        const name = node.left.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node.left) : undefined;
        if (node.left.type === AST_NODE_TYPES.MemberExpression && node.left.object.type === AST_NODE_TYPES.ThisExpression && name !== undefined) {
          fields.add(name);
        } else if (!(node.left.type === AST_NODE_TYPES.Identifier && settlers.listeners.has(node.left.name))) {
          elsewhere = true;
        }
      }
    } else if (node.type === AST_NODE_TYPES.Identifier && isSettlerName(node.name, settlers) && !isSettlerNameInPlace(node)) {
      elsewhere = true;
    }
    return undefined;
  });
  return { fields, elsewhere, targets };
}

/**
 * A settler's name where it goes nowhere new: called, handed to a call (judged by that call), the
 * value of an assignment (judged above), a parameter or a local's own declaration.
 */
function isSettlerNameInPlace(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      // tracker.resolve(x): a holder's settling member; this.resolve: a property's name.
      return parent.object === identifier || (parent.property === identifier && !parent.computed);
    case AST_NODE_TYPES.Property:
      return parent.key === identifier && !parent.computed && !parent.shorthand;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === identifier || parent.left === identifier;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === identifier;
    default:
      return isFunctionNode(parent) && parent.params.includes(identifier);
  }
}

/**
 * Whether a call in the executor can settle the promise, so that it is the promise's work: it is
 * handed a settler (outside wiring it is handed: `untrackPromise(scope.done.catch(reject))` is
 * handed a promise), a callback, `this`, or an object the settlers are subscribed to
 * (`sendHello(socket)`); it is a method of another object made for its effect
 * (`transport.send(message)`, which may route a reply to them) or of an object the settlers are
 * subscribed to, or of the class where the class is subscribed to or the method reads the fields
 * the settlers are stored in (through the methods it calls); the settlers went somewhere any call
 * may reach; or what it returns is what settles the promise: handed to a settler
 * (`resolve(fetch(url))`), the event source the settlers are subscribed to (`const request =
 * http.get(url); request.on('response', resolve)`), or holding a promise chained to a settler
 * that fulfils it. What is left is a plain function handed data (`this.args =
 * transformer(this.args)`) or another object's method made for a value that cannot fulfil the
 * promise (`CancellationScope.current()`): construction code like the constructor's own.
 */
function canSettle(
  call: TSESTree.CallExpression,
  settlers: Settlers,
  reach: SettlerReach,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (reach.elsewhere) {
    return true;
  }
  for (const argument of call.arguments) {
    let handed = false;
    walk(argument, sourceCode.visitorKeys, (node) => {
      if (handed) {
        return 'skip';
      }
      if (node.type === AST_NODE_TYPES.CallExpression && isWiring(node, settlers, sourceCode)) {
        return 'skip';
      }
      handed =
        (node.type === AST_NODE_TYPES.Identifier && isSettlerName(node.name, settlers)) ||
        isFunctionNode(node) ||
        (node.type === AST_NODE_TYPES.ThisExpression && !isObjectOfMember(node)) ||
        reach.targets.has(sourceCode.getText(node));
      return handed ? 'skip' : undefined;
    });
    if (handed) {
      return true;
    }
  }
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(callee.object);
    if (object.type !== AST_NODE_TYPES.ThisExpression) {
      // Made for its effect (`transport.send(message)`), it may start what a reply routes to the
      // settlers; made for its value (`const scope = CancellationScope.current()`, then only its
      // members read), it is judged by what that value reaches, as a plain function's is.
      // A method of an object the settlers are subscribed to may fire their event (`socket.write(…)`).
      return reach.targets.has(sourceCode.getText(object)) || !isLookedUp(call, sourceCode) || resultSettles(call, settlers, sourceCode);
    }
    const name = getPropertyName(callee);
    const owner = findEnclosingClass(call);
    if (reach.targets.has('this') || name === undefined || !owner || methodReaches(owner, name, reach.fields, sourceCode)) {
      return true;
    }
  } else if (callee.type !== AST_NODE_TYPES.Identifier && !isIndirectFunction(callee)) {
    return true;
  }
  return resultSettles(call, settlers, sourceCode);
}

/** `(0, utils_1.toArg)`: how compiled modules call an imported function, a plain function call. */
function isIndirectFunction(callee: TSESTree.Node): boolean {
  return callee.type === AST_NODE_TYPES.SequenceExpression && callee.expressions.length === 2 && callee.expressions[0]?.type === AST_NODE_TYPES.Literal;
}

function isObjectOfMember(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node;
}

function findEnclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isClassNode(current)) {
      return current;
    }
  }
  return undefined;
}

/**
 * Whether `this.name()` may reach the settlers stored in `fields`: the method (one of the class,
 * not inherited) reads one of them, hands `this` on, calls `super`, or calls a method that may.
 * The methods it calls are read from a worklist, each once (a chain of any length, cycles too).
 */
function methodReaches(owner: ClassNode, name: string, fields: ReadonlySet<string>, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const seen = new Set<string>([name]);
  const pending = [name];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    const members = findMembers(owner, current);
    if (members.length === 0) {
      return true;
    }
    for (const member of members) {
      const fn = getMemberFunction(member);
      if (!fn || !fn.body) {
        return true;
      }
      let reaches = false;
      walk(fn.body, sourceCode.visitorKeys, (node) => {
        if (reaches) {
          return 'skip';
        }
        if (node.type === AST_NODE_TYPES.Super) {
          reaches = true;
        } else if (node.type === AST_NODE_TYPES.CallExpression) {
          // Another object's method (`this.emitter.emit('started')`) may settle; so may a function
          // handed a callback or `this`. A plain function handed data (`toArg(arg)`) does not.
          const callee = skipTypeWrappers(node.callee);
          reaches =
            (callee.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression) ||
            node.arguments.some((argument) => isFunctionNode(argument) || argument.type === AST_NODE_TYPES.ThisExpression);
        } else if (node.type === AST_NODE_TYPES.ThisExpression) {
          const access = node.parent;
          const field = access.type === AST_NODE_TYPES.MemberExpression && access.object === node ? getPropertyName(access) : undefined;
          reaches = field === undefined || fields.has(field);
          if (!reaches && access.parent?.type === AST_NODE_TYPES.CallExpression && access.parent.callee === access && !seen.has(field!)) {
            // `this.other()`: read in its turn.
            seen.add(field!);
            pending.push(field!);
          }
        }
        return reaches ? 'skip' : undefined;
      });
      if (reaches) {
        return true;
      }
    }
  }
  return false;
}

/**
 * What the call returns settles the promise: it is handed to a settler (`resolve(fetch(url))`,
 * through a chain on it), or kept in a local that is handed to one or that the settlers are
 * subscribed to (`request.on('response', resolve)`, `socket.onopen = () => resolve()`), or whose
 * member is a promise chained to a settler that fulfils it (`conn.ready.then(resolve, reject)`). A
 * local whose members' promise can only reject it (`scope.cancelRequested.catch(reject)`) is looked
 * up, not what settles it.
 */
function resultSettles(call: TSESTree.CallExpression, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let value: TSESTree.Node = call;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.MemberExpression || value.parent.type === AST_NODE_TYPES.CallExpression) && !(value.parent.type === AST_NODE_TYPES.CallExpression && value.parent.arguments.includes(value as TSESTree.Expression))) {
    value = value.parent;
  }
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && isSettlerCall(parent, settlers)) {
    return true;
  }
  let local: TSESTree.Identifier | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    local = parent.id;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.left.type === AST_NODE_TYPES.Identifier) {
    local = parent.left;
  }
  if (!local) {
    return false;
  }
  const variable = findVariable(local, sourceCode);
  if (!variable) {
    return true;
  }
  return variable.references.some((reference) => {
    if (reference.writeExpr) {
      return false;
    }
    const read = reference.identifier;
    const use = read.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression) {
      return use.arguments.includes(read as TSESTree.Expression) && isSettlerCall(use, settlers);
    }
    if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== read) {
      return false;
    }
    const outer = use.parent;
    if (outer?.type === AST_NODE_TYPES.CallExpression && outer.callee === use) {
      return outer.arguments.some((argument) => isSettlerListener(argument, settlers, sourceCode));
    }
    if (isMemberPromiseFulfilling(use, settlers, sourceCode)) {
      return true;
    }
    return (
      outer?.type === AST_NODE_TYPES.AssignmentExpression &&
      outer.left === use &&
      isSettlerListener(skipTypeWrappers(outer.right), settlers, sourceCode)
    );
  });
}

/**
 * `conn.ready.then(resolve, reject)`: a promise the value holds, chained to a settler that fulfils
 * the promise, so that the call that made the value is what settles it. One chained only to
 * `reject` (`scope.cancelRequested.catch(reject)`, a cancellation) can fail the promise but not
 * fulfil it: what fulfils it is elsewhere (`this.resolve = resolve`).
 */
function isMemberPromiseFulfilling(member: TSESTree.MemberExpression, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let top: TSESTree.Node = member;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top && top.parent.parent.type !== AST_NODE_TYPES.CallExpression) {
    top = top.parent;
  }
  const method = top.parent;
  const call = method?.parent;
  return (
    method?.type === AST_NODE_TYPES.MemberExpression &&
    method.object === top &&
    CHAIN_METHODS.has(getPropertyName(method) ?? '') &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === method &&
    call.arguments.some((argument) => isSettlerListener(argument, settlers, sourceCode) && !isRejectingListener(argument, settlers, sourceCode))
  );
}

/** `reject`, `(error) => reject(error)`: a listener whose every settling call rejects. */
function isRejectingListener(node: TSESTree.Node, settlers: Settlers, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return settlers.rejecting.has(node.name);
  }
  let fulfils = false;
  walk(node, sourceCode.visitorKeys, (child) => {
    if (fulfils) {
      return 'skip';
    }
    if (child.type === AST_NODE_TYPES.CallExpression && isSettlerCall(child, settlers)) {
      const callee = skipTypeWrappers(child.callee);
      fulfils = !(callee.type === AST_NODE_TYPES.Identifier && settlers.rejecting.has(callee.name));
    }
    return fulfils ? 'skip' : undefined;
  });
  return !fulfils;
}

/**
 * `const scope = CancellationScope.current()`, the local then only read for its members
 * (`scope.cancellable`, `scope.cancelRequested.catch(reject)`): a call made for its value, not for
 * its effect. Each call on its members is judged on its own. One kept but never read
 * (`const queued = socket.write('ping')`) was made for its effect.
 */
function isLookedUp(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const value = getOutermostWrapper(call);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const variable = findVariable(declarator.id, sourceCode);
  const reads = variable?.references.filter((reference) => reference.init !== true) ?? [];
  return (
    variable !== null &&
    variable.defs.length === 1 &&
    reads.length > 0 &&
    reads.every((reference) => !reference.writeExpr && isObjectOfMember(reference.identifier))
  );
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
  const reject = executor.params[1];
  const rejecting = new Set(reject?.type === AST_NODE_TYPES.Identifier ? [reject.name] : []);
  const derived: Settlers = { callable, holders, listeners, wrappers, rejecting };
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
  // Down the chain link by link (a loop: a generated chain can be thousands of links long).
  for (let current = call; ; ) {
    const callee = skipTypeWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(getPropertyName(callee) ?? '')) {
      return false;
    }
    if (current.arguments.length === 0 || !current.arguments.every((argument) => isSettlerListener(argument, settlers, sourceCode))) {
      return false;
    }
    const object = skipTypeWrappers(callee.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) {
      return !containsCall(object, sourceCode);
    }
    current = object;
  }
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
