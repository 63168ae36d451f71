/** What code does synchronously to the instance it runs on and to the variables around it: the fields and variables it reads and writes before it first awaits, following the class's own methods. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getMemberName,
  getSameFileAncestors,
  getStaticKeyName,
  getThisOwner,
  isFunctionNode,
  skipTypeWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Scope = NonNullable<SourceCode['scopeManager']>['scopes'][number];
type Variable = TSESLint.Scope.Variable;
type Reference = Scope['references'][number];

/**
 * The state a piece of code reads and writes synchronously. Keys: `.name` for a field of the
 * instance (`.#name` for a private one; `.*` for any field, as `this[key]` reads or writes), and
 * a key per variable ({@link EffectsReader.variableKey}).
 */
export interface Effects {
  reads: ReadonlySet<string>;
  writes: ReadonlySet<string>;
}

/** Any field (a computed `this[key]`, `Object.assign(this, …)`). */
export const ANY_FIELD = '.*';

export interface EffectsReader {
  /**
   * What running `node` (a statement or expression of the constructor, a field initialiser, a
   * method) does synchronously: its own reads and writes of fields (`this.x`) and variables, and
   * those of what it runs before returning: the class's methods it calls (a synchronous one
   * whole, an async one up to its first `await`, a generator not at all), getters it reads,
   * functions it calls on the spot (`(async () => {…})()`), a `new Promise` executor, the callbacks
   * of array methods (`items.forEach(…)`). Functions it only defines or hands on (`emitter.on('x',
   * …)`, `.then(…)`) run later and are left out. A call of anything else (another object's method,
   * an imported function) touches none of this state, except a mutating method of a field or
   * variable (`this.tables.push(…)`, `map.set(…)`), which writes it.
   */
  of(node: TSESTree.Node): Effects;
  /**
   * Everything running `node` may read and write, at once or later: its whole code, the functions
   * it defines included (callbacks, listeners), and the whole bodies of the class's methods and
   * accessors it uses, after their `await`s too. What work started in the constructor may still do
   * once the constructor has returned lies within it.
   */
  eventually(node: TSESTree.Node): Effects;
  /** The key of a variable in {@link Effects}. */
  variableKey(variable: Variable): string;
  /** The variable of a key of {@link Effects} (`undefined` for a field). */
  variable(key: string): Variable | undefined;
  /** The variable an identifier reads or writes, when the scope analysis resolves it. */
  resolve(identifier: TSESTree.Identifier): Variable | undefined;
}

/** Methods that change the object they are called on (arrays, maps, sets). */
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

/** Array methods that call their callback before they return. */
const CALLS_BACK_AT_ONCE = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
  'sort',
]);

/** A `this` owner no `this` of the code has: in a plain function, `this` is not the instance. */
const NOT_THE_INSTANCE: TSESTree.Node = { type: AST_NODE_TYPES.EmptyStatement } as TSESTree.Node;

interface Direct {
  reads: Set<string>;
  writes: Set<string>;
  /** The functions it runs synchronously (methods, getters, immediately called functions). */
  runs: FunctionNode[];
}

/**
 * The reader for one class. Made once per plan of the class (src/fixes/plan/index.ts), which keeps
 * it only while that class is being fixed: its memos are as large as the class's code, and kept
 * for every class of a file they were most of what a lint over many classes held on to.
 */
