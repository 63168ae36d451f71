import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  findMembers,
  getClassName,
  getConstructor,
  getMemberFunction,
  getMemberName,
  getPropertyName,
  getSameFileAncestors,
  getStaticKeyName,
  isClassMember,
  isClassNode,
  isFunctionNode,
  isGlobalReference,
  isPromiseReturningFunction,
  resolveClass,
  resolveDefinition,
  skipTypeWrappers,
  walk,
  type ClassMember,
  type ClassNode,
  type ConstructorNode,
  type FunctionNode,
} from '../utils/ast.js';
import { getRecordedFields } from './awaited-by-class.js';
import { getConstructionRoots, walkConstructionCode } from './construction.js';
import type { TypeTier } from './types.js';

/**
 * The one knowledge of "this class initialises asynchronously", shared by the rules about awaitable
 * and async-disposable classes. A class initialises asynchronously when it is awaitable (a `then`
 * member), has a static async factory, or has async init methods that assign fields of `this`.
 * The syntax tier reads classes declared in this file; the type tier (functions taking a `TypeTier`)
 * answers for classes from other files and packages.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** An instance method that is async (or returns a promise) and assigns fields of `this`. */
export interface AsyncInitMethod {
  member: TSESTree.MethodDefinition;
  /** The method's name as written (`connect`, `#open`). */
  name: string;
  /** The fields it assigns a value to (`conn`, `#socket`); assignments of `null`/`undefined` do not count. */
  fields: ReadonlySet<string>;
}

export type ConstructorAccess = 'private' | 'protected' | 'public';

export interface AsyncClassInfo {
  node: ClassNode;
  name: string | undefined;
  /** The `then` member that makes instances awaitable, own or from a same-file ancestor. */
  thenMember: ClassMember | undefined;
  /** Static methods that are async (or return a promise) and construct the class: `static async create()`. */
  factories: TSESTree.MethodDefinition[];
  initMethods: AsyncInitMethod[];
  /** The constructor implementation, when the class declares one. */
  constructorNode: ConstructorNode | undefined;
  /** `private`/`protected` as written on the constructor; an implicit constructor is public. */
  constructorAccess: ConstructorAccess;
  /** Fields that hold a value once construction ends: non-nullish field initialisers, parameter properties, constructor assignments. */
  constructedFields: ReadonlySet<string>;
  /** Fields given a value by a synchronous instance method or accessor (they need no async init). */
  syncAssignedFields: ReadonlySet<string>;
}

/**
 * Everything this file's syntax says about how `node` initialises. The rules ask for the pieces they
 * need instead ({@link getThenMember}, {@link getStaticFactories}, {@link getAsyncOnlyFields}), which
 * are cheaper: this walks every method.
 */
export function getAsyncClassInfo(node: ClassNode, sourceCode: SourceCode): AsyncClassInfo {
  const { initMethods, constructedFields, syncAssignedFields } = analyseFields(node, sourceCode, undefined);
  return {
    node,
    name: getClassName(node),
    thenMember: getThenMember(node, sourceCode),
    factories: getStaticFactories(node, sourceCode),
    initMethods,
    constructorNode: getConstructor(node),
    constructorAccess: getConstructorAccess(node),
    constructedFields,
    syncAssignedFields,
  };
}

const thenCache = new WeakMap<ClassNode, ClassMember | null>();

/** The `then` member that makes instances of `node` awaitable, own or from a same-file ancestor (cached). */
export function getThenMember(node: ClassNode, sourceCode: SourceCode): ClassMember | undefined {
  let cached = thenCache.get(node);
  if (cached === undefined) {
    cached = findThenMember(node, sourceCode) ?? null;
    thenCache.set(node, cached);
  }
  return cached ?? undefined;
}

/** Instances of `node` are awaitable: it (or a same-file ancestor) has a `then` member. */
export function isAwaitableClass(node: ClassNode, sourceCode: SourceCode): boolean {
  return getThenMember(node, sourceCode) !== undefined;
}

/**
 * Whether some class of this file has an instance member named `then` of its own: without one, no
 * class of the file is awaitable (an inherited `then` is a same-file ancestor's own). Asked of the
 * scope manager's class scopes, so a file costs a look at each of its scopes, not at its text.
 */
export function declaresThenMember(sourceCode: SourceCode): boolean {
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type === 'class' && (scope.block as ClassNode).body.body.some(isOwnThen)) {
      return true;
    }
  }
  return false;
}

