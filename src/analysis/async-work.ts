import path from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getOutermostWrapper, getPropertyName, isFunctionNode, isGlobalReference, skipTypeWrappers, type FunctionNode } from '../utils/ast.js';
import { containsCall, isInvokedImmediately, walkConstructionCode } from './construction.js';
import type * as ts from 'typescript';

import { hasReadableBody, isInertCall } from './callee-work.js';
import { isWorkingExecutor } from './executor.js';
import type { TypeTier } from './types.js';

/** One expression that starts asynchronous work. */
export interface AsyncWork {
  /** The expression to report: the whole `.then()` chain, the IIFE call, the `new Promise`. */
  node: TSESTree.Node;
  /** How the message names it: `` `this.connect()` ``, `an async IIFE`. */
  label: string;
  /** The call whose name identifies the work (for allowlists), when there is one. */
  callee: TSESTree.Node | undefined;
  /** The expression is the argument of the constructor's `return`. */
  returned: boolean;
  /** What kind of work it is, for the fixes. */
  kind: 'asyncCallback' | 'call' | 'chain' | 'combinator' | 'iife' | 'promise';
}

/** What the finder needs to know about the class and file it looks in. */
export interface AsyncWorkFinder {
  sourceCode: Readonly<TSESLint.SourceCode>;
  types: TypeTier | undefined;
  /** `this.name()` (or `super.name()`) calls a method of the class or a same-file ancestor that returns a promise. */
  isPromiseMethod(name: string, viaSuper: boolean): boolean;
  /** `name()` calls a function of this module that returns a promise. */
  isPromiseFunction(callee: TSESTree.Identifier): boolean;
}

/** A call known to be safe: a name as written, or (type tier) where its function is declared. */
export type KnownSafeCall =
  | string
  | { from: 'file'; name: string | string[]; path?: string }
  | { from: 'lib'; name: string | string[] }
  | { from: 'package'; name: string | string[]; package: string };

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/**
 * Whether `node` itself starts async work, and which. It looks at this node only, not below it:
 * the caller walks the construction-time code and stops below a finding.
 */
export function findAsyncWork(
  node: TSESTree.Node,
  finder: AsyncWorkFinder,
  options?: { returned?: boolean },
): AsyncWork | undefined {
  const returned = options?.returned ?? false;
  const expression = returned ? skipTypeWrappers(node) : node;
  const found = classify(expression, finder, returned);
  return found ? { ...found, node, returned } : undefined;
}

