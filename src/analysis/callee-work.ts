import type * as ts from 'typescript';

import { SUBSCRIBE_METHODS } from '../utils/ast.js';
import { solveDepthFirst } from '../utils/depth-first.js';
import type { TypeTier } from './types.js';

/**
 * Whether a call that returns a thenable starts nothing (the type tier): deferreds and timers made
 * by helpers in other modules. Read from the callee's declaration where its body is in the program,
 * from the call's type where it is not (a package's `.d.ts`).
 */

/** One answer per function declaration per program (the per-callee cache). */
const inertByProgram = new WeakMap<ts.Program, WeakMap<FunctionWithBody, boolean>>();

/**
 * The questions below are generators: where an answer needs to know whether another function of
 * the program starts nothing (a helper calling a helper calling a helper …), they yield that
 * function and receive the answer, which `isInert` finds depth-first on an explicit stack. A chain
 * of helpers of any length is read without recursing once per link.
 */
type Steps = Generator<FunctionWithBody, boolean, boolean>;

/** Runs a question, answering each function it asks about. */
function run(steps: Steps, types: TypeTier): boolean {
  let answer = false;
  for (;;) {
    const step = steps.next(answer);
    if (step.done) {
      return step.value;
    }
    answer = isInert(step.value, types);
  }
}

/** The function starts nothing when called: solved once per function (cycle-safe: a function met again while judged does work). */
function isInert(fn: FunctionWithBody, types: TypeTier): boolean {
  let cache = inertByProgram.get(types.program);
  if (!cache) {
    cache = new WeakMap();
    inertByProgram.set(types.program, cache);
  }
  return solveDepthFirst(fn, cache, false, (next) => inertFunctionSteps(next, types));
}

/**
 * Whether `call`, whose type is a thenable, starts nothing: its function's body (in the program)
 * only builds promises settled by the resolvers it hands out, by events or by a timer
 * (`deferred<T>()`, `timeout(ms)`); or, with no body to read, its type is a deferred: a thenable
 * that also carries `resolve` and `reject`. A look-alike that does I/O first (`connect()` opening a
 * socket, then returning a deferred) starts work.
 */
export function isInertCall(call: ts.CallExpression, types: TypeTier): boolean {
  return run(inertCallSteps(call, types), types);
}

function* inertCallSteps(call: ts.CallExpression, types: TypeTier): Steps {
  const traced = getTracedFunction(call, types, NO_BINDINGS);
  if (traced !== undefined) {
    return traced !== null && (yield* inertFunctionValueSteps(traced, types));
  }
  const implementation = getImplementation(call, types);
  if (implementation) {
    return yield* inertCallOfSteps(implementation, call, types, new Set());
  }
  if (implementation === null) {
    return false;
  }
  return isDeferredType(types.checker.getTypeAtLocation(call), types);
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/** Whether the function a call runs has its body in the program, for `isInertCall` to read. */
export function hasReadableBody(call: ts.CallExpression, types: TypeTier): boolean {
  return getTracedFunction(call, types, NO_BINDINGS) !== undefined || Boolean(getImplementation(call, types));
}

/**
 * The function a call runs, with its body, when that body is in the program's own source (not a
 * declaration file); `undefined` when there is none to read (a `.d.ts`, a lib); `null` when the
 * callee cannot be told (an overloaded or computed callee whose implementation is not found).
 */
function getImplementation(call: ts.CallExpression, types: TypeTier): FunctionWithBody | null | undefined {
  const { checker, ts: typescript } = types;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || typescript.isJSDocSignature(declaration)) {
    return undefined;
  }
  if (declaration.getSourceFile().isDeclarationFile) {
    return undefined;
  }
  if (hasBody(declaration, typescript)) {
    return declaration;
  }
  // An overload signature: the implementation is the declaration of the same symbol with a body.
  const name = declaration.name;
  const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
  const implementation = symbol?.declarations?.find((candidate): candidate is FunctionWithBody => hasBody(candidate, typescript));
  return implementation ?? null;
}

function hasBody(node: ts.Node, typescript: typeof ts): node is FunctionWithBody {
  return typescript.isFunctionLike(node) && 'body' in node && node.body !== undefined;
}