/** An instance member whose name is `then`, as {@link findMembers} names members. */
function isOwnThen(member: TSESTree.ClassElement): boolean {
  return isClassMember(member) && !member.static && getMemberName(member) === 'then';
}

/** `private`/`protected` as written on the constructor; an implicit constructor is public. */
export function getConstructorAccess(node: ClassNode): ConstructorAccess {
  for (const member of node.body.body) {
    // `accessibility` is `undefined` in typescript-eslint's AST and `null` in oxlint's.
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.accessibility) {
      return member.accessibility;
    }
  }
  return 'public';
}

/** Static methods that are async (or return a promise) and construct the class: `static async create()`. */
export function getStaticFactories(node: ClassNode, sourceCode: SourceCode): TSESTree.MethodDefinition[] {
  const factories: TSESTree.MethodDefinition[] = [];
  for (const member of node.body.body) {
    if (
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.static &&
      member.kind === 'method' &&
      member.value.type === AST_NODE_TYPES.FunctionExpression &&
      isPromiseReturningFunction(member.value) &&
      constructsClass(member.value, node, sourceCode)
    ) {
      factories.push(member);
    }
  }
  return factories;
}

/** Where a class's initialisation lives when its static async factory does it. */
export interface FactoryInit {
  factory: TSESTree.MethodDefinition;
  /** The factory's name as written: `create`. */
  name: string;
  /** What the factory awaits on the instance before returning it: `connect` (a call), `#ready` (a field). */
  awaited: ReadonlySet<string>;
  /**
   * All the factory awaits is work the constructor started and recorded (`this.#trackInit(work)`):
   * `new X()` runs the initialisation too, it only does not wait for it.
   */
  recordedOnly: boolean;
}

const factoryInitCache = new WeakMap<ClassNode, FactoryInit | null>();

/**
 * The class's initialisation lives in a static async factory: a static async method constructs it
 * (`const db = new Db(…)`, `new this(…)`), awaits work on that instance (`await db.connect()`, or a
 * field holding what the constructor started, `await db.#ready`, `await Promise.all(db.#pendingInit)`:
 * the factory transform's recorded shape) and returns it. `new Db()`
 * anywhere else then gives an instance whose initialisation has not run. Not when the constructor
 * itself calls every method the factory awaits (it still does the work), nor for an ambient class
 * (see {@link getDeclaredFactory}). Cached per class.
 */
export function getFactoryInit(node: ClassNode, sourceCode: SourceCode): FactoryInit | undefined {
  let cached = factoryInitCache.get(node);
  if (cached === undefined) {
    cached = findFactoryInit(node, sourceCode) ?? null;
    factoryInitCache.set(node, cached);
  }
  return cached ?? undefined;
}

function findFactoryInit(node: ClassNode, sourceCode: SourceCode): FactoryInit | undefined {
  let calledByConstructor: Set<string> | undefined;
  for (const factory of getStaticFactories(node, sourceCode)) {
    const awaited = getAwaitedInstanceWork(factory.value as TSESTree.FunctionExpression, node, sourceCode);
    const name = getStaticKeyName(factory.key, factory.computed);
    // The call site is rewritten to `X.name(…)`: only a name that reads as an identifier will do.
    if (!awaited || name === undefined || !IDENTIFIER.test(name)) {
      continue;
    }
    calledByConstructor ??= getMethodsCalledDuringConstruction(node, sourceCode);
    const fields = [...awaited.fields];
    const methods = [...awaited.methods];
    // The constructor does the work itself when it calls every awaited method (and no field is awaited).
    if (fields.length > 0 || methods.some((method) => !calledByConstructor!.has(method))) {
      // Work recorded where the constructor starts it (`this.#trackInit(work)`) is not left to the factory.
      const recorded = getRecordedFields(node, sourceCode);
      const recordedOnly = methods.length === 0 && fields.every((field) => recorded.has(field));
      return { factory, name, awaited: new Set([...methods, ...fields]), recordedOnly };
    }
  }
  return undefined;
}

/**
 * In a factory's body: the variable bound to `new C(…)`/`new this(…)` that is returned, and what is
 * awaited on it (`await v.m(…)`, `await v.f`, also inside `Promise.all([…])` and through
 * `.catch()`/`.then()`/`.finally()`).
 */