function classify(
  node: TSESTree.Node,
  finder: AsyncWorkFinder,
  returned: boolean,
): Omit<AsyncWork, 'node' | 'returned'> | undefined {
  const { sourceCode, types } = finder;
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTypeWrappers(node.callee);
      // (async () => {})(), (async function () {}).call(this)
      const invoked = getInvokedFunction(node);
      if (invoked) {
        return invoked.async ? { label: 'an async IIFE', callee: undefined, kind: 'iife' } : undefined;
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getPropertyName(callee);
        if (method !== undefined && CHAIN_METHODS.has(method)) {
          // A chain on a call starts that call's work; on a stored promise it only marks it handled.
          const root = getChainRoot(node);
          if (root.type !== AST_NODE_TYPES.CallExpression && root.type !== AST_NODE_TYPES.NewExpression) {
            // this.ready.then(() => this.more()): no work of its own, but a callback that starts work
            // continues the initialisation once the promise settles, and nothing awaits that either.
            const continued = findContinuedWork(node, finder);
            return continued
              ? { label: `${continued.label} once \`${shorten(sourceCode.getText(root))}\` settles`, callee: continued.callee, kind: 'chain' }
              : undefined;
          }
          // Promise.resolve().then(…) defers its callback like queueMicrotask: no work starts here.
          // Promise.all([…]).then(…) starts work only when the combinator does.
          const rootCallee = root.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(root.callee) : undefined;
          if (rootCallee?.type === AST_NODE_TYPES.MemberExpression && isGlobalReference(rootCallee.object, 'Promise', sourceCode)) {
            const rootMethod = getPropertyName(rootCallee);
            if (rootMethod === undefined || !COMBINATORS.has(rootMethod) || !startsNewWork((root as TSESTree.CallExpression).arguments[0], sourceCode)) {
              return undefined;
            }
            return { label: `\`Promise.${rootMethod}(…)\``, callee: rootCallee, kind: 'chain' };
          }
          // With types, a chain on a deferred or a timer (`timeout(ms).catch(…)`) starts nothing either,
          // nor one on a call (typed `any`, as JavaScript's often are) whose function's body starts
          // nothing with what it is handed (`tracePromise(channel, () => deferred, …).catch(…)`).
          if (root.type === AST_NODE_TYPES.CallExpression && types && isInertChainRoot(root, types)) {
            return undefined;
          }
          // Where no body can be read, a helper handed a deferred (or a function that makes one) is
          // read as a wrapper of it: `tracePromise(channel, () => handshakeDone, context).catch(…)`.
          if (
            root.type === AST_NODE_TYPES.CallExpression &&
            isDeferredWrapperCall(root, finder) &&
            !(types && hasReadableBody(types.tsNode(root) as ts.CallExpression, types))
          ) {
            return undefined;
          }
          return { label: describe(root, sourceCode), callee: calleeOf(root), kind: 'chain' };
        }
        if (method !== undefined && COMBINATORS.has(method) && isGlobalReference(callee.object, 'Promise', sourceCode)) {
          return startsNewWork(node.arguments[0], sourceCode)
            ? { label: `\`Promise.${method}(…)\``, callee, kind: 'combinator' }
            : undefined;
        }
        if (isGlobalReference(callee.object, 'Promise', sourceCode)) {
          // Promise.resolve()/reject()/withResolvers() start no work; returned, they are the trick.
          return returned ? { label: `\`Promise.${method ?? 'resolve'}(…)\``, callee, kind: 'call' } : undefined;
        }
        // this.load(), super.load(), and this.load.call(this) / .apply(this, args)
        const target = getMethodTarget(callee);
        if (target && finder.isPromiseMethod(target.name, target.viaSuper)) {
          return { label: describe(node, sourceCode), callee, kind: 'call' };
        }
      }
      if (callee.type === AST_NODE_TYPES.Identifier && finder.isPromiseFunction(callee)) {
        return { label: describe(node, sourceCode), callee, kind: 'call' };
      }
      if (
        callee.type !== AST_NODE_TYPES.Super &&
        types &&
        mayReturnThenable(node, types, sourceCode) &&
        types.isThenable(node) &&
        !isInertCall(types.tsNode(node) as ts.CallExpression, types) &&
        !isPromiseAdapter(node, types)
      ) {
        return { label: describe(node, sourceCode), callee, kind: 'call' };
      }
      return undefined;
    }
    case AST_NODE_TYPES.NewExpression:
      return classifyNew(node, finder);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      // items.forEach(async (item) => …): each call starts work nobody awaits.
      return node.async && isInvokedImmediately(node) && !isCalleeOfCall(node)
        ? { label: 'an async callback', callee: undefined, kind: 'asyncCallback' }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * `new Promise(executor)`, or a thenable handed an executor that does work. Apart from
 * {@link classify}, whose every call (one per node of construction code) would otherwise allocate
 * the context this function's closure keeps.
 */
function classifyNew(node: TSESTree.NewExpression, finder: AsyncWorkFinder): Omit<AsyncWork, 'node' | 'returned'> | undefined {
  const { sourceCode, types } = finder;
  // An executor's calls the settlers cannot reach are judged as the constructor's own.
  const isWork = (call: TSESTree.CallExpression): boolean => classify(call, finder, false) !== undefined;
  if (isGlobalReference(node.callee, 'Promise', sourceCode)) {
    return isWorkingExecutor(node.arguments[0], sourceCode, types, isWork)
      ? { label: '`new Promise(…)`', callee: undefined, kind: 'promise' }
      : undefined;
  }
  // Constructing a thenable starts nothing by itself (a deferred such as `new ManualPromise()`,
  // a lazy query): its own constructor is checked where it is declared. It starts work here
  // when it is handed an executor that does work, as `new Promise(executor)` is.
  if (node.arguments.some((argument) => isWorkingExecutor(argument, sourceCode, types, isWork)) && types?.isThenable(node)) {
    return { label: describe(node, sourceCode), callee: node.callee, kind: 'call' };
  }
  return undefined;
}