/** The function starts nothing when called, whatever it is handed (`isInert`'s question for one function). */
function* inertFunctionSteps(fn: FunctionWithBody, types: TypeTier): Steps {
  const { ts: typescript } = types;
  const isAsync = typescript.getCombinedModifierFlags(fn) & typescript.ModifierFlags.Async;
  return !isAsync && fn.asteriskToken === undefined && !(yield* startsWorkSteps(fn.body, new Set(), types, NO_BINDINGS, new Set()));
}

/**
 * The parameters of a function judged for one call, bound to what that call hands them: a
 * higher-order helper runs what it is given (`fn()` in `tracePromise(channel, fn, context)`).
 */
type Bindings = ReadonlyMap<ts.Symbol, ts.Expression>;
const NO_BINDINGS: Bindings = new Map();

/**
 * How many helpers, each handed a function by the one before, are judged with their parameters
 * bound before the answer is taken to be "starts nothing" (no report): each is read inside the
 * last one's reading, so this bounds how deep that nesting goes.
 */
const MAX_BOUND_HELPERS = 32;

/**
 * Whether this call of `fn` starts nothing: `fn` starts nothing whatever it is handed, or it is
 * handed functions (`() => new Promise(…)`) and, with its parameters bound to what this call hands
 * them, its body starts nothing. The second answer belongs to this call and is not cached.
 * `judged`: the functions being judged with their parameters bound around this call, so that a
 * recursive helper ends.
 */
function* inertCallOfSteps(fn: FunctionWithBody, call: ts.CallExpression, types: TypeTier, judged: ReadonlySet<ts.Node>): Steps {
  if (yield fn) {
    return true;
  }
  const { ts: typescript } = types;
  if (
    judged.has(fn) ||
    typescript.getCombinedModifierFlags(fn) & typescript.ModifierFlags.Async ||
    fn.asteriskToken !== undefined ||
    call.arguments.some((argument) => typescript.isSpreadElement(argument)) ||
    !call.arguments.some((argument) => typescript.isArrowFunction(argument) || typescript.isFunctionExpression(argument))
  ) {
    return false;
  }
  if (judged.size >= MAX_BOUND_HELPERS) {
    return true;
  }
  return !(yield* startsWorkSteps(fn.body, new Set(), types, bindParameters(fn, call, types), new Set([...judged, fn])));
}

/** Each plain parameter of `fn` that its body never reassigns, bound to the argument `call` hands it. */
function bindParameters(fn: FunctionWithBody, call: ts.CallExpression, types: TypeTier): Bindings {
  const { checker, ts: typescript } = types;
  const reassigned = new Set<string>();
  // An explicit stack: the body may be nested as deep as TypeScript parses.
  const stack: ts.Node[] = [fn.body];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (
      typescript.isBinaryExpression(node) &&
      node.operatorToken.kind >= typescript.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= typescript.SyntaxKind.LastAssignment &&
      typescript.isIdentifier(node.left)
    ) {
      reassigned.add(node.left.text);
    }
    typescript.forEachChild(node, push);
  }
  const bindings = new Map<ts.Symbol, ts.Expression>();
  fn.parameters.forEach((parameter, index) => {
    const argument = call.arguments[index];
    const symbol = typescript.isIdentifier(parameter.name) ? checker.getSymbolAtLocation(parameter.name) : undefined;
    if (argument && symbol && parameter.dotDotDotToken === undefined && !reassigned.has(symbol.name)) {
      bindings.set(symbol, argument);
    }
  });
  return bindings;
}

/** What a parameter of the function being judged is bound to, when `node` names one. */
function getBound(node: ts.Expression, bindings: Bindings, types: TypeTier): ts.Expression | undefined {
  if (bindings.size === 0 || !types.ts.isIdentifier(node)) {
    return undefined;
  }
  const symbol = types.checker.getSymbolAtLocation(node);
  return symbol && bindings.get(symbol);
}

/**
 * A function value that starts nothing when called: a function literal (not async) whose body
 * starts nothing, a function declared with such a body, or a parameter bound to one.
 */