function getAwaitedInstanceWork(
  fn: TSESTree.FunctionExpression,
  node: ClassNode,
  sourceCode: SourceCode,
): { methods: Set<string>; fields: Set<string> } | undefined {
  const instances = new Set<string>();
  const returned = new Set<string>();
  const awaits: TSESTree.Node[] = [];
  // Local lists of promises awaited together (`const pending = [db.#a]; pending.push(db.b()); await Promise.all(pending)`).
  const lists = new Map<string, TSESTree.Node[]>();
  walkSameThis(fn.body, sourceCode, (child) => {
    if (child.type === AST_NODE_TYPES.VariableDeclarator && child.id.type === AST_NODE_TYPES.Identifier && child.init?.type === AST_NODE_TYPES.ArrayExpression) {
      lists.set(child.id.name, child.init.elements.flatMap((element) => (element ? [element] : [])));
    } else if (
      child.type === AST_NODE_TYPES.CallExpression &&
      child.callee.type === AST_NODE_TYPES.MemberExpression &&
      child.callee.object.type === AST_NODE_TYPES.Identifier &&
      getPropertyName(child.callee) === 'push'
    ) {
      lists.get(child.callee.object.name)?.push(...child.arguments);
    }
    if (
      child.type === AST_NODE_TYPES.VariableDeclarator &&
      child.id.type === AST_NODE_TYPES.Identifier &&
      child.init &&
      isNewOfClass(skipTypeWrappers(child.init), node, sourceCode)
    ) {
      instances.add(child.id.name);
    } else if (child.type === AST_NODE_TYPES.ReturnStatement && child.argument) {
      const argument = skipTypeWrappers(child.argument);
      if (argument.type === AST_NODE_TYPES.Identifier) {
        returned.add(argument.name);
      }
    } else if (child.type === AST_NODE_TYPES.AwaitExpression) {
      awaits.push(child.argument);
    }
  });
  const methods = new Set<string>();
  const fields = new Set<string>();
  // What is awaited, and the lists `Promise.all` is handed, on an explicit stack (no nesting overflows it).
  const pending = [...awaits].reverse();
  for (let expression = pending.pop(); expression; expression = pending.pop()) {
    let current = skipTypeWrappers(expression);
    // `v.connect().catch(…)`: the chain's receiver is the work.
    while (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      CHAIN_METHODS.has(getPropertyName(current.callee) ?? '')
    ) {
      current = skipTypeWrappers(current.callee.object);
    }
    if (current.type === AST_NODE_TYPES.CallExpression && isGlobalPromiseCall(current, sourceCode)) {
      // `Promise.all([v.a(), v.b()])`, a field holding the list: `Promise.all(v.#pendingInit)`, or a local list.
      const [list] = current.arguments;
      if (list?.type === AST_NODE_TYPES.ArrayExpression) {
        for (let index = list.elements.length - 1; index >= 0; index--) {
          const element = list.elements[index];
          if (element) {
            pending.push(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
          }
        }
      } else if (list?.type === AST_NODE_TYPES.Identifier && lists.has(list.name)) {
        const elements = lists.get(list.name)!;
        lists.delete(list.name);
        for (let index = elements.length - 1; index >= 0; index--) {
          const element = elements[index]!;
          pending.push(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
        }
      } else if (list && list.type !== AST_NODE_TYPES.SpreadElement) {
        pending.push(list);
      }
      continue;
    }
    const isCall = current.type === AST_NODE_TYPES.CallExpression;
    const member = current.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(current.callee) : current;
    if (member.type !== AST_NODE_TYPES.MemberExpression) {
      continue;
    }
    const object = skipTypeWrappers(member.object);
    const name = getPropertyName(member);
    if (object.type === AST_NODE_TYPES.Identifier && instances.has(object.name) && returned.has(object.name) && name !== undefined) {
      (isCall ? methods : fields).add(name);
    }
  }
  return methods.size > 0 || fields.size > 0 ? { methods, fields } : undefined;
}

function isNewOfClass(expression: TSESTree.Node, node: ClassNode, sourceCode: SourceCode): boolean {
  if (expression.type !== AST_NODE_TYPES.NewExpression) {
    return false;
  }
  const callee = skipTypeWrappers(expression.callee);
  return callee.type === AST_NODE_TYPES.ThisExpression || resolveClass(callee, sourceCode) === node;
}

/** `Promise.all([…])`, `Promise.allSettled([…])`. */
function isGlobalPromiseCall(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const callee = skipTypeWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    ['all', 'allSettled'].includes(getPropertyName(callee) ?? '') &&
    isGlobalReference(skipTypeWrappers(callee.object), 'Promise', sourceCode)
  );
}

/** The methods of `this` the constructor and field initialisers call: `this.connect()`, `this.#open()`. */
function getMethodsCalledDuringConstruction(node: ClassNode, sourceCode: SourceCode): Set<string> {
  const called = new Set<string>();
  const { constructorBody, fieldInitializers } = getConstructionRoots(node);
  for (const root of [...(constructorBody ? [constructorBody] : []), ...fieldInitializers]) {
    walkConstructionCode(root, sourceCode.visitorKeys, (child) => {
      if (
        child.type === AST_NODE_TYPES.CallExpression &&
        child.callee.type === AST_NODE_TYPES.MemberExpression &&
        child.callee.object.type === AST_NODE_TYPES.ThisExpression
      ) {
        const name = getPropertyName(child.callee);
        if (name !== undefined) {
          called.add(name);
        }
      }
      return undefined;
    });
  }
  return called;
}

/**
 * An ambient class (a `.d.ts`, `declare class`) whose only way in is a static factory: a
 * `private`/`protected` constructor and a static method declared to return `Promise<ThisClass>`.
 * What the declaration says is all there is to go on.
 */
export function getDeclaredFactory(node: ClassNode): string | undefined {
  if (getConstructorAccess(node) === 'public') {
    return undefined;
  }
  const className = getClassName(node);
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.static || member.kind !== 'method') {
      continue;
    }
    const type = member.value.returnType?.typeAnnotation;
    const name = getStaticKeyName(member.key, member.computed);
    if (
      name !== undefined &&
      IDENTIFIER.test(name) &&
      type?.type === AST_NODE_TYPES.TSTypeReference &&
      type.typeName.type === AST_NODE_TYPES.Identifier &&
      type.typeName.name === 'Promise' &&
      type.typeArguments?.params.length === 1
    ) {
      const [argument] = type.typeArguments.params;
      if (
        argument?.type === AST_NODE_TYPES.TSTypeReference &&
        argument.typeName.type === AST_NODE_TYPES.Identifier &&
        argument.typeName.name === className
      ) {
        return name;
      }
    }
  }
  return undefined;
}

