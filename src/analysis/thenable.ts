import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  findVariable,
  getMemberName,
  getPropertyName,
  getStaticKeyName,
  getThisOwner,
  isFunctionNode,
  isGlobalReference,
  resolveDefinition,
  skipTypeWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';

/**
 * What a thenable does with itself: whether its `then` (or another of its async methods) fulfils
 * with the thenable itself, and whether it stops being a thenable first.
 *
 * A promise resolved with a thenable calls that thenable's `then`; when `then` fulfils with `this`
 * again, the promise calls it again, forever: `await obj` never settles, and since each round is a
 * microtask, the event loop never reaches timers or I/O. The sound pattern shadows `then` with an
 * own `then: undefined` before fulfilling with `this`, so the second round finds no thenable.
 */

/** Whose `this` the analysis is about: a class's instances or an object literal. */
export type ThenableContainer = ClassNode | TSESTree.ObjectExpression;

/** The member that holds `then`, and the function it holds. */
export interface ThenFunction {
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.Property;
  fn: FunctionNode;
}

/**
 * The `then` of a container, when it is one function this file shows:
 * - `undefined`: no `then` member at all;
 * - `'unknown'`: a `then` that cannot be read as one function (a getter, a field holding something
 *   else, an abstract or `declare`d member, several implementations, a spread after it);
 * - otherwise the member and its function.
 */
export function getThenFunction(container: ThenableContainer): ThenFunction | 'unknown' | undefined {
  if (container.type === AST_NODE_TYPES.ObjectExpression) {
    let found: ThenFunction | 'unknown' | undefined;
    for (const property of container.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        // A spread after `then` may replace it.
        found = found && 'unknown';
        continue;
      }
      if (getMemberName(property) !== 'then') {
        continue;
      }
      found =
        property.kind === 'init' && isFunctionNode(property.value) ? { member: property, fn: property.value } : 'unknown';
    }
    return found;
  }
  const members = findMembers(container, 'then');
  if (members.length === 0) {
    return undefined;
  }
  const implementations: ThenFunction[] = [];
  for (const member of members) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') {
      if (member.value.type === AST_NODE_TYPES.FunctionExpression) {
        implementations.push({ member, fn: member.value });
      }
      // Otherwise an overload signature (no body): the implementation is another member.
      continue;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.declare && isFunctionNode(member.value)) {
      implementations.push({ member, fn: member.value });
      continue;
    }
    return 'unknown';
  }
  return implementations.length === 1 ? implementations[0] : 'unknown';
}

/** Whether the container's `then` is an own property of each instance (so `delete this.then` removes it). */
export function isOwnThen(then: ThenFunction): boolean {
  return then.member.type !== AST_NODE_TYPES.MethodDefinition;
}

/**
 * What the analysis needs to know: the containers whose `this` is the same object (a class and the
 * same-file classes it extends, or one object literal) and the file.
 */
export interface SelfScope {
  containers: readonly ThenableContainer[];
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/**
 * Whether `node` evaluates to the thenable itself: `this` of one of its instance members (also
 * through arrow functions, `this as T`, `this!`), a constant alias of that (`const self = this`),
 * or the binding of the object literal itself (`const db = { then(r) { r(db) } }`).
 * `this` inside a nested non-arrow function is that function's own `this`, never the thenable.
 */
export function isSelf(node: TSESTree.Node | null | undefined, scope: SelfScope, depth = 0): boolean {
  if (!node) {
    return false;
  }
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) {
    const owner = getThisOwner(expression);
    return owner !== undefined && isInstanceThisOwner(owner, scope.containers);
  }
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const definition = resolveDefinition(expression, scope.sourceCode);
    if (!definition) {
      return false;
    }
    return (
      scope.containers.some((container) => container === definition) || isSelf(definition, scope, depth + 1)
    );
  }
  return false;
}

function isInstanceThisOwner(owner: TSESTree.Node, containers: readonly ThenableContainer[]): boolean {
  if (owner.type === AST_NODE_TYPES.PropertyDefinition || owner.type === AST_NODE_TYPES.AccessorProperty) {
    return !owner.static && containers.includes(owner.parent.parent as ClassNode);
  }
  if (owner.type !== AST_NODE_TYPES.FunctionExpression) {
    return false;
  }
  const parent = owner.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    return !parent.static && parent.value === owner && containers.includes(parent.parent.parent as ClassNode);
  }
  if (parent.type === AST_NODE_TYPES.Property) {
    return parent.value === owner && containers.includes(parent.parent as TSESTree.ObjectExpression);
  }
  return false;
}

/**
 * Whether code in `roots` makes the thenable stop being one: `delete this.then` (only when `then`
 * is an own property: deleting an own property does not touch a prototype method),
 * `Reflect.deleteProperty(this, 'then')` (same), `this.then = undefined`,
 * `Object.defineProperty(this, 'then', { value: undefined })` (also `Reflect.defineProperty`,
 * `Object.defineProperties`, a getter in the descriptor), `Object.assign(this, { then: undefined })`.
 */