function* inertFunctionValueSteps(expression: ts.Expression, types: TypeTier, bindings: Bindings = NO_BINDINGS): Steps {
  const { checker, ts: typescript } = types;
  const node = skipParentheses(expression, typescript);
  const bound = getBound(node, bindings, types);
  if (bound) {
    // What a call hands a helper is read where it is written, with no bindings of its own.
    return yield* inertFunctionValueSteps(bound, types);
  }
  if (typescript.isArrowFunction(node) || typescript.isFunctionExpression(node)) {
    return yield node;
  }
  let symbol = typescript.isIdentifier(node) ? checker.getSymbolAtLocation(node) : undefined;
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  const declaration = symbol?.valueDeclaration;
  return declaration !== undefined && typescript.isFunctionDeclaration(declaration) && hasBody(declaration, typescript) && (yield declaration);
}

/**
 * Methods of `node:diagnostics_channel`'s `TracingChannel` that run their first argument now and
 * publish its start and end to the channel's subscribers, starting nothing else
 * (`connectChannel.tracePromise(() => handshakeDone, context)`): the tracing libraries add around
 * their work.
 */
const TRACING_METHODS = new Set(['traceCallback', 'tracePromise', 'traceSync']);

/** The function a `TracingChannel` method call runs: `undefined` when the call is none, `null` when it is handed none. */
function getTracedFunction(call: ts.CallExpression, types: TypeTier, bindings: Bindings): ts.Expression | null | undefined {
  const { ts: typescript } = types;
  const callee = skipParentheses(call.expression, typescript);
  if (!typescript.isPropertyAccessExpression(callee) || !TRACING_METHODS.has(callee.name.text)) {
    return undefined;
  }
  const object = skipParentheses(callee.expression, typescript);
  if (!isTracingChannelMethod(getBound(object, bindings, types) ?? object, callee.name.text, types)) {
    return undefined;
  }
  return call.arguments[0] ?? null;
}

function isTracingChannelMethod(receiver: ts.Expression, method: string, types: TypeTier): boolean {
  const { checker, ts: typescript } = types;
  const property = checker.getPropertyOfType(checker.getNonNullableType(checker.getTypeAtLocation(receiver)), method);
  return (property?.declarations ?? []).some((declaration) => {
    const owner = declaration.parent;
    if (!declaration.getSourceFile().isDeclarationFile || !(typescript.isClassDeclaration(owner) || typescript.isInterfaceDeclaration(owner)) || owner.name?.text !== 'TracingChannel') {
      return false;
    }
    let module: ts.Node | undefined = owner.parent;
    while (module && !typescript.isModuleDeclaration(module)) {
      module = module.parent;
    }
    return module !== undefined && typescript.isStringLiteral(module.name) && /^(?:node:)?diagnostics_channel$/u.test(module.name.text);
  });
}

/** Globals whose calls start nothing (their callbacks, if any, run later or not at all). */
const INERT_GLOBAL_FUNCTIONS = new Set([
  'clearInterval',
  'clearTimeout',
  'Boolean',
  'Number',
  'setInterval',
  'setTimeout',
  'String',
  'Symbol',
]);
/** Global namespaces whose every method starts nothing and runs no callback now. */
const INERT_GLOBAL_NAMESPACES = new Set(['JSON', 'Math', 'Object']);
const INERT_GLOBAL_METHODS: Record<string, ReadonlySet<string>> = {
  Array: new Set(['isArray', 'of']),
  Date: new Set(['now']),
  Promise: new Set(['reject', 'resolve', 'withResolvers']),
  Symbol: new Set(['for']),
};
/** Globals that `new` builds without starting anything. */
const INERT_GLOBAL_CLASSES = new Set([
  'AbortController',
  'Array',
  'Date',
  'Error',
  'Map',
  'Object',
  'RangeError',
  'Set',
  'TypeError',
  'WeakMap',
  'WeakRef',
  'WeakSet',
]);
/** Methods of the built-in collections that only store (no callback runs). */
const STORING_METHODS = new Set(['add', 'clear', 'delete', 'push', 'set', 'unshift']);
const COLLECTIONS = new Set(['Array', 'Map', 'Set', 'WeakMap', 'WeakSet']);
const CHAIN_METHODS = new Set(['catch', 'finally', 'then']);

/**
 * Whether code that runs now (functions defined here run later and are not walked into) starts
 * work. `settlers` are the resolvers of the executors around it: calling them is settling. Walked
 * on an explicit stack, executors' bodies included (each with its own settlers added).
 */