/**
 * The fields only async initialisation assigns: set by an async init method, but neither during
 * construction nor by a synchronous method. Each maps to the init method that assigns it first.
 * With `candidates`, only those fields are looked for, and members whose text names none of them
 * are not walked.
 */
export function getAsyncOnlyFields(
  node: ClassNode,
  sourceCode: SourceCode,
  candidates?: ReadonlySet<string>,
): Map<string, AsyncInitMethod> {
  const { initMethods, constructedFields, syncAssignedFields } = analyseFields(node, sourceCode, candidates);
  const fields = new Map<string, AsyncInitMethod>();
  for (const method of initMethods) {
    for (const field of method.fields) {
      if (!constructedFields.has(field) && !syncAssignedFields.has(field) && !fields.has(field)) {
        fields.set(field, method);
      }
    }
  }
  return fields;
}

interface FieldAnalysis {
  initMethods: AsyncInitMethod[];
  constructedFields: Set<string>;
  syncAssignedFields: Set<string>;
}

/** `this.f =`, `this.#f ??=`, `this['f'] +=`: an assignment to a field of `this`, as written. */
const THIS_FIELD_ASSIGNMENT =
  /\bthis\s*(?:\.\s*(#?[\w$]+)|\[\s*['"`]([\w$]+)['"`]\s*\])\s*(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])?=(?![=>])/gu;

function analyseFields(node: ClassNode, sourceCode: SourceCode, candidates: ReadonlySet<string> | undefined): FieldAnalysis {
  let mayAssign = (_range: TSESTree.Range): boolean => true;
  if (candidates) {
    // One pass over the class's text finds where a candidate is assigned; only the members holding
    // such a place are walked (the walk confirms it), and with none there is nothing to find.
    const [start, end] = node.body.range;
    const offsets: number[] = [];
    for (const match of sourceCode.text.slice(start, end).matchAll(THIS_FIELD_ASSIGNMENT)) {
      if (candidates.has(match[1] ?? match[2] ?? '')) {
        offsets.push(start + match.index);
      }
    }
    if (offsets.length === 0) {
      return { initMethods: [], constructedFields: new Set(), syncAssignedFields: new Set() };
    }
    // The offsets are in ascending order: the first at or after the range's start decides.
    mayAssign = (range) => {
      let low = 0;
      let high = offsets.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (offsets[middle]! < range[0]) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low < offsets.length && offsets[low]! < range[1];
    };
  }
  const keep = (fields: Set<string>): Set<string> =>
    candidates ? new Set([...fields].filter((field) => candidates.has(field))) : fields;

  const analysis: FieldAnalysis = {
    initMethods: [],
    constructedFields: getConstructedFields(node, sourceCode, mayAssign),
    syncAssignedFields: new Set(),
  };
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind === 'constructor' || member.static) {
      continue;
    }
    const fn = member.value;
    const name = getStaticKeyName(member.key, member.computed);
    if (
      fn.type !== AST_NODE_TYPES.FunctionExpression ||
      (name !== undefined && isDisposeName(name)) ||
      !mayAssign(fn.body.range)
    ) {
      continue;
    }
    const fields = keep(getAssignedThisFields(fn, sourceCode));
    if (member.kind === 'method' && isPromiseReturningFunction(fn)) {
      if (fields.size > 0 && name !== undefined) {
        analysis.initMethods.push({ member, name, fields });
      }
    } else {
      for (const field of fields) {
        analysis.syncAssignedFields.add(field);
      }
    }
  }
  return analysis;
}

