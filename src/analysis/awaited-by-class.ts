import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getConstructor,
  getOutermostWrapper,
  getPropertyName,
  getStaticKeyName,
  isFunctionNode,
  isGlobalReference,
  skipTypeWrappers,
  walk,
  type ClassNode,
} from '../utils/ast.js';
import type { AsyncWork } from './async-work.js';
import { getAwaitedFields, getConstructionAssignedFields, isStoredInAwaitedField } from './awaited-fields.js';

/**
 * Whether a class awaits, itself, a piece of work its constructor starts, in one of two shapes:
 * - recorded: the work is handed to a private recording method where it stands
 *   (`this.#trackInit(work)`, which pushes it onto a private field: `this.#pendingInit.push(work)`),
 *   and the class awaits that field (`await Promise.all(x.#pendingInit)`) in a static async method,
 *   its factory, or, when it has a `then`, in an instance method, the initialiser its `then` runs;
 * - its own promise (PouchDB's `Changes`): the constructor makes the instance the thenable of a
 *   promise (`this.then = promise.then.bind(promise)`) whose settlers it hands to the work
 *   (`new Promise((fulfill, reject) => { opts.complete = (err, res) => … })`, then
 *   `this.run(opts)`), and routes that promise's failure to a handler (`this.then(done, done)`).
 * - a stored chain its `then` awaits (knex's `Transaction`): the constructor stores the work, or a
 *   chain on it, in a field (`const base = previous.then(() => this.run()); this._promise =
 *   base.then((x) => x)`), and the class's own `then` reads that field (`then(ok, fail) { return
 *   this._promise.then(ok, fail); }`).
 * Such work is initialisation the caller can await: `await Db.create()` / `await new Db()` settles
 * after it and rejects with its failure.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Per class: the private fields it awaits with `Promise.all`, and its recording methods. */
interface OwnInit {
  /** Recording method name (`#trackInit`) to the private field it pushes onto (`#pendingInit`). */
  recorders: Map<string, string>;
  /** Private fields awaited by a static async method, or by an instance method of a class with a `then`. */
  awaited: Set<string>;
}

const cache = new WeakMap<ClassNode, OwnInit>();

/**
 * Whether `work` (found in `classNode`'s constructor or field initialisers) is recorded where it
 * stands and awaited by the class's own static async factory or `then`: `work.node` is the
 * recording call (`this.#trackInit(…)`, as the type tier sees it) or its first argument.
 */
export function isAwaitedByOwnInit(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  return (
    // Stored where it stands in a field the class awaits (`this.#connecting = work`): the quick fixes' recorded shape.
    isStoredInAwaitedField(work, classNode, sourceCode) ||
    isRecordedAndAwaited(work, classNode, sourceCode) ||
    isSettlingOwnPromise(work, classNode, sourceCode) ||
    isStoredForThen(work, classNode, sourceCode)
  );
}

function isRecordedAndAwaited(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  const call = getRecordingCall(work.node);
  if (!call) {
    return false;
  }
  const name = getPropertyName(call.callee as TSESTree.MemberExpression);
  if (name === undefined || !name.startsWith('#')) {
    return false;
  }
  let own = cache.get(classNode);
  if (!own) {
    own = readOwnInit(classNode, sourceCode);
    cache.set(classNode, own);
  }
  const field = own.recorders.get(name);
  // Awaited as `Promise.all(this.#pendingInit)`, or spread into a list awaited together (`[...this.#pendingInit, this.#ready]`).
  return field !== undefined && (own.awaited.has(field) || getAwaitedFields(classNode, sourceCode).has(field));
}

/**
 * The private fields `classNode`'s recording methods push onto (`#pendingInit`): work recorded
 * there was started by the constructor, so a factory that awaits them only waits for it.
 */
export function getRecordedFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  let own = cache.get(classNode);
  if (!own) {
    own = readOwnInit(classNode, sourceCode);
    cache.set(classNode, own);
  }
  // Also the fields construction code assigns (`this.#connecting = work`): what they hold, it started.
  return new Set([...own.recorders.values(), ...getConstructionAssignedFields(classNode, sourceCode)]);
}