function* startsWorkSteps(
  root: ts.Node,
  settlers: ReadonlySet<string>,
  types: TypeTier,
  bindings: Bindings,
  judged: ReadonlySet<ts.Node>,
): Steps {
  const { ts: typescript } = types;
  const stack: { node: ts.Node; settlers: ReadonlySet<string> }[] = [{ node: root, settlers }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node } = entry;
    const push = (child: ts.Node): void => {
      stack.push({ node: child, settlers: entry!.settlers });
    };
    if (typescript.isFunctionLike(node) || typescript.isClassLike(node)) {
      continue;
    }
    if (
      typescript.isAwaitExpression(node) ||
      typescript.isYieldExpression(node) ||
      typescript.isTaggedTemplateExpression(node)
    ) {
      return true;
    }
    if (typescript.isCallExpression(node)) {
      if (!(yield* inertCallHereSteps(node, entry.settlers, types, bindings, judged))) {
        return true;
      }
      // The callee's own parts (`a.b()` in `a.b().c()`) and the arguments still run now (pushed
      // last first, so they are read in source order).
      [...node.arguments].reverse().forEach(push);
      if (typescript.isPropertyAccessExpression(node.expression)) {
        push(node.expression.expression);
      }
      continue;
    }
    if (typescript.isNewExpression(node)) {
      const executor = getInertNew(node, types);
      if (executor === false) {
        return true;
      }
      (node.arguments?.filter((argument) => argument !== executor) ?? []).reverse().forEach(push);
      if (executor !== undefined) {
        // An executor that does work: async, or calling something other than its resolvers, listeners and timers.
        if (!typescript.isArrowFunction(executor) && !typescript.isFunctionExpression(executor)) {
          return true;
        }
        if (typescript.getCombinedModifierFlags(executor) & typescript.ModifierFlags.Async || executor.asteriskToken) {
          return true;
        }
        const inner = new Set(entry.settlers);
        for (const parameter of executor.parameters) {
          if (typescript.isIdentifier(parameter.name)) {
            inner.add(parameter.name.text);
          }
        }
        stack.push({ node: executor.body, settlers: inner });
      }
      continue;
    }
    const children: ts.Node[] = [];
    typescript.forEachChild(node, (child) => {
      children.push(child);
    });
    children.reverse().forEach(push);
  }
  return false;
}

/** Whether this call, by itself, starts nothing (its arguments are judged by the caller). */
function* inertCallHereSteps(
  call: ts.CallExpression,
  settlers: ReadonlySet<string>,
  types: TypeTier,
  bindings: Bindings,
  judged: ReadonlySet<ts.Node>,
): Steps {
  const { ts: typescript, checker } = types;
  if (call.expression.kind === typescript.SyntaxKind.ImportKeyword) {
    return false;
  }
  const callee = skipParentheses(call.expression, typescript);
  if (typescript.isIdentifier(callee)) {
    if (settlers.has(callee.text) || (INERT_GLOBAL_FUNCTIONS.has(callee.text) && isAmbient(callee, types))) {
      return true;
    }
    // `fn()` in a helper that was handed `fn`: what it was handed decides.
    const bound = getBound(callee, bindings, types);
    if (bound) {
      return yield* inertFunctionValueSteps(bound, types);
    }
  } else if (typescript.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const object = skipParentheses(callee.expression, typescript);
    if (typescript.isIdentifier(object) && isAmbient(object, types)) {
      if (INERT_GLOBAL_NAMESPACES.has(object.text) || INERT_GLOBAL_METHODS[object.text]?.has(method)) {
        return true;
      }
    }
    // `d.catch(() => {})`: a chain on a stored promise only marks it handled; its callbacks run later.
    if (CHAIN_METHODS.has(method) && !typescript.isCallExpression(getChainRoot(object, typescript)) && !typescript.isNewExpression(object)) {
      return true;
    }
    // `channel.tracePromise(fn, context)`: runs `fn` now, and tells the tracer.
    const traced = getTracedFunction(call, types, bindings);
    if (traced !== undefined) {
      return traced !== null && (yield* inertFunctionValueSteps(traced, types, bindings));
    }
    // `socket.addEventListener('close', () => resolve())`: a listener runs on the event, later.
    if ((SUBSCRIBE_METHODS.has(method) || /^on[A-Z]/u.test(method)) && call.arguments.some((argument) => isListener(argument, settlers, types))) {
      return true;
    }
  }
  // `pending.push(d)`: a built-in collection storing a value, no callback.
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (
    declaration &&
    typescript.isMethodSignature(declaration) &&
    declaration.getSourceFile().isDeclarationFile &&
    typescript.isInterfaceDeclaration(declaration.parent) &&
    COLLECTIONS.has(declaration.parent.name.text) &&
    typescript.isIdentifier(declaration.name) &&
    STORING_METHODS.has(declaration.name.text)
  ) {
    return true;
  }
  // A helper of the program that starts nothing itself (`timeout()` built on `deferred()`).
  const implementation = getImplementation(call, types);
  return implementation ? yield* inertCallOfSteps(implementation, call, types, judged) : computesValue(call, types);
}