export function findDethenable(
  roots: readonly TSESTree.Node[],
  scope: SelfScope,
  ownThen: boolean,
): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const root of roots) {
    walk(root, scope.sourceCode.visitorKeys, (node) => {
      if (found) {
        return 'skip';
      }
      if (isDethenable(node, scope, ownThen)) {
        found = node;
        return 'skip';
      }
      return undefined;
    });
  }
  return found;
}

function isDethenable(node: TSESTree.Node, scope: SelfScope, ownThen: boolean): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      const target = skipTypeWrappers(node.argument);
      return (
        ownThen &&
        node.operator === 'delete' &&
        target.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(target) === 'then' &&
        isSelf(target.object, scope)
      );
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      const target = node.left;
      return (
        node.operator === '=' &&
        target.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(target) === 'then' &&
        isSelf(target.object, scope) &&
        isNonFunctionValue(node.right, scope)
      );
    }
    case AST_NODE_TYPES.CallExpression:
      return isDethenableCall(node, scope, ownThen);
    default:
      return false;
  }
}

function isDethenableCall(node: TSESTree.CallExpression, scope: SelfScope, ownThen: boolean): boolean {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  const [target, second, third] = node.arguments;
  if (!isSelf(target, scope) || !second) {
    return false;
  }
  const isObject = isGlobalReference(callee.object, 'Object', scope.sourceCode);
  const isReflect = isGlobalReference(callee.object, 'Reflect', scope.sourceCode);
  if (!isObject && !isReflect) {
    return false;
  }
  const isThenKey = getStaticKeyName(second, true) === 'then';
  switch (method) {
    case 'defineProperty':
      return isThenKey && third !== undefined && isNonThenableDescriptor(third, scope);
    case 'deleteProperty':
      return isReflect && isThenKey && ownThen;
    case 'defineProperties': {
      const descriptor = isObject && second.type === AST_NODE_TYPES.ObjectExpression ? findProperty(second, 'then') : undefined;
      return descriptor !== undefined && isNonThenableDescriptor(descriptor, scope);
    }
    case 'assign':
      return (
        isObject &&
        node.arguments.slice(1).some((source) => {
          const value = source.type === AST_NODE_TYPES.ObjectExpression ? findProperty(source, 'then') : undefined;
          return value !== undefined && isNonFunctionValue(value, scope);
        })
      );
    default:
      return false;
  }
}

/** A property descriptor that leaves `then` not callable: a non-function `value`, a getter, or neither. */
function isNonThenableDescriptor(node: TSESTree.Node, scope: SelfScope): boolean {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  const value = findProperty(node, 'value');
  if (value) {
    return isNonFunctionValue(value, scope);
  }
  if (findProperty(node, 'get')) {
    // A getter that returns `undefined` once settled is the sound pattern; trust it.
    return true;
  }
  return !node.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

/** The value of the last property named `name` of an object literal (a static key, not a method). */
function findProperty(node: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let value: TSESTree.Node | undefined;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.Property && getMemberName(property) === name) {
      value = property.value;
    }
  }
  return value;
}

/** A value that can never be called: `undefined`, `void 0`, `null` and other literals, objects, arrays. */
function isNonFunctionValue(node: TSESTree.Node, scope: SelfScope): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === 'void';
    case AST_NODE_TYPES.Identifier:
      return isGlobalReference(value, 'undefined', scope.sourceCode);
    default:
      return false;
  }
}

/**
 * Where code in `root` makes a promise fulfil with the thenable itself:
 * - a call of a resolver with it: the first parameter of `resolvers` or of a `new Promise`
 *   executor (`resolve(this)`, `onfulfilled?.(this)`, `resolve.call(undefined, this)`);
 * - `Promise.resolve(this)`;
 * - a `.then`/`.catch` callback that returns it (`ready.then(() => this)`);
 * - an async function that returns it (`async () => this`, `async then() { return this }`).
 * `root` itself counts when it is an async function. The sites are returned in source order.
 */
export function findSelfFulfilments(
  root: TSESTree.Node,
  scope: SelfScope,
  resolvers: readonly FunctionNode[] = [],
): TSESTree.Node[] {
  const sites: TSESTree.Node[] = [];
  walk(root, scope.sourceCode.visitorKeys, (node) => {
    // An async generator's `return` ends the iteration; it fulfils no promise with its value.
    if (isFunctionNode(node) && node.async && !node.generator) {
      sites.push(...findSelfReturns(node, scope));
    }
    if (node.type === AST_NODE_TYPES.CallExpression && isSelfFulfillingCall(node, scope, resolvers)) {
      sites.push(node);
    }
    return undefined;
  });
  return sites.sort((a, b) => a.range[0] - b.range[0]);
}

function isSelfFulfillingCall(
  node: TSESTree.CallExpression,
  scope: SelfScope,
  resolvers: readonly FunctionNode[],
): boolean {
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return isResolver(callee, scope, resolvers) && isSelf(node.arguments[0], scope);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  switch (method) {
    case 'call':
      return (
        callee.object.type === AST_NODE_TYPES.Identifier &&
        isResolver(callee.object, scope, resolvers) &&
        isSelf(node.arguments[1], scope)
      );
    case 'resolve':
      return isGlobalReference(callee.object, 'Promise', scope.sourceCode) && isSelf(node.arguments[0], scope);
    case 'then':
    case 'catch':
      return node.arguments.some(
        (argument) => isFunctionNode(argument) && !argument.async && findSelfReturns(argument, scope).length > 0,
      );
    default:
      return false;
  }
}