/**
 * `tracePromise(channel, () => new Promise((resolve, reject) => { this.once('connect', resolve); … }),
 * context)`, `pTimeout(closed, ms)`: a call handed a promise that starts nothing (a deferred, settled
 * by events or by whoever holds its resolvers) or a function that makes one, and otherwise data and
 * functions that start nothing. Such a helper (tracing, a timeout, a retry, a queue) runs or watches
 * what it is handed, and what it returns settles as that promise does: a chain on it starts nothing,
 * as one on `Promise.all` over stored promises does not. Handed a timer's promise
 * (`withTimeout(url, () => new Promise((r) => setTimeout(r, ms)))`) or a function that does work,
 * it may be the work.
 */
function isDeferredWrapperCall(call: TSESTree.CallExpression, finder: AsyncWorkFinder): boolean {
  // A promise method of the class or function of the module is work of its own, whatever it is handed.
  const callee = skipTypeWrappers(call.callee);
  const target = callee.type === AST_NODE_TYPES.MemberExpression ? getMethodTarget(callee) : undefined;
  if ((target && finder.isPromiseMethod(target.name, target.viaSuper)) || (callee.type === AST_NODE_TYPES.Identifier && finder.isPromiseFunction(callee))) {
    return false;
  }
  let handedDeferred = false;
  for (const argument of call.arguments) {
    const value = skipTypeWrappers(argument);
    if (isFunctionNode(value)) {
      if (value.async || findStartedWork(value.body, finder)) {
        return false;
      }
      handedDeferred ||= returnsNewPromise(value, finder.sourceCode);
    } else if (value.type === AST_NODE_TYPES.NewExpression && isGlobalReference(value.callee, 'Promise', finder.sourceCode)) {
      if (classify(value, finder, false)) {
        return false;
      }
      handedDeferred = true;
    }
  }
  return handedDeferred;
}

/** The first work that code running now starts (functions defined in it run later and are not walked into). */
function findStartedWork(root: TSESTree.Node, finder: AsyncWorkFinder): Omit<AsyncWork, 'node' | 'returned'> | undefined {
  let found: Omit<AsyncWork, 'node' | 'returned'> | undefined;
  walkConstructionCode(root, finder.sourceCode.visitorKeys, (node) => {
    if (found) {
      return 'skip';
    }
    found = classify(node, finder, false);
    return found ? 'skip' : undefined;
  });
  return found;
}

/** `() => new Promise(…)`, `function () { return new Promise(…); }`: every value it returns is a `new Promise`. */
function returnsNewPromise(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const isNewPromise = (node: TSESTree.Node | null | undefined): boolean => {
    const value = node ? skipTypeWrappers(node) : undefined;
    return value?.type === AST_NODE_TYPES.NewExpression && isGlobalReference(value.callee, 'Promise', sourceCode);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isNewPromise(fn.body);
  }
  const statements = fn.body.body;
  const last = statements.at(-1);
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement &&
    isNewPromise(last.argument) &&
    statements.slice(0, -1).every((statement) => statement.type !== AST_NODE_TYPES.ReturnStatement)
  );
}

/**
 * The work the callbacks of a chain on a stored promise start when they run: an async callback, or
 * the first work an arrow callback's body starts (`() => this.more()`; a `function` callback has
 * another `this`). Callbacks that only record or report (`() => this.emit('ready')`) start none.
 */