/**
 * Whether a call that a `new Promise` executor makes, and that the syntax could not place, starts
 * nothing (the type tier): it is handed no function (a timer or I/O given a settler stays work, as
 * the syntax has it), and its function's body in the program starts nothing, or, with no body to
 * read, it computes a value (`computesValue`): `CancellationScope.current()`, `untrackPromise(p)`.
 */
export function isSynchronousCall(call: ts.CallExpression, types: TypeTier): boolean {
  return !passesFunction(call, types) && run(inertCallHereSteps(call, new Set(), types, NO_BINDINGS, new Set()), types);
}

/** Properties that make an object an event source: what it does is told through listeners. */
const EVENT_SOURCE_MEMBERS = ['addEventListener', 'addListener', 'on', 'once'];

/**
 * A call with no body to read (a lib's, a package's \`.d.ts\`, an interface's method) that, by its
 * signature, only computes a value now: it is handed no function, it returns a value that is neither
 * a thenable nor an event source, and it is not a method of an event source
 * (\`storage.getStore()\`, \`BigInt(n).toString()\`). A call made for its effect
 * (\`transport.send(message): void\`), I/O told through events (\`socket.connect(port)\`,
 * \`ws.send(data)\`, \`http.request(options)\`), and a call of \`any\` (nothing is known of it) may
 * start work.
 */
function computesValue(call: ts.CallExpression, types: TypeTier): boolean {
  const { checker, ts: typescript, tsutils } = types;
  if (checker.getResolvedSignature(call)?.declaration === undefined || passesFunction(call, types)) {
    return false;
  }
  const returned = tsutils
    .unionTypeParts(checker.getTypeAtLocation(call))
    .filter((part) => !tsutils.isIntrinsicNullType(part) && !tsutils.isIntrinsicUndefinedType(part));
  const isValue = (part: ts.Type): boolean =>
    !types.isUnknown(part) &&
    (part.flags & (typescript.TypeFlags.Void | typescript.TypeFlags.Never)) === 0 &&
    !tsutils.isThenableType(checker, call, part) &&
    !isEventSource(part, types);
  if (returned.length === 0 || !returned.every(isValue)) {
    return false;
  }
  const callee = skipParentheses(call.expression, typescript);
  if (typescript.isPropertyAccessExpression(callee) || typescript.isElementAccessExpression(callee)) {
    const receiver = checker.getTypeAtLocation(callee.expression);
    return !types.isUnknown(receiver) && !isEventSource(receiver, types);
  }
  return true;
}

/** A function literal or a value of a function type is among the arguments, or a parameter takes one (a callback API). */
function passesFunction(call: ts.CallExpression, types: TypeTier): boolean {
  const { checker, ts: typescript, tsutils } = types;
  const isCallable = (type: ts.Type): boolean => tsutils.unionTypeParts(type).some((part) => part.getCallSignatures().length > 0);
  if (
    call.arguments.some(
      (argument) => typescript.isArrowFunction(argument) || typescript.isFunctionExpression(argument) || isCallable(checker.getTypeAtLocation(argument)),
    )
  ) {
    return true;
  }
  const signature = checker.getResolvedSignature(call);
  return (signature?.parameters ?? []).some((parameter) => isCallable(checker.getTypeOfSymbolAtLocation(parameter, call)));
}