export function createEffectsReader(classNode: ClassNode, sourceCode: SourceCode): EffectsReader {
  const { visitorKeys } = sourceCode;
  const variableKeys = new WeakMap<Variable, string>();
  const variables = new Map<string, Variable>();
  const variableKey = (variable: Variable): string => {
    let key = variableKeys.get(variable);
    if (key === undefined) {
      key = `$${variable.name}#${variables.size}`;
      variableKeys.set(variable, key);
      variables.set(key, variable);
    }
    return key;
  };

  // Every reference made inside the class, by its identifier: one pass over the class's scopes.
  let references: Map<TSESTree.Node, Reference> | undefined;
  const getReference = (identifier: TSESTree.Node): Reference | undefined => {
    if (!references) {
      references = new Map();
      const root = sourceCode.scopeManager?.acquire(classNode);
      const scopes: Scope[] = root ? [root] : [];
      for (let index = 0; index < scopes.length; index++) {
        const scope = scopes[index]!;
        for (const reference of scope.references) {
          references.set(reference.identifier, reference);
        }
        scopes.push(...scope.childScopes);
      }
    }
    return references.get(identifier);
  };

  // The instance methods and accessors of the class and its same-file ancestors, nearest first.
  let members: Map<string, { method?: FunctionNode; getter?: FunctionNode; setter?: FunctionNode }> | undefined;
  let ancestorMembers: typeof members;
  const collectMembers = (owners: readonly ClassNode[]): NonNullable<typeof members> => {
    const found: NonNullable<typeof members> = new Map();
    for (const owner of owners) {
      for (const member of owner.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static || !isFunctionNode(member.value)) {
          continue;
        }
        const name = getMemberName(member);
        if (name === undefined) {
          continue;
        }
        const entry = found.get(name) ?? {};
        if (!found.has(name)) {
          found.set(name, entry);
        }
        // The nearest declaration decides.
        if (member.kind === 'method') {
          entry.method ??= member.value;
        } else if (member.kind === 'get') {
          entry.getter ??= member.value;
        } else if (member.kind === 'set') {
          entry.setter ??= member.value;
        }
      }
    }
    return found;
  };
  const getMember = (name: string, viaSuper: boolean) => {
    if (viaSuper) {
      ancestorMembers ??= collectMembers(getSameFileAncestors(classNode, sourceCode));
      return ancestorMembers.get(name);
    }
    members ??= collectMembers([classNode, ...getSameFileAncestors(classNode, sourceCode)]);
    return members.get(name);
  };

  /** The function node whose `this` is the instance in `root`: the method, the constructor, the field. */
  const direct = (root: TSESTree.Node, thisOwner: TSESTree.Node | undefined, prefixOnly: boolean, later = false): Direct => {
    const result: Direct = { reads: new Set(), writes: new Set(), runs: [] };
    const visit = (node: TSESTree.Node): 'skip' | undefined => {
      if (isFunctionNode(node) && !later) {
        // Defined here, run later (or on the spot: handled at the call).
        return 'skip';
      }
      switch (node.type) {
        case AST_NODE_TYPES.ClassDeclaration:
        case AST_NODE_TYPES.ClassExpression:
          return 'skip';
        case AST_NODE_TYPES.MemberExpression:
          readMember(node, thisOwner, result);
          return undefined;
        case AST_NODE_TYPES.Identifier:
          readIdentifier(node, result);
          return undefined;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          readCall(node, thisOwner, result);
          return undefined;
        default:
          return undefined;
      }
    };
    if (prefixOnly && root.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of root.body) {
        walk(statement, visitorKeys, visit);
        if (awaitsUnconditionally(statement, visitorKeys)) {
          break;
        }
      }
    } else {
      walk(root, visitorKeys, visit);
    }
    return result;
  };

  const readIdentifier = (node: TSESTree.Identifier, result: Direct): void => {
    const reference = getReference(node);
    const variable = reference?.resolved;
    if (!reference || !variable) {
      return;
    }
    const key = variableKey(variable);
    if (reference.isRead()) {
      result.reads.add(key);
    }
    if (reference.isWrite()) {
      result.writes.add(key);
    }
    // `list.push(x)`: the call changes what the variable holds.
    const parent = node.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && isMutatorCall(parent)) {
      result.writes.add(key);
    }
  };

  const readMember = (node: TSESTree.MemberExpression, thisOwner: TSESTree.Node | undefined, result: Direct): void => {
    const object = skipTypeWrappers(node.object);
    const isThis = object.type === AST_NODE_TYPES.ThisExpression && getThisOwner(object) === thisOwner;
    const isSuper = object.type === AST_NODE_TYPES.Super;
    if (!isThis && !isSuper) {
      return;
    }
    const name = getStaticKeyName(node.property, node.computed);
    const key = name === undefined ? ANY_FIELD : `.${name}`;
    const role = getRole(node);
    if (role.read) {
      result.reads.add(key);
    }
    if (role.write || (node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && isMutatorCall(node.parent))) {
      result.writes.add(key);
    }
    if (name !== undefined && !role.called) {
      const member = getMember(name, isSuper);
      if (role.read && member?.getter) {
        result.runs.push(member.getter);
      }
      if (role.write && member?.setter) {
        result.runs.push(member.setter);
      }
    }
  };

  const readCall = (node: TSESTree.CallExpression | TSESTree.NewExpression, thisOwner: TSESTree.Node | undefined, result: Direct): void => {
    const callee = skipTypeWrappers(node.callee);
    // `(async () => {…})()`, `(function () {…}).call(this)` is left out: only the plain call.
    if (node.type === AST_NODE_TYPES.CallExpression && isFunctionNode(callee)) {
      result.runs.push(callee);
      return;
    }
    // `new Promise((resolve, reject) => {…})`: the executor runs now.
    if (
      node.type === AST_NODE_TYPES.NewExpression &&
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'Promise' &&
      isFunctionNode(node.arguments[0])
    ) {
      result.runs.push(node.arguments[0]);
      return;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) {
      return;
    }
    const method = getStaticKeyName(callee.property, callee.computed);
    const object = skipTypeWrappers(callee.object);
    if (
      method !== undefined &&
      ((object.type === AST_NODE_TYPES.ThisExpression && getThisOwner(object) === thisOwner) || object.type === AST_NODE_TYPES.Super)
    ) {
      const member = getMember(method, object.type === AST_NODE_TYPES.Super);
      if (member?.method) {
        result.runs.push(member.method);
      }
      return;
    }
    if (method !== undefined && CALLS_BACK_AT_ONCE.has(method)) {
      for (const argument of node.arguments) {
        if (isFunctionNode(argument)) {
          result.runs.push(argument);
        }
      }
    }
    // `Object.assign(this, options)`: any field.
    if (
      method === 'assign' &&
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === 'Object' &&
      node.arguments[0]?.type === AST_NODE_TYPES.ThisExpression &&
      getThisOwner(node.arguments[0]) === thisOwner
    ) {
      result.writes.add(ANY_FIELD);
    }
  };

  // Per function: what it does itself, and what it runs (synchronously; or at any time, `later`).
  const directOf = new Map<FunctionNode, Direct>();
  const laterDirectOf = new Map<FunctionNode, Direct>();
  const functionDirect = (fn: FunctionNode, later: boolean): Direct => {
    const cache = later ? laterDirectOf : directOf;
    let known = cache.get(fn);
    if (!known) {
      if (fn.generator && !later) {
        // Calling a generator runs none of its body.
        known = { reads: new Set(), writes: new Set(), runs: [] };
      } else {
        // An arrow's `this` is its surroundings'; a method's is the instance; any other function's
        // (a callback, an executor written as \`function\`) is not the instance.
        const thisOwner =
          fn.type === AST_NODE_TYPES.ArrowFunctionExpression
            ? getThisOwner(fn)
            : fn.parent.type === AST_NODE_TYPES.MethodDefinition
              ? fn
              : NOT_THE_INSTANCE;
        known = later ? direct(fn, thisOwner, false, true) : direct(fn.body, thisOwner, fn.async);
      }
      cache.set(fn, known);
    }
    return known;
  };

  // Per function: everything it does, the functions it runs included (their closure, cycle-safe).
  const closures = new Map<FunctionNode, Effects>();
  const laterClosures = new Map<FunctionNode, Effects>();
  const closureOf = (fn: FunctionNode, later: boolean): Effects => {
    const closureCache = later ? laterClosures : closures;
    let known = closureCache.get(fn);
    if (!known) {
      const reads = new Set<string>();
      const writes = new Set<string>();
      const seen = new Set<FunctionNode>([fn]);
      const queue: FunctionNode[] = [fn];
      for (let index = 0; index < queue.length; index++) {
        const current = queue[index]!;
        const cached = index > 0 ? closureCache.get(current) : undefined;
        if (cached) {
          cached.reads.forEach((key) => reads.add(key));
          cached.writes.forEach((key) => writes.add(key));
          continue;
        }
        const own = functionDirect(current, later);
        own.reads.forEach((key) => reads.add(key));
        own.writes.forEach((key) => writes.add(key));
        for (const next of own.runs) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      known = { reads, writes };
      closureCache.set(fn, known);
    }
    return known;
  };

  const effectsOf = (node: TSESTree.Node, later: boolean): Effects => {
    const thisOwner =
      isFunctionNode(node) || node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.AccessorProperty
        ? node
        : getThisOwner(node);
    const own = direct(node, thisOwner, false, later);
    // A field initialiser writes its field.
    if ((node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.AccessorProperty) && node.value) {
      const name = getStaticKeyName(node.key, node.computed);
      own.writes.add(name === undefined ? ANY_FIELD : `.${name}`);
    }
    const reads = new Set(own.reads);
    const writes = new Set(own.writes);
    for (const fn of own.runs) {
      const closure = closureOf(fn, later);
      closure.reads.forEach((key) => reads.add(key));
      closure.writes.forEach((key) => writes.add(key));
    }
    return { reads, writes };
  };

  // Asked again of the same statements (both transforms plan the class; a holder and what it holds): answered once.
  const ofCache = new WeakMap<TSESTree.Node, Effects>();
  const eventuallyCache = new WeakMap<TSESTree.Node, Effects>();
  const memo = (cache: WeakMap<TSESTree.Node, Effects>, node: TSESTree.Node, later: boolean): Effects => {
    let effects = cache.get(node);
    if (!effects) {
      effects = effectsOf(node, later);
      cache.set(node, effects);
    }
    return effects;
  };

  return {
    of: (node) => memo(ofCache, node, false),
    eventually: (node) => memo(eventuallyCache, node, true),
    variableKey,
    variable: (key) => variables.get(key),
    resolve(identifier) {
      return getReference(identifier)?.resolved ?? undefined;
    },
  };
}