function findContinuedWork(chain: TSESTree.CallExpression, finder: AsyncWorkFinder): { label: string; callee: TSESTree.Node | undefined } | undefined {
  for (let current: TSESTree.Node = chain; current.type === AST_NODE_TYPES.CallExpression; ) {
    const callee = skipTypeWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(getPropertyName(callee) ?? '')) {
      return undefined;
    }
    for (const argument of current.arguments) {
      const callback = skipTypeWrappers(argument);
      if (!isFunctionNode(callback)) {
        continue;
      }
      if (callback.async) {
        return { label: 'an async callback', callee: undefined };
      }
      if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
        continue;
      }
      const found = findStartedWork(callback.body, finder);
      if (found) {
        return { label: found.label, callee: found.callee };
      }
    }
    current = skipTypeWrappers(callee.object);
  }
  return undefined;
}

/** A call a chain starts from that starts nothing (the type tier): a thenable or an `any`, by its function. */
function isInertChainRoot(root: TSESTree.CallExpression, types: TypeTier): boolean {
  return (types.isThenable(root) || types.isUnknown(types.getType(root))) && isInertCall(types.tsNode(root) as ts.CallExpression, types);
}

/** The method a `this.name(…)`/`super.name(…)`/`this.name.call(…)` call runs, by name. */
function getMethodTarget(callee: TSESTree.MemberExpression): { name: string; viaSuper: boolean } | undefined {
  let member = callee;
  const outer = skipTypeWrappers(callee.object);
  const method = getPropertyName(callee);
  if ((method === 'call' || method === 'apply') && outer.type === AST_NODE_TYPES.MemberExpression) {
    member = outer;
  }
  const name = getPropertyName(member);
  const object = skipTypeWrappers(member.object);
  if (name === undefined || (object.type !== AST_NODE_TYPES.ThisExpression && object.type !== AST_NODE_TYPES.Super)) {
    return undefined;
  }
  return { name, viaSuper: object.type === AST_NODE_TYPES.Super };
}

/**
 * A cheap first look for the type tier: whether any signature of the callee may return a
 * thenable, read from the callee's declared signatures. Resolving the call itself
 * (`getTypeAtLocation(call)`) runs overload resolution and argument inference, which costs most of
 * a typed lint's time on ordinary sync calls (`Object.assign(…)`, `emitter.on(…)`). Calls of the
 * built-ins are decided by syntax, without the checker. A generic signature is decided from its
 * declared return type too (`on<K>(…): this`, `collection<T>(): Collection<T>`), unless that type is
 * one of its own type parameters (`assign<T, U>(…): T & U`): only then is the call resolved.
 */
function mayReturnThenable(call: TSESTree.CallExpression, types: TypeTier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (isKnownNonThenableCall(call, sourceCode)) {
    return false;
  }
  const { checker, tsutils } = types;
  const callNode = types.tsNode(call);
  const signatures = checker.getTypeAtLocation(types.tsNode(call.callee)).getCallSignatures();
  if (signatures.length === 0) {
    return true;
  }
  return signatures.some((signature) => {
    if (returnsNothing(signature.getDeclaration(), types)) {
      return false;
    }
    let returned = checker.getReturnTypeOfSignature(signature);
    const parameters = signature.getTypeParameters();
    if (parameters && parameters.length > 0 && mentionsTypeParameter(returned, parameters, tsutils)) {
      return true;
    }
    if (returned.isTypeParameter()) {
      // `this`-returning methods (`emitter.on(…)`): the class they return.
      const constraint = checker.getBaseConstraintOfType(returned);
      if (!constraint) {
        return true;
      }
      returned = constraint;
    }
    return !types.isUnknown(returned) && tsutils.isThenableType(checker, callNode, returned);
  });
}

/**
 * A call of a function that is handed a promise and returns a promise of what that one fulfils
 * with (`asCallback<T>(promise: Promise<T>, cb): Promise<T>`, `pTimeout<T>(p: Promise<T>, ms)`), read
 * from its generic signature: a chain on the promise it is handed, like `.then()`, so it starts no
 * work of its own; the promise handed to it is judged where it is made.
 */