/** Some part of the type has a member that subscribes a listener (an emitter, an \`EventTarget\`). */
function isEventSource(type: ts.Type, types: TypeTier): boolean {
  const { checker, tsutils } = types;
  return tsutils
    .unionTypeParts(checker.getApparentType(type))
    .some((part) => EVENT_SOURCE_MEMBERS.some((name) => checker.getPropertyOfType(part, name) !== undefined));
}

/**
 * `new` of something that starts nothing: the executor to judge (`new Promise(executor)`, a promise
 * subclass's), `undefined` when there is none (`new Error()`, `new Deferred()`), `false` when the
 * construction may start work (`new WebSocket(url)`, a class of the program).
 */
function getInertNew(node: ts.NewExpression, types: TypeTier): ts.Expression | undefined | false {
  const { ts: typescript, checker, tsutils } = types;
  const callee = skipParentheses(node.expression, typescript);
  const first = node.arguments?.[0];
  const executor = first && (typescript.isArrowFunction(first) || typescript.isFunctionExpression(first)) ? first : undefined;
  if (typescript.isIdentifier(callee) && isAmbient(callee, types)) {
    if (callee.text === 'Promise') {
      return executor ?? false;
    }
    if (INERT_GLOBAL_CLASSES.has(callee.text)) {
      return undefined;
    }
  }
  const type = checker.getTypeAtLocation(node);
  if (!tsutils.isIntrinsicAnyType(type) && tsutils.isThenableType(checker, node, type)) {
    // A promise subclass or a deferred class: like `new Promise`, judged by its executor.
    return executor ?? ((node.arguments?.length ?? 0) === 0 ? undefined : false);
  }
  return false;
}

/** A listener that runs later: a resolver, a function literal, or a local holding one (`this.once('connect', onConnect)`). */
function isListener(node: ts.Expression, settlers: ReadonlySet<string>, types: TypeTier): boolean {
  const { checker, ts: typescript } = types;
  if (typescript.isArrowFunction(node) || typescript.isFunctionExpression(node)) {
    return true;
  }
  return typescript.isIdentifier(node) && (settlers.has(node.text) || checker.getTypeAtLocation(node).getCallSignatures().length > 0);
}

/** The identifier names a global declared only in declaration files (a lib, `@types/node`), not the program's own. */
function isAmbient(identifier: ts.Identifier, types: TypeTier): boolean {
  const { checker, ts: typescript } = types;
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  const declarations = symbol?.declarations ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

function getChainRoot(node: ts.Expression, typescript: typeof ts): ts.Expression {
  let current = skipParentheses(node, typescript);
  while (
    typescript.isCallExpression(current) &&
    typescript.isPropertyAccessExpression(current.expression) &&
    CHAIN_METHODS.has(current.expression.name.text)
  ) {
    current = skipParentheses(current.expression.expression, typescript);
  }
  return current;
}

function skipParentheses(node: ts.Expression, typescript: typeof ts): ts.Expression {
  let current = node;
  while (
    typescript.isParenthesizedExpression(current) ||
    typescript.isAsExpression(current) ||
    typescript.isNonNullExpression(current) ||
    typescript.isSatisfiesExpression(current) ||
    typescript.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * A deferred by its type: every thenable member of it also carries `resolve` and `reject` methods
 * (`ManualPromise<T>`, a `Deferred<T>` interface), so whoever holds it settles it.
 */
function isDeferredType(type: ts.Type, types: TypeTier): boolean {
  const { checker, tsutils } = types;
  const parts = tsutils.unionTypeParts(type).filter((part) => !tsutils.isIntrinsicNullType(part) && !tsutils.isIntrinsicUndefinedType(part));
  return (
    parts.length > 0 &&
    parts.every((part) => {
      const resolve = checker.getPropertyOfType(part, 'resolve');
      const reject = checker.getPropertyOfType(part, 'reject');
      return resolve !== undefined && reject !== undefined && isCallableProperty(resolve, types) && isCallableProperty(reject, types);
    })
  );
}

function isCallableProperty(symbol: ts.Symbol, types: TypeTier): boolean {
  const { checker, ts: typescript } = types;
  if (symbol.flags & typescript.SymbolFlags.Method) {
    return true;
  }
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  return declaration !== undefined && checker.getTypeOfSymbolAtLocation(symbol, declaration).getCallSignatures().length > 0;
}