/** The class a `new` expression constructs, when it is declared in this file (`new C()`, `new this()` in a static method). */
export function resolveConstructedClass(node: TSESTree.NewExpression, sourceCode: SourceCode): ClassNode | undefined {
  // Asked of every `new` by several checks of one rule (the factory call, the held instance): answered once.
  const cached = constructedClasses.get(node);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const callee = skipTypeWrappers(node.callee);
  let cls: ClassNode | undefined;
  if (callee.type === AST_NODE_TYPES.ThisExpression) {
    const method = getEnclosingMethod(node);
    cls = method?.static ? (method.parent.parent as ClassNode) : undefined;
  } else {
    cls = resolveClass(callee, sourceCode);
  }
  constructedClasses.set(node, cls ?? null);
  return cls;
}

const constructedClasses = new WeakMap<TSESTree.NewExpression, ClassNode | null>();

/**
 * `new X()` gives an awaitable instance: syntax tier, `X` is a same-file class with a `then`;
 * type tier, the construct signature returns a thenable. The global `Promise` is not counted:
 * a `new Promise` is a promise, not an object with an initialisation.
 */
export function isAwaitableNew(node: TSESTree.NewExpression, sourceCode: SourceCode, types: TypeTier | undefined): boolean {
  const cls = resolveConstructedClass(node, sourceCode);
  if (cls) {
    if (isAwaitableClass(cls, sourceCode)) {
      return true;
    }
    // Without a `then` of its own or in a same-file ancestor, only a base class from elsewhere can give it one.
    if (!types || !cls.superClass) {
      return false;
    }
  } else if (!types || isGlobalReference(skipTypeWrappers(node.callee), 'Promise', sourceCode)) {
    return false;
  }
  return types.isThenable(node) && !hasLibThen(types.getType(node), types);
}

/**
 * The type's `then` comes from the TypeScript lib (`Promise`, a subclass of it, `PromiseLike`): it is
 * a promise, not a class with an initialisation of its own.
 */