/** `this.#m(work)` with `node` as `work` (through parentheses and type wrappers), or `node` itself. */
function getRecordingCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const isRecording = (candidate: TSESTree.Node | undefined): candidate is TSESTree.CallExpression => {
    if (candidate?.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const callee = candidate.callee;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.ThisExpression &&
      callee.property.type === AST_NODE_TYPES.PrivateIdentifier &&
      candidate.arguments.length === 1
    );
  };
  if (isRecording(node)) {
    return node;
  }
  const current = getOutermostWrapper(node);
  const parent = current.parent;
  return isRecording(parent) && parent.arguments[0] === current ? parent : undefined;
}

function readOwnInit(classNode: ClassNode, sourceCode: SourceCode): OwnInit {
  const recorders = new Map<string, string>();
  const awaited = new Set<string>();
  const hasThen = classNode.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      !member.static &&
      getStaticKeyName(member.key, member.computed) === 'then',
  );
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || !isFunctionNode(member.value)) {
      continue;
    }
    const fn = member.value;
    const name = getStaticKeyName(member.key, member.computed);
    const parameter = fn.params[0];
    if (!member.static && name?.startsWith('#') && parameter?.type === AST_NODE_TYPES.Identifier) {
      const field = findPushedField(fn.body, parameter.name, sourceCode);
      if (field) {
        recorders.set(name, field);
      }
    }
    if ((member.static && fn.async) || (!member.static && hasThen)) {
      for (const field of findAwaitedFields(fn.body, sourceCode)) {
        awaited.add(field);
      }
    }
  }
  return { recorders, awaited };
}

/** `this.#f.push(parameter)` in the method body: `#f`. */
function findPushedField(body: TSESTree.Node, parameter: string, sourceCode: SourceCode): string | undefined {
  let field: string | undefined;
  walk(body, sourceCode.visitorKeys, (node) => {
    if (field !== undefined || isFunctionNode(node)) {
      return 'skip';
    }
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(node.callee) === 'push' &&
      node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === parameter)
    ) {
      const target = skipTypeWrappers(node.callee.object);
      if (
        target.type === AST_NODE_TYPES.MemberExpression &&
        target.object.type === AST_NODE_TYPES.ThisExpression &&
        target.property.type === AST_NODE_TYPES.PrivateIdentifier
      ) {
        field = `#${target.property.name}`;
      }
    }
    return undefined;
  });
  return field;
}

/** `await Promise.all(x.#f)` in the method body (not in functions nested in it): each `#f`. */
function findAwaitedFields(body: TSESTree.Node, sourceCode: SourceCode): string[] {
  const fields: string[] = [];
  walk(body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) {
      return 'skip';
    }
    if (node.type !== AST_NODE_TYPES.AwaitExpression) {
      return undefined;
    }
    const call = skipTypeWrappers(node.argument);
    if (
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(call.callee) === 'all' &&
      isGlobalReference(call.callee.object, 'Promise', sourceCode)
    ) {
      const argument = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
      if (argument?.type === AST_NODE_TYPES.MemberExpression && argument.property.type === AST_NODE_TYPES.PrivateIdentifier) {
        fields.push(`#${argument.property.name}`);
      }
    }
    return undefined;
  });
  return fields;
}

/** The constructor's own promise: the variable `this.then` is bound to, and who holds its settlers. */
interface OwnPromise {
  /** The variables (in the constructor) the executor hands a settler to: `opts` of `opts.complete = …`. */
  holders: Set<TSESLint.Scope.Variable>;
  /** The settlers are handed to `this` (`this.done = resolve`): a method call of the instance reaches them. */
  heldByThis: boolean;
}

const ownPromiseCache = new WeakMap<ClassNode, OwnPromise | null>();

/**
 * `work` is started in the constructor of a class whose instances are the thenable of the
 * constructor's own promise, and is handed that promise's settlers: the variable holding them as an
 * argument (`this.validateChanges(opts)`), or, when `this` holds them, as a method of `this`.
 */
function isSettlingOwnPromise(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  let own = ownPromiseCache.get(classNode);
  if (own === undefined) {
    own = readOwnPromise(classNode, sourceCode) ?? null;
    ownPromiseCache.set(classNode, own);
  }
  if (!own) {
    return false;
  }
  const call = skipTypeWrappers(work.node);
  if (call.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTypeWrappers(call.callee);
  if (own.heldByThis && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    return true;
  }
  return call.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    if (value.type !== AST_NODE_TYPES.Identifier) {
      return false;
    }
    const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
    return variable !== null && own.holders.has(variable);
  });
}

