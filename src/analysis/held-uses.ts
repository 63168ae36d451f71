import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  getPropertyName,
  getSameFileAncestors,
  isGlobalReference,
  isSubscribeMethodName,
  skipTypeWrappers,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';
import { resolveConstructedClass } from './async-class.js';
import { findDethenable, findSelfFulfilments, getThenFunction, isOwnThen, thenWaitsOn, type SelfScope } from './thenable.js';
import type { TypeTier } from './types.js';

/**
 * How code uses an awaitable instance it holds (a variable `client`, a field `this.client`): reads
 * one of its members, awaits it, hands it on, or only tests it; and what `await` on the instance
 * gives back. Shared by the analyses of held locals and held fields.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * One use of the held instance:
 * - `read`: a member other than `then`/`catch`/`finally` is read (`client.query`), which needs the
 *   initialisation to have run;
 * - `await`: the instance is awaited (`await client`, `await Promise.all([client, …])`, or an
 *   awaited member its own `then` waits on, `await client.ready`);
 * - `then`: its `then`/`catch`/`finally` is called: the callbacks run once it is initialised, the
 *   code after the call does not wait;
 * - `escape`: it is handed on (returned, passed to a function, stored, exported): the receiver's to await;
 * - `fluent`: a builder method that returns the builder (`query.where(…)`), called before the await by design;
 * - `neutral`: nothing that needs the initialisation (tested, compared, a member written, a listener subscribed).
 */
export type HeldUse =
  | { kind: 'read'; member: TSESTree.MemberExpression; name: string | undefined }
  | { kind: 'await' | 'escape' | 'fluent' | 'neutral' | 'then' };

/** What the uses of one class's instances are judged by. */
export interface HeldClass {
  /** `call` (of member `name`) returns the instance itself: a builder. */
  isFluent(name: string, call: TSESTree.CallExpression): boolean;
  /** The class's own `then` waits on the member `name` (`await client.ready` awaits the initialisation). */
  isInitMember(name: string): boolean;
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/**
 * How `node` (an identifier naming the instance, or `this.field`) is used, from where it stands:
 * its parent, through TypeScript's wrappers (`client!`, `client as Client`).
 */
export function classifyHeldUse(node: TSESTree.Node, held: HeldClass, sourceCode: SourceCode): HeldUse {
  const outer = climbTypeWrappers(node);
  const parent = outer.parent;
  if (!parent) {
    return { kind: 'neutral' };
  }
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      // `map[client]`: a key, not the instance's own member.
      return parent.object === outer ? classifyMemberUse(parent, held) : { kind: 'neutral' };
    case AST_NODE_TYPES.AwaitExpression:
      return { kind: 'await' };
    case AST_NODE_TYPES.ArrayExpression:
      return isCombinatorList(parent, sourceCode) ? { kind: 'await' } : { kind: 'escape' };
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.SwitchStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
      // Statements and operators that only test or compare it (a `for`'s init is a declaration, never the instance).
      return { kind: 'neutral' };
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === outer ? { kind: 'neutral' } : { kind: 'escape' };
    case AST_NODE_TYPES.LogicalExpression:
      return isTested(parent) ? { kind: 'neutral' } : { kind: 'escape' };
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === outer ? { kind: 'escape' } : { kind: 'neutral' };
    default:
      return { kind: 'escape' };
  }
}