function hasLibThen(type: ts.Type, types: TypeTier): boolean {
  return types.tsutils.unionConstituents(type).some((part) => {
    const then = part.getProperty('then');
    const declarations = then?.declarations ?? [];
    return declarations.length > 0 && declarations.every((declaration) => types.program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
  });
}

const PROMISE_STATICS = new Set(['all', 'allSettled', 'any', 'race', 'reject', 'resolve', 'try']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * The expression evaluates to a promise, known by syntax: `new Promise(…)`, `Promise.resolve(…)`,
 * an async IIFE, a call of a same-file function or static method that is async (or annotated to
 * return a promise), a `.then()` chain on one of these. The type tier adds any thenable-typed expression.
 */
export function isPromiseExpression(node: TSESTree.Node, sourceCode: SourceCode, types: TypeTier | undefined): boolean {
  return isPromiseBySyntax(node, sourceCode, 0) || (types?.isThenable(node) ?? false);
}

function isPromiseBySyntax(node: TSESTree.Node, sourceCode: SourceCode, depth: number): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    return isGlobalReference(skipTypeWrappers(expression.callee), 'Promise', sourceCode);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression || depth > 8) {
    return false;
  }
  const callee = skipTypeWrappers(expression.callee);
  if (callee.type === AST_NODE_TYPES.ArrowFunctionExpression || callee.type === AST_NODE_TYPES.FunctionExpression) {
    return callee.async;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveDefinition(callee, sourceCode);
    return (
      (isFunctionNode(definition) || definition?.type === AST_NODE_TYPES.TSDeclareFunction) &&
      isPromiseReturningFunction(definition)
    );
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  if (method === undefined) {
    return false;
  }
  const object = skipTypeWrappers(callee.object);
  if (isGlobalReference(object, 'Promise', sourceCode)) {
    return PROMISE_STATICS.has(method);
  }
  if (CHAIN_METHODS.has(method)) {
    return isPromiseBySyntax(object, sourceCode, depth + 1);
  }
  const cls = resolveClass(object, sourceCode);
  if (!cls) {
    return false;
  }
  for (const candidate of [cls, ...getSameFileAncestors(cls, sourceCode)]) {
    const members = findMembers(candidate, method, true);
    if (members.length > 0) {
      return members.some((member) => isPromiseReturningFunction(getMemberFunction(member)));
    }
  }
  return false;
}

/** Which disposal protocol a computed class key names: `[Symbol.asyncDispose]`, `[Symbol.dispose]`, or an alias of them. */
export type DisposeKind = 'asyncDispose' | 'dispose';

export interface DisposeMember {
  member: ClassMember;
  kind: DisposeKind;
  /** The method's function, when the member holds one. */
  fn: FunctionNode | undefined;
}

/**
 * The class's own `[Symbol.asyncDispose]` (preferred) or `[Symbol.dispose]` member. The key may be
 * the well-known symbol, a same-file `const` alias of it (`const d = Symbol.asyncDispose`), or, with
 * types, any expression typed as that unique symbol (an alias imported from another file).
 */
export function findDisposeMember(node: ClassNode, sourceCode: SourceCode, types: TypeTier | undefined): DisposeMember | undefined {
  let found: DisposeMember | undefined;
  for (const member of node.body.body) {
    if (
      member.type !== AST_NODE_TYPES.MethodDefinition &&
      member.type !== AST_NODE_TYPES.PropertyDefinition &&
      member.type !== AST_NODE_TYPES.TSAbstractMethodDefinition
    ) {
      continue;
    }
    if (member.static || !member.computed) {
      continue;
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') {
      continue;
    }
    const kind = getDisposeKeyKind(member.key, sourceCode, types);
    if (!kind) {
      continue;
    }
    const fn = getMemberFunction(member);
    const candidate: DisposeMember = {
      member,
      kind,
      fn: fn && fn.type !== AST_NODE_TYPES.TSEmptyBodyFunctionExpression ? fn : undefined,
    };
    if (!found || (found.kind === 'dispose' && kind === 'asyncDispose')) {
      found = candidate;
    }
  }
  return found;
}

/** Instance members with a computed key: where `[Symbol.asyncDispose]` and its aliases are. */
const COMPUTED_MEMBER = ':matches(MethodDefinition, PropertyDefinition)[computed=true][static=false]';

/**
 * The listeners of a rule about disposable classes. Without types, a class is disposable only
 * through a computed dispose key in this file: the classes are collected and judged at the end,
 * and only when such a key was seen. With types, every class is judged.
 */
export function createDisposableClassListeners(
  sourceCode: SourceCode,
  types: TypeTier | undefined,
  checkClass: (node: ClassNode) => void,
): TSESLint.RuleListener {
  const classes: ClassNode[] = [];
  let hasDisposeKey = types !== undefined;
  return {
    ClassDeclaration: (node) => classes.push(node),
    ClassExpression: (node) => classes.push(node),
    [COMPUTED_MEMBER]: (member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition) => {
      hasDisposeKey ||= getDisposeKeyKind(member.key, sourceCode, types) !== undefined;
    },
    'Program:exit': () => {
      if (hasDisposeKey) {
        classes.forEach(checkClass);
      }
    },
  };
}

/** The disposal symbol a computed key names, if any. */
export function getDisposeKeyKind(key: TSESTree.Node, sourceCode: SourceCode, types: TypeTier | undefined): DisposeKind | undefined {
  const bySyntax = getWellKnownDisposeKind(key, sourceCode, 0);
  if (bySyntax || !types) {
    return bySyntax;
  }
  return getDisposeKindOfType(types.getType(key), types);
}

function getWellKnownDisposeKind(key: TSESTree.Node, sourceCode: SourceCode, depth: number): DisposeKind | undefined {
  const expression = skipTypeWrappers(key);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const property = getPropertyName(expression);
    if ((property === 'asyncDispose' || property === 'dispose') && isGlobalReference(expression.object, 'Symbol', sourceCode)) {
      return property;
    }
    return undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const definition = resolveDefinition(expression, sourceCode);
    return definition ? getWellKnownDisposeKind(definition, sourceCode, depth + 1) : undefined;
  }
  return undefined;
}