function isPromiseAdapter(call: TSESTree.CallExpression, types: TypeTier): boolean {
  const { checker, tsutils } = types;
  const callNode = types.tsNode(call);
  const signatures = checker.getTypeAtLocation(types.tsNode(call.callee)).getCallSignatures();
  return (
    signatures.length > 0 &&
    signatures.every((signature) => {
      const parameters = signature.getTypeParameters() ?? [];
      const returned = checker.getReturnTypeOfSignature(signature);
      const fulfilled = tsutils.isTypeReference(returned) ? checker.getTypeArguments(returned)[0] : undefined;
      if (!fulfilled || !parameters.includes(fulfilled as ts.TypeParameter) || !tsutils.isThenableType(checker, callNode, returned)) {
        return false;
      }
      return signature.getParameters().some((parameter, index) => {
        const type = checker.getTypeOfSymbol(parameter);
        return (
          index < call.arguments.length &&
          tsutils.isTypeReference(type) &&
          checker.getTypeArguments(type)[0] === fulfilled &&
          tsutils.isThenableType(checker, callNode, type)
        );
      });
    })
  );
}

/**
 * A function of the program with no return type written and no `return` of a value in its body
 * (`start(): { this.timer = setInterval(…) }`): it returns `undefined`, read from the syntax, where
 * asking for its return type would check its whole body to infer it.
 */
function returnsNothing(declaration: ts.SignatureDeclaration | undefined, types: TypeTier): boolean {
  if (!declaration) {
    return false;
  }
  let known = returnsNothingCache.get(declaration);
  if (known === undefined) {
    known = hasNoReturnedValue(declaration, types.ts);
    returnsNothingCache.set(declaration, known);
  }
  return known;
}

/** Answers of `returnsNothing`, read from the syntax alone: one per declaration. */
const returnsNothingCache = new WeakMap<ts.SignatureDeclaration, boolean>();

function hasNoReturnedValue(declaration: ts.SignatureDeclaration, typescript: typeof ts): boolean {
  if (
    declaration.type !== undefined ||
    !typescript.isFunctionLike(declaration) ||
    !('body' in declaration) ||
    declaration.body === undefined ||
    declaration.asteriskToken !== undefined ||
    (typescript.getCombinedModifierFlags(declaration) & typescript.ModifierFlags.Async) !== 0 ||
    !typescript.isBlock(declaration.body)
  ) {
    return false;
  }
  // An explicit stack: the body may be any file's of the program, nested as deep as TypeScript parses.
  const stack: ts.Node[] = [declaration.body];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typescript.isReturnStatement(node)) {
      if (node.expression !== undefined) {
        return false;
      }
    } else if (!typescript.isFunctionLike(node) && !typescript.isClassLike(node)) {
      typescript.forEachChild(node, push);
    }
  }
  return true;
}

/** `T`, `T & U`, `T | undefined`: the type is (a union or intersection with) one of `parameters`. */
function mentionsTypeParameter(type: ts.Type, parameters: readonly ts.TypeParameter[], tsutils: TypeTier['tsutils']): boolean {
  return tsutils
    .unionTypeParts(type)
    .some((part) => tsutils.intersectionTypeParts(part).some((inner) => parameters.includes(inner as ts.TypeParameter)));
}

/** Global functions that never return a thenable (nor start work through one). */
const BUILTIN_FUNCTIONS = new Set([
  'BigInt',
  'Boolean',
  'clearImmediate',
  'clearInterval',
  'clearTimeout',
  'decodeURIComponent',
  'encodeURIComponent',
  'isFinite',
  'isNaN',
  'Number',
  'parseFloat',
  'parseInt',
  'queueMicrotask',
  'require',
  'setImmediate',
  'setInterval',
  'setTimeout',
  'String',
  'structuredClone',
  'Symbol',
]);
/** Global namespaces none of whose methods returns a thenable. */
const BUILTIN_NAMESPACES = new Set(['Array', 'Buffer', 'console', 'Date', 'JSON', 'Math', 'Number', 'Object', 'String', 'Symbol']);