/** `x.push(…)`: a call of a mutating method on the member's object. */
function isMutatorCall(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  const name = getStaticKeyName(member.property, member.computed);
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member && name !== undefined && MUTATORS.has(name);
}

/** How `this.x` is used where it stands: read, written (an assignment target), or called (`this.x()`). */
function getRole(node: TSESTree.MemberExpression): { read: boolean; write: boolean; called: boolean } {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // Through type wrappers and parentheses-free wrappers: `(this.x as T) = …`, `this.x! = …`.
  while (
    parent.type === AST_NODE_TYPES.TSNonNullExpression ||
    parent.type === AST_NODE_TYPES.TSAsExpression ||
    parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    parent.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    child = parent;
    parent = parent.parent;
  }
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === child ? { read: parent.operator !== '=', write: true, called: false } : { read: true, write: false, called: false };
    case AST_NODE_TYPES.UpdateExpression:
      return { read: true, write: true, called: false };
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete' ? { read: false, write: true, called: false } : { read: true, write: false, called: false };
    case AST_NODE_TYPES.CallExpression:
      return { read: true, write: false, called: parent.callee === child };
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.type === AST_NODE_TYPES.AssignmentPattern && parent.right === child
        ? { read: true, write: false, called: false }
        : { read: false, write: true, called: false };
    case AST_NODE_TYPES.Property:
      return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectPattern
        ? { read: false, write: true, called: false }
        : { read: true, write: false, called: false };
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === child ? { read: false, write: true, called: false } : { read: true, write: false, called: false };
    default:
      return { read: true, write: false, called: false };
  }
}

/**
 * The statement always awaits (or yields) before it completes: an `await` it reaches whatever
 * happens, not under a branch, a loop body, a short-circuit or a nested function. The statements
 * after it run after the caller got its promise.
 */
function awaitsUnconditionally(statement: TSESTree.Statement, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(statement, visitorKeys, (node) => {
    if (found || isFunctionNode(node)) {
      return 'skip';
    }
    if (
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.YieldExpression ||
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await)
    ) {
      found = isReachedAlways(node, statement);
    }
    return undefined;
  });
  return found;
}

function isReachedAlways(node: TSESTree.Node, statement: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && child !== statement; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test !== child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.ForStatement:
        if (current.init !== child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        if (current.right !== child && current !== node) {
          return false;
        }
        break;
      case AST_NODE_TYPES.WhileStatement:
        if (current.test !== child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LabeledStatement:
        return false;
      case AST_NODE_TYPES.TryStatement:
        if (current.block !== child) {
          return false;
        }
        break;
      default:
        break;
    }
  }
  return true;
}