/** `typeof Symbol.asyncDispose` / `typeof Symbol.dispose`: the unique symbol types the lib declares. */
function getDisposeKindOfType(type: ts.Type, types: TypeTier): DisposeKind | undefined {
  if (!types.tsutils.isUniqueESSymbolType(type)) {
    return undefined;
  }
  const name = type.symbol.escapedName as string;
  if (name !== 'asyncDispose' && name !== 'dispose') {
    return undefined;
  }
  const declaredInSymbolConstructor = (type.symbol.declarations ?? []).some((declaration) => {
    const owner = declaration.parent;
    return (
      types.ts.isInterfaceDeclaration(owner) &&
      owner.name.text === 'SymbolConstructor' &&
      types.program.isSourceFileDefaultLibrary(declaration.getSourceFile())
    );
  });
  return declaredInSymbolConstructor ? name : undefined;
}

/**
 * Type tier: the class's instances are awaitable because of a `then` the syntax tier cannot see
 * (inherited from a class in another file or package).
 */
export function isAwaitableClassByType(node: ClassNode, types: TypeTier): boolean {
  const instance = getInstanceType(node, types);
  const tsNode = types.tsNode(node);
  return instance !== undefined && !types.isUnknown(instance) && types.tsutils.isThenableType(types.checker, tsNode, instance);
}

/** The type of the instances a class declared in this file constructs. */
export function getInstanceType(node: ClassNode, types: TypeTier): ts.Type | undefined {
  const type = types.getType(node);
  const signatures = type.getConstructSignatures();
  if (signatures.length === 0) {
    return type;
  }
  return signatures[0]?.getReturnType();
}

/** Whether `await` is legal where `node` stands (an async function's body, or a module's top level). */
export function canAwaitAt(node: TSESTree.Node, sourceCode: SourceCode, types: TypeTier | undefined): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) {
      // Parameter defaults of an async function cannot await either.
      return parent.async && parent.body === child;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.TSModuleBlock:
        return false;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (parent.value === child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.Program:
        return parent.sourceType === 'module' && allowsTopLevelAwait(sourceCode, types);
      default:
        break;
    }
  }
  return false;
}

/** With types, top-level await also needs the file to be emitted as an ES module of ES2022 or later. */
function allowsTopLevelAwait(sourceCode: SourceCode, types: TypeTier | undefined): boolean {
  if (!types) {
    return true;
  }
  const { ts: typescript, program } = types;
  const file = types.tsNode(sourceCode.ast) as ts.SourceFile;
  if (!typescript.isExternalModule(file)) {
    return false;
  }
  const options = program.getCompilerOptions();
  if (options.target !== undefined && options.target < typescript.ScriptTarget.ES2017) {
    return false;
  }
  const { ModuleKind } = typescript;
  const kind = options.module;
  if (kind === ModuleKind.ES2022 || kind === ModuleKind.ESNext || kind === ModuleKind.System || kind === ModuleKind.Preserve) {
    return true;
  }
  // node16 … nodenext: the file's own format decides (`.mts`, or `"type": "module"` in package.json).
  return kind !== undefined && kind >= ModuleKind.Node16 && kind <= ModuleKind.NodeNext && file.impliedNodeFormat === ModuleKind.ESNext;
}

/** The expression as written, for messages: `` `new Db()` ``, whitespace folded and long text cut. */
export function describeExpression(node: TSESTree.Node, sourceCode: SourceCode): string {
  let text = sourceCode.getText(node).replace(/\s+/gu, ' ');
  if (text.length > 40) {
    text = `${text.slice(0, 39)}…`;
  }
  return `\`${text}\``;
}