/**
 * Methods taken for what their names say, without asking the checker: event subscriptions
 * (`emitter.on('error', …)` returns the emitter), `fn.bind(…)`, and the methods of strings and
 * arrays that no promise-returning API shares a name with (`toLowerCase`, `join`, `includes`).
 * Names that clients do use for async methods (`get`, `set`, `has`, `add`, `keys`, `find`, `map`)
 * are not here: those calls are asked about. Resolving the receiver's type is most of what a typed
 * question costs (`cursor.on(…)` on a generic cursor: inferring the cursor).
 */
const NON_THENABLE_METHODS = new Set([
  'addEventListener',
  'addListener',
  'bind',
  'charAt',
  'charCodeAt',
  'emit',
  'endsWith',
  'every',
  'forEach',
  'hasOwnProperty',
  'includes',
  'indexOf',
  'join',
  'lastIndexOf',
  'listenerCount',
  'off',
  'on',
  'once',
  'padEnd',
  'padStart',
  'prependListener',
  'prependOnceListener',
  'push',
  'ref',
  'removeAllListeners',
  'removeEventListener',
  'removeListener',
  'replace',
  'replaceAll',
  'setMaxListeners',
  'some',
  'split',
  'startsWith',
  'toFixed',
  'toLowerCase',
  'toString',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
  'unref',
  'unshift',
  'valueOf',
]);

/**
 * `Object.assign(…)`, `setTimeout(…)`, `emitter.on(…)`: a call of a built-in (a global, not
 * shadowed) that returns no thenable, or of a method whose name says it returns none.
 */
function isKnownNonThenableCall(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return BUILTIN_FUNCTIONS.has(callee.name) && isGlobalReference(callee, callee.name, sourceCode);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  if (method !== undefined && NON_THENABLE_METHODS.has(method)) {
    return true;
  }
  const object = skipTypeWrappers(callee.object);
  return (
    object.type === AST_NODE_TYPES.Identifier &&
    BUILTIN_NAMESPACES.has(object.name) &&
    // `Array.fromAsync(…)` returns a promise.
    getPropertyName(callee) !== 'fromAsync' &&
    isGlobalReference(object, object.name, sourceCode)
  );
}

/** `(fn)()`, `fn.call(…)`, `fn.apply(…)` where `fn` is a function literal: the literal. */
function getInvokedFunction(call: TSESTree.CallExpression): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.ArrowFunctionExpression || callee.type === AST_NODE_TYPES.FunctionExpression) {
    return callee;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(callee);
    const object = skipTypeWrappers(callee.object);
    if (
      (method === 'call' || method === 'apply') &&
      (object.type === AST_NODE_TYPES.ArrowFunctionExpression || object.type === AST_NODE_TYPES.FunctionExpression)
    ) {
      return object;
    }
  }
  return undefined;
}

function isCalleeOfCall(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) ||
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === fn)
  );
}

/** The expression a `.then()`/`.catch()`/`.finally()` chain starts from. */
export function getChainRoot(node: TSESTree.CallExpression): TSESTree.Node {
  let current: TSESTree.Node = node;
  for (;;) {
    const unwrapped = skipTypeWrappers(current);
    if (unwrapped.type !== AST_NODE_TYPES.CallExpression) {
      return unwrapped;
    }
    const callee = skipTypeWrappers(unwrapped.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return unwrapped;
    }
    const method = getPropertyName(callee);
    if (method === undefined || !CHAIN_METHODS.has(method)) {
      return unwrapped;
    }
    current = callee.object;
  }
}

function calleeOf(node: TSESTree.Node): TSESTree.Node | undefined {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression
    ? node.callee
    : undefined;
}

/** `Promise.all([...])` over calls (new work), not over promises already stored. */
function startsNewWork(argument: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!argument) {
    return false;
  }
  const node = skipTypeWrappers(argument);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.some((element) => {
      if (!element) {
        return false;
      }
      const inner = skipTypeWrappers(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
      return isCallLike(inner, sourceCode);
    });
  }
  return isCallLike(node, sourceCode);
}