/**
 * In the constructor's own statements: `this.then = p.then.bind(p)` with `p` a `new Promise(executor)`
 * of the constructor, an executor that hands its settlers out, and the promise's failure routed to a
 * handler (`this.then(ok, handler)`, `this.catch(handler)`, `p.catch(handler)`, `p.then(ok, handler)`).
 */
function readOwnPromise(classNode: ClassNode, sourceCode: SourceCode): OwnPromise | undefined {
  const body = getConstructor(classNode)?.value.body;
  if (!body) {
    return undefined;
  }
  let promise: TSESLint.Scope.Variable | undefined;
  let handled = false;
  const statements: TSESTree.Expression[] = [];
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      statements.push(statement.expression);
    }
  }
  for (const expression of statements) {
    const bound = getBoundThen(expression, sourceCode);
    if (bound) {
      promise = bound;
    }
  }
  if (!promise) {
    return undefined;
  }
  for (const expression of statements) {
    handled ||= routesFailure(expression, promise, sourceCode);
  }
  const definition = promise.defs.length === 1 ? promise.defs[0] : undefined;
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
  const created = init ? skipTypeWrappers(init) : undefined;
  if (
    !handled ||
    created?.type !== AST_NODE_TYPES.NewExpression ||
    !isGlobalReference(created.callee, 'Promise', sourceCode) ||
    !isFunctionNode(created.arguments[0])
  ) {
    return undefined;
  }
  return readHolders(created.arguments[0], sourceCode);
}

/** `this.then = p.then.bind(p)`: the variable `p`. */
function getBoundThen(expression: TSESTree.Expression, sourceCode: SourceCode): TSESLint.Scope.Variable | undefined {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') {
    return undefined;
  }
  const target = skipTypeWrappers(expression.left);
  const value = skipTypeWrappers(expression.right);
  if (
    target.type !== AST_NODE_TYPES.MemberExpression ||
    target.object.type !== AST_NODE_TYPES.ThisExpression ||
    getPropertyName(target) !== 'then' ||
    value.type !== AST_NODE_TYPES.CallExpression ||
    value.callee.type !== AST_NODE_TYPES.MemberExpression ||
    getPropertyName(value.callee) !== 'bind'
  ) {
    return undefined;
  }
  const method = skipTypeWrappers(value.callee.object);
  const receiver = value.arguments[0] && skipTypeWrappers(value.arguments[0]);
  if (
    method.type !== AST_NODE_TYPES.MemberExpression ||
    getPropertyName(method) !== 'then' ||
    method.object.type !== AST_NODE_TYPES.Identifier ||
    receiver?.type !== AST_NODE_TYPES.Identifier ||
    receiver.name !== method.object.name
  ) {
    return undefined;
  }
  return ASTUtils.findVariable(sourceCode.getScope(receiver), receiver) ?? undefined;
}

/** `this.then(ok, handler)`, `this.catch(handler)`, `p.then(ok, handler)`, `p.catch(handler)`. */
function routesFailure(expression: TSESTree.Expression, promise: TSESLint.Scope.Variable, sourceCode: SourceCode): boolean {
  const call = skipTypeWrappers(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(call.callee);
  if (!((method === 'then' && call.arguments.length > 1) || (method === 'catch' && call.arguments.length > 0))) {
    return false;
  }
  const object = skipTypeWrappers(call.callee.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    return true;
  }
  return object.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(sourceCode.getScope(object), object) === promise;
}

/**
 * What the executor hands its settlers to: an assignment of a settler, or of a function that calls
 * one, to a property of a variable (`opts.complete = (err, res) => err ? reject(err) : fulfill(res)`)
 * or of `this`.
 */
function readHolders(executor: TSESTree.Node, sourceCode: SourceCode): OwnPromise | undefined {
  if (!isFunctionNode(executor)) {
    return undefined;
  }
  const settlers = new Set(
    executor.params.slice(0, 2).flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  const own: OwnPromise = { holders: new Set(), heldByThis: false };
  if (settlers.size === 0 || executor.body.type !== AST_NODE_TYPES.BlockStatement) {
    return undefined;
  }
  for (const statement of executor.body.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTypeWrappers(statement.expression) : undefined;
    if (expression?.type !== AST_NODE_TYPES.AssignmentExpression || !handsOutSettler(expression.right, settlers, sourceCode)) {
      continue;
    }
    let root = skipTypeWrappers(expression.left);
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      root = skipTypeWrappers(root.object);
    }
    if (root.type === AST_NODE_TYPES.ThisExpression) {
      own.heldByThis = true;
    } else if (root.type === AST_NODE_TYPES.Identifier && root !== skipTypeWrappers(expression.left)) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      if (variable) {
        own.holders.add(variable);
      }
    }
  }
  return own.holders.size > 0 || own.heldByThis ? own : undefined;
}