/** Whether `node` names the first parameter of a resolver function or of a `new Promise` executor. */
function isResolver(node: TSESTree.Identifier, scope: SelfScope, resolvers: readonly FunctionNode[]): boolean {
  const variable = findVariable(node, scope.sourceCode);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) {
    return false;
  }
  const fn = definition.node;
  if (getFirstParameterName(fn) !== definition.name) {
    return false;
  }
  if (resolvers.includes(fn)) {
    return true;
  }
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    isGlobalReference(parent.callee, 'Promise', scope.sourceCode)
  );
}

/**
 * The identifier of a function's first parameter (`resolve`, `resolve = noop`, `resolve?: T`),
 * after TypeScript's `this` parameter if any (`then(this: Db, resolve)`).
 */
export function getFirstParameterName(fn: FunctionNode): TSESTree.Identifier | undefined {
  let parameter: TSESTree.Node | undefined = getValueParameters(fn)[0];
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) {
    parameter = parameter.left;
  }
  return parameter?.type === AST_NODE_TYPES.Identifier ? parameter : undefined;
}

/** A function's parameters without TypeScript's `this` parameter, which is a type, not a value. */
export function getValueParameters(fn: FunctionNode): TSESTree.Parameter[] {
  const [first] = fn.params;
  return first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? fn.params.slice(1) : fn.params;
}

/**
 * The places a function returns the thenable itself: an arrow's expression body, or
 * `return this` / `return await this` in its own body (not in nested functions).
 */
export function findSelfReturns(fn: FunctionNode, scope: SelfScope): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isSelf(skipAwait(fn.body), scope) ? [fn.body] : [];
  }
  return findOwnReturns(fn, scope.sourceCode).filter((statement) => isSelf(skipAwait(statement.argument), scope));
}

/** The `return` statements of a function's own body (nested functions and classes excluded). */
export function findOwnReturns(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      returns.push(node);
    }
    return undefined;
  });
  return returns;
}

function skipAwait(node: TSESTree.Node | null | undefined): TSESTree.Node | undefined {
  if (!node) {
    return undefined;
  }
  const expression = skipTypeWrappers(node);
  return expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
}

/**
 * Where a method (not `then`) fulfils its promise with the thenable itself: `return this` when the
 * method is async, or a returned promise that fulfils with it (`return this.load().then(() => this)`,
 * `return Promise.resolve(this)`, `return new Promise((r) => r(this))`).
 */
export function findMethodSelfFulfilments(fn: FunctionNode, scope: SelfScope): TSESTree.Node[] {
  if (fn.generator) {
    return [];
  }
  const sites = fn.async ? findSelfReturns(fn, scope) : [];
  const returned =
    fn.body.type === AST_NODE_TYPES.BlockStatement
      ? findOwnReturns(fn, scope.sourceCode).flatMap((statement) => (statement.argument ? [statement.argument] : []))
      : [fn.body];
  for (const expression of returned) {
    sites.push(...findSelfFulfilments(expression, scope));
  }
  return [...new Set(sites)].sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Whether a `then` waits on the method `name`: it reads `this.<name>` (through arrow functions), or
 * a field that holds its promise (`ready = this.init()`, `this.ready = this.init()` in the constructor).
 */
export function thenWaitsOn(then: FunctionNode, name: string, scope: SelfScope): boolean {
  const names = new Set([name]);
  for (const container of scope.containers) {
    if (container.type === AST_NODE_TYPES.ObjectExpression) {
      continue;
    }
    for (const member of container.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
        const field = getMemberName(member);
        if (field !== undefined && readsOwnMember(member.value, names, scope)) {
          names.add(field);
        }
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        walk(member.value, scope.sourceCode.visitorKeys, (node) => {
          if (
            node.type === AST_NODE_TYPES.AssignmentExpression &&
            node.left.type === AST_NODE_TYPES.MemberExpression &&
            isSelf(node.left.object, scope) &&
            readsOwnMember(node.right, names, scope)
          ) {
            const assigned = getPropertyName(node.left);
            if (assigned !== undefined) {
              names.add(assigned);
            }
          }
          return undefined;
        });
      }
    }
  }
  return readsOwnMember(then.body, names, scope);
}

/** Whether code in `root` reads `this.<name>` for one of `names` (through arrow functions). */
function readsOwnMember(root: TSESTree.Node, names: ReadonlySet<string>, scope: SelfScope): boolean {
  let found = false;
  walk(root, scope.sourceCode.visitorKeys, (node) => {
    if (found) {
      return 'skip';
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && isSelf(node.object, scope)) {
      const name = getPropertyName(node);
      found = name !== undefined && names.has(name);
    }
    return undefined;
  });
  return found;
}