/** Members that are not initialisation: the disposal methods, and `then`, which awaits it. */
function isDisposeName(name: string): boolean {
  return name === '@@asyncDispose' || name === '@@dispose' || name === 'then';
}

function findThenMember(node: ClassNode, sourceCode: SourceCode): ClassMember | undefined {
  for (const cls of [node, ...getSameFileAncestors(node, sourceCode)]) {
    for (const member of findMembers(cls, 'then')) {
      if (isThenValue(member)) {
        return member;
      }
    }
  }
  return undefined;
}

/** A `then` that can be called: a method, an accessor, or a field holding a value (not `then = undefined`). */
function isThenValue(member: ClassMember): boolean {
  if (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) {
    return member.value !== null && !isNullish(member.value);
  }
  return true;
}

function getConstructedFields(node: ClassNode, sourceCode: SourceCode, mayAssign: (range: TSESTree.Range) => boolean): Set<string> {
  const fields = new Set<string>();
  const { constructorBody, fieldInitializers } = getConstructionRoots(node);
  for (const initializer of fieldInitializers) {
    const member = initializer.parent as TSESTree.AccessorProperty | TSESTree.PropertyDefinition;
    const name = getStaticKeyName(member.key, member.computed);
    if (name !== undefined && !isNullish(initializer)) {
      fields.add(name);
    }
  }
  const constructorNode = getConstructor(node);
  for (const param of constructorNode?.value.params ?? []) {
    if (param.type === AST_NODE_TYPES.TSParameterProperty) {
      const binding = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      if (binding.type === AST_NODE_TYPES.Identifier) {
        fields.add(binding.name);
      }
    }
  }
  if (constructorBody && mayAssign(constructorBody.range)) {
    walkConstructionCode(constructorBody, sourceCode.visitorKeys, (child) => {
      const field = getThisFieldAssigned(child);
      if (field !== undefined) {
        fields.add(field);
      }
      return undefined;
    });
  }
  return fields;
}

/** `this.f = value` (or `??=`, `||=`, …) with a value that is not `null`/`undefined`: `f`. */
function getThisFieldAssigned(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.AssignmentExpression) {
    return undefined;
  }
  const target = skipTypeWrappers(node.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  if (node.operator === '=' && isNullish(node.right)) {
    return undefined;
  }
  return getPropertyName(target);
}

/** The fields of `this` a method assigns, in its body and in arrow functions within it (same `this`). */
function getAssignedThisFields(fn: TSESTree.FunctionExpression, sourceCode: SourceCode): Set<string> {
  const fields = new Set<string>();
  walkSameThis(fn.body, sourceCode, (node) => {
    const field = getThisFieldAssigned(node);
    if (field !== undefined) {
      fields.add(field);
    }
  });
  return fields;
}

/** A static method constructs the class: `new C(…)`, `new this(…)` anywhere in its body. */
function constructsClass(fn: TSESTree.FunctionExpression, node: ClassNode, sourceCode: SourceCode): boolean {
  let found = false;
  walkSameThis(fn.body, sourceCode, (child) => {
    if (!found && child.type === AST_NODE_TYPES.NewExpression) {
      const callee = skipTypeWrappers(child.callee);
      found = callee.type === AST_NODE_TYPES.ThisExpression || resolveClass(callee, sourceCode) === node;
    }
  });
  return found;
}

/**
 * Visits every node below `root` that shares its `this`: arrow functions are walked into,
 * other functions and classes are not. Type annotations are skipped.
 */
export function walkSameThis(root: TSESTree.Node, sourceCode: SourceCode, visit: (node: TSESTree.Node) => void): void {
  walk(root, sourceCode.visitorKeys, (node) => {
    visit(node);
    const hasOwnThis = (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) || isClassNode(node);
    return node !== root && hasOwnThis ? 'skip' : undefined;
  });
}

function getEnclosingMethod(node: TSESTree.Node): TSESTree.MethodDefinition | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return current.parent.type === AST_NODE_TYPES.MethodDefinition ? current.parent : undefined;
    }
  }
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return (
    (expression.type === AST_NODE_TYPES.Literal && expression.raw === 'null') ||
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void')
  );
}

/** A name that can follow `.` (`X.create`): no private `#name`, number or string with other characters. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