/** `resolve`, or a function whose body calls `resolve`/`reject` (not in functions nested in it). */
function handsOutSettler(value: TSESTree.Node, settlers: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  const expression = skipTypeWrappers(value);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return settlers.has(expression.name);
  }
  if (!isFunctionNode(expression)) {
    return false;
  }
  let calls = false;
  walk(expression.body, sourceCode.visitorKeys, (node) => {
    if (calls || isFunctionNode(node)) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(node.callee);
      calls = callee.type === AST_NODE_TYPES.Identifier && settlers.has(callee.name);
    }
    return undefined;
  });
  return calls;
}

const thenFieldsCache = new WeakMap<ClassNode, ReadonlySet<string>>();

/**
 * The work (in the constructor) is stored in a field the class's own `then` reads: directly
 * (`this._promise = work`), through a chain on it (`this._promise = work.then((x) => x)`), or through
 * a constant of the constructor that such an assignment chains on (`const base = work; this._promise
 * = base.then(…)`).
 */
function isStoredForThen(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  let fields = thenFieldsCache.get(classNode);
  if (!fields) {
    fields = readThenFields(classNode, sourceCode);
    thenFieldsCache.set(classNode, fields);
  }
  if (fields.size === 0) {
    return false;
  }
  const stored = climbChain(work.node);
  const parent = stored.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === stored) {
    return isThenField(parent.left, fields);
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== stored || parent.id.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id);
  return (variable?.references ?? []).some(({ identifier }) => {
    if (identifier === parent.id) {
      return false;
    }
    const chained = climbChain(identifier);
    return (
      chained.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      chained.parent.right === chained &&
      isThenField(chained.parent.left, fields)
    );
  });
}

/** `node` and the `.then()`/`.catch()`/`.finally()` calls chained on it, outermost. */
function climbChain(node: TSESTree.Node): TSESTree.Node {
  let current = getOutermostWrapper(node);
  while (
    current.parent?.type === AST_NODE_TYPES.MemberExpression &&
    current.parent.object === current &&
    ['then', 'catch', 'finally'].includes(getPropertyName(current.parent) ?? '') &&
    current.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    current.parent.parent.callee === current.parent
  ) {
    current = getOutermostWrapper(current.parent.parent);
  }
  return current;
}

function isThenField(target: TSESTree.Node, fields: ReadonlySet<string>): boolean {
  const member = skipTypeWrappers(target);
  return (
    member.type === AST_NODE_TYPES.MemberExpression &&
    member.object.type === AST_NODE_TYPES.ThisExpression &&
    fields.has(getPropertyName(member) ?? '')
  );
}

/** `this._promise.then(…)` (or `.catch`, `.finally`), `await this._promise`, `return this._promise`. */
function isWaitedOn(field: TSESTree.MemberExpression): boolean {
  const outer = getOutermostWrapper(field);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ReturnStatement) {
    return true;
  }
  return (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === outer &&
    ['then', 'catch', 'finally'].includes(getPropertyName(parent) ?? '') &&
    parent.parent.type === AST_NODE_TYPES.CallExpression
  );
}

/** The fields of `this` the class's own `then` method waits on (not in functions nested in it): {@link isWaitedOn}. */
function readThenFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const member of classNode.body.body) {
    if (
      member.type !== AST_NODE_TYPES.MethodDefinition ||
      member.static ||
      member.kind !== 'method' ||
      getStaticKeyName(member.key, member.computed) !== 'then' ||
      member.value.type !== AST_NODE_TYPES.FunctionExpression
    ) {
      continue;
    }
    walk(member.value.body, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) {
        return 'skip';
      }
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && isWaitedOn(node)) {
        const name = getPropertyName(node);
        if (name !== undefined && name !== 'then') {
          fields.add(name);
        }
      }
      return undefined;
    });
  }
  return fields;
}