function isCallLike(value: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let node = value;
  // Promise.all(this.subscriptions = items.map(async …)): the array it stores is the one awaited.
  while (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
    node = skipTypeWrappers(node.right);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // items.map((item) => item.ready) collects stored promises; items.map((item) => item.load()) starts work.
    const callback = node.arguments[0];
    if (isFunctionNode(callback) && isInvokedImmediately(callback) && !callback.async) {
      return containsCall(callback.body, sourceCode);
    }
    return true;
  }
  return node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression;
}


/** `` `this.connect()` ``: the callee as written (whitespace folded, long text cut), then `()`. */
function describe(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return `\`${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${shorten(sourceCode.getText(node.callee))}()\``;
}

/** Code as a message quotes it: whitespace folded, long text cut. */
function shorten(code: string): string {
  const text = code.replace(/\s+/gu, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The "ready promise" pattern: the work's promise is stored on `this` (`this.ready = work`, or
 * a field initialiser `ready = work`), where callers can await it.
 */
export function isReadyPromiseAssignment(node: TSESTree.Node): boolean {
  const current = getOutermostWrapper(node);
  const parent = current.parent;
  if (!parent) {
    return false;
  }
  if (
    (parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.AccessorProperty) &&
    parent.value === current
  ) {
    return true;
  }
  return (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === current &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.ThisExpression
  );
}

/** Whether the called function is on the allowlist. */
export function matchesKnownSafeCall(
  callee: TSESTree.Node,
  allowlist: readonly KnownSafeCall[],
  sourceCode: Readonly<TSESLint.SourceCode>,
  types: TypeTier | undefined,
): boolean {
  if (allowlist.length === 0) {
    return false;
  }
  let unwrapped = skipTypeWrappers(callee);
  // this.load.call(this) runs `load`
  if (unwrapped.type === AST_NODE_TYPES.MemberExpression && ['call', 'apply'].includes(getPropertyName(unwrapped) ?? '')) {
    const inner = skipTypeWrappers(unwrapped.object);
    if (inner.type === AST_NODE_TYPES.MemberExpression || inner.type === AST_NODE_TYPES.Identifier) {
      unwrapped = inner;
    }
  }
  const name =
    unwrapped.type === AST_NODE_TYPES.Identifier
      ? unwrapped.name
      : unwrapped.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(unwrapped)
        : undefined;
  const written = sourceCode.getText(unwrapped).replace(/\s+/gu, '');
  for (const entry of allowlist) {
    if (typeof entry === 'string') {
      if (entry === name || entry.replace(/\s+/gu, '') === written) {
        return true;
      }
      continue;
    }
    const names = Array.isArray(entry.name) ? entry.name : [entry.name];
    if (name === undefined || !names.includes(name)) {
      continue;
    }
    // Without types the name is all there is to go on.
    if (!types || isDeclaredAt(unwrapped, entry, types)) {
      return true;
    }
  }
  return false;
}

function isDeclaredAt(callee: TSESTree.Node, entry: Exclude<KnownSafeCall, string>, types: TypeTier): boolean {
  const { checker, program, ts } = types;
  const target =
    callee.type === AST_NODE_TYPES.MemberExpression ? types.tsNode(callee.property) : types.tsNode(callee);
  let symbol = checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  const declarations = symbol?.declarations ?? [];
  return declarations.some((declaration) => {
    const file = declaration.getSourceFile();
    const fileName = file.fileName.replaceAll('\\', '/');
    switch (entry.from) {
      case 'lib':
        return program.isSourceFileDefaultLibrary(file);
      case 'package': {
        const name = entry.package;
        return fileName.includes(`/node_modules/${name}/`) || fileName.includes(`/node_modules/@types/${name.replace(/^@(.*)\//u, '$1__')}/`);
      }
      case 'file': {
        if (program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file) || fileName.includes('/node_modules/')) {
          return false;
        }
        if (entry.path === undefined) {
          return true;
        }
        const root = program.getCurrentDirectory();
        return path.resolve(root, entry.path).replaceAll('\\', '/') === path.resolve(fileName).replaceAll('\\', '/');
      }
      default:
        return false;
    }
  });
}