/** A use through a member access: `client.query()`, `client.then(…)`, `client.on('error', …)`, `client.x = 1`. */
function classifyMemberUse(access: TSESTree.MemberExpression, held: HeldClass): HeldUse {
  const name = getPropertyName(access);
  const outer = climbTypeWrappers(access);
  const parent = outer.parent;
  if (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) ||
    parent?.type === AST_NODE_TYPES.UpdateExpression ||
    // `delete client.x`, `typeof client.query === 'function'`: nothing that needs the initialisation.
    (parent?.type === AST_NODE_TYPES.UnaryExpression && (parent.operator === 'delete' || parent.operator === 'typeof' || parent.operator === 'void'))
  ) {
    return { kind: 'neutral' };
  }
  const call = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer ? parent : undefined;
  if (name !== undefined && PROMISE_METHODS.has(name)) {
    return call ? { kind: 'then' } : { kind: 'neutral' };
  }
  if (call && name !== undefined && isSubscribeMethodName(name)) {
    return { kind: 'neutral' };
  }
  if (call && name !== undefined && held.isFluent(name, call)) {
    return { kind: 'fluent' };
  }
  if (name !== undefined && held.isInitMember(name) && isAwaited(call ?? access)) {
    return { kind: 'await' };
  }
  return { kind: 'read', member: access, name };
}

/** TypeScript's wrappers and the optional chain around `node`, going up: what the parent sees. */
function climbTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}

function isAwaited(node: TSESTree.Node): boolean {
  return climbTypeWrappers(node).parent?.type === AST_NODE_TYPES.AwaitExpression;
}

/** `[…]` is the list of `Promise.all(…)` (or `allSettled`, `any`, `race`). */
function isCombinatorList(list: TSESTree.ArrayExpression, sourceCode: SourceCode): boolean {
  const call = climbTypeWrappers(list).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== climbTypeWrappers(list)) {
    return false;
  }
  const callee = skipTypeWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    COMBINATORS.has(getPropertyName(callee) ?? '') &&
    isGlobalReference(skipTypeWrappers(callee.object), 'Promise', sourceCode)
  );
}

/** A `&&`/`||`/`??` whose value is only tested (`if (a && b)`, `!(a || b)`) or dropped (`a && a.close();`). */
function isTested(logical: TSESTree.LogicalExpression): boolean {
  let current: TSESTree.Node = logical;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression) {
    current = current.parent;
  }
  const parent = current.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return (parent as { test?: TSESTree.Node | null }).test === current;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    default:
      return false;
  }
}

/**
 * What the uses of `new X()`'s instances are judged by. Syntax: a method of `X` (or a same-file
 * ancestor) whose every `return` gives `this` is a builder method, and the members `X`'s `then`
 * waits on are its initialisation. Types: a call typed as the instance's own class is a builder's.
 */
export function getHeldClass(creation: TSESTree.NewExpression, sourceCode: SourceCode, types: TypeTier | undefined): HeldClass {
  const cls = resolveConstructedClass(creation, sourceCode);
  const chain = cls ? [cls, ...getSameFileAncestors(cls, sourceCode)] : [];
  let instance: unknown;
  const then = findThen(chain);
  return {
    isFluent(name, call) {
      for (const owner of chain) {
        const [method] = findMembers(owner, name);
        if (method) {
          if (method.type === AST_NODE_TYPES.MethodDefinition && returnsOnlyThis(method.value)) {
            return true;
          }
          break;
        }
      }
      if (!types) {
        return false;
      }
      instance ??= types.getType(creation).getSymbol() ?? null;
      return instance !== null && types.getType(call).getSymbol() === instance;
    },
    isInitMember(name) {
      return then !== undefined && thenWaitsOn(then.fn, name, { containers: then.containers, sourceCode });
    },
  };
}

function findThen(chain: readonly ClassNode[]): { fn: FunctionNode; containers: ClassNode[] } | undefined {
  for (const [index, cls] of chain.entries()) {
    const then = getThenFunction(cls);
    if (then === 'unknown') {
      return undefined;
    }
    if (then) {
      return { fn: then.fn, containers: chain.slice(0, index + 1) };
    }
  }
  return undefined;
}

/** A method whose every `return` gives `this` (and that returns at least once). */
export function returnsOnlyThis(fn: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || fn.async || fn.generator) {
    return false;
  }
  let returns = 0;
  let onlyThis = true;
  const stack: TSESTree.Node[] = [...fn.body.body];
  while (stack.length > 0) {
    const statement = stack.pop()!;
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        returns++;
        onlyThis &&= statement.argument?.type === AST_NODE_TYPES.ThisExpression;
        break;
      case AST_NODE_TYPES.BlockStatement:
        stack.push(...statement.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        stack.push(statement.consequent);
        if (statement.alternate) {
          stack.push(statement.alternate);
        }
        break;
      default:
        break;
    }
  }
  return returns > 0 && onlyThis;
}

/**
 * Whether `await new X(…)` fulfils with the instance itself, initialised, so the code that used the
 * instance can use what the `await` gives. Syntax: `X`'s `then` (own or from a same-file ancestor)
 * fulfils with `this` and shadows itself first (otherwise awaiting it never settles). Types, for a
 * class from elsewhere: the awaited type has every member `names` the code reads.
 */
export function awaitGivesInstance(
  creation: TSESTree.NewExpression,
  names: readonly string[],
  sourceCode: SourceCode,
  types: TypeTier | undefined,
): boolean {
  const cls = resolveConstructedClass(creation, sourceCode);
  if (cls) {
    const chain = [cls, ...getSameFileAncestors(cls, sourceCode)];
    for (const [index, owner] of chain.entries()) {
      const then = getThenFunction(owner);
      if (then === 'unknown') {
        return false;
      }
      if (then) {
        const scope: SelfScope = { containers: chain.slice(0, index + 1), sourceCode };
        return findSelfFulfilments(then.fn, scope, [then.fn]).length > 0 && findDethenable(scope.containers, scope, isOwnThen(then)) !== undefined;
      }
    }
    if (!types) {
      return false;
    }
  }
  if (!types) {
    return false;
  }
  const awaited = types.checker.getAwaitedType(types.getType(creation));
  return awaited !== undefined && !types.isUnknown(awaited) && names.every((name) => awaited.getProperty(name) !== undefined);
}

/**
 * TypeScript: whether the variable's declared type still holds what `await new X(…)` gives (an
 * awaitable's `then` usually fulfils with `Omit<this, 'then'>`), and, when the variable is handed
 * on, whether that value still fits where the instance went. Without types, only a variable with no
 * annotation that is never handed on is known to be safe.
 */
export function awaitedValueFits(
  creation: TSESTree.NewExpression,
  declared: TSESTree.Identifier | undefined,
  handedOn: boolean,
  types: TypeTier | undefined,
): boolean {
  const annotated = declared?.typeAnnotation !== undefined;
  if (!types) {
    return !annotated && !handedOn;
  }
  const instance = types.getType(creation);
  const awaited = types.checker.getAwaitedType(instance);
  if (!awaited || types.isUnknown(awaited)) {
    return false;
  }
  if (annotated && !types.checker.isTypeAssignableTo(awaited, types.getType(declared))) {
    return false;
  }
  return !handedOn || types.checker.isTypeAssignableTo(awaited, instance);
}

/**
 * With types, a cheap first question before the `new` expression's own type (which resolves the
 * call, its overloads and its arguments): whether the class `new X()` names declares or inherits a
 * `then`, read from the class's declared type. Not a class (a variable holding a constructor, an
 * interface with a construct signature): `true`, the full question decides.
 */
export function mayConstructThenable(creation: TSESTree.NewExpression, types: TypeTier): boolean {
  let callee = types.tsNode(skipTypeWrappers(creation.callee));
  if (types.ts.isPropertyAccessExpression(callee)) {
    callee = callee.name;
  }
  let symbol = types.checker.getSymbolAtLocation(callee);
  if (symbol && symbol.flags & types.ts.SymbolFlags.Alias) {
    symbol = types.checker.getAliasedSymbol(symbol);
  }
  if (!symbol || !(symbol.flags & types.ts.SymbolFlags.Class)) {
    return true;
  }
  return types.checker.getDeclaredTypeOfSymbol(symbol).getProperty('then') !== undefined;
}
