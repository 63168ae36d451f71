import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { countBefore } from './sorted.js';

/** Class-level queries shared by every rule: members, constructors, same-file ancestors. */

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** A constructor with a body: the implementation, never an overload signature. */
export type ConstructorNode = TSESTree.MethodDefinition & {
  kind: 'constructor';
  value: TSESTree.FunctionExpression;
};

/** A member that can hold a value or behaviour: methods, fields, accessors (abstract ones too). */
export type ClassMember =
  | TSESTree.AccessorProperty
  | TSESTree.MethodDefinition
  | TSESTree.PropertyDefinition
  | TSESTree.TSAbstractAccessorProperty
  | TSESTree.TSAbstractMethodDefinition
  | TSESTree.TSAbstractPropertyDefinition;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

export function isClassNode(node: TSESTree.Node | null | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

export function isClassMember(node: TSESTree.Node): node is ClassMember {
  switch (node.type) {
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.TSAbstractAccessorProperty:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
      return true;
    default:
      return false;
  }
}

/**
 * The name a member or property is reachable by, when it is known statically:
 * `foo`, `'foo'`, `['foo']` give `foo`; `#foo` gives `#foo`; `[Symbol.asyncDispose]` gives
 * `@@asyncDispose` (a well-known symbol). Anything computed otherwise gives `undefined`.
 */
export function getStaticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) {
    return `#${key.name}`;
  }
  if (!computed && key.type === AST_NODE_TYPES.Identifier) {
    return key.name;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  if (
    computed &&
    key.type === AST_NODE_TYPES.MemberExpression &&
    !key.computed &&
    key.object.type === AST_NODE_TYPES.Identifier &&
    key.object.name === 'Symbol' &&
    key.property.type === AST_NODE_TYPES.Identifier
  ) {
    return `@@${key.property.name}`;
  }
  return undefined;
}

export function getMemberName(member: TSESTree.Node): string | undefined {
  if (isClassMember(member) || member.type === AST_NODE_TYPES.Property) {
    return getStaticKeyName(member.key, member.computed);
  }
  return undefined;
}

/**
 * The name of a class as written or as bound to a variable: `class Db`, `const Db = class {}`,
 * `Db = class {}` (esbuild's output for every class), `(Db = class {}) => …`. These are the
 * bindings JavaScript names the class after (`Db.name === 'Db'`) and that code can reach it by.
 * A property (`{ Db: class {} }`, `this.Db = class {}`) is not a variable: `undefined`.
 */
export function getClassName(node: ClassNode): string | undefined {
  if (node.id) {
    return node.id.name;
  }
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.AssignmentExpression || parent.type === AST_NODE_TYPES.AssignmentPattern) &&
    parent.right === node &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.left.name;
  }
  return undefined;
}

/**
 * The constant binding of an anonymous class expression (`const Db = class {…}`, esbuild's
 * `var Db = class {…}` and `var Db; Db = class {…}`): declared once and written only with this
 * class, so its name always means it.
 */
export function getAnonymousClassBinding(
  node: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.Scope.Variable | undefined {
  const parent = node.parent;
  let identifier: TSESTree.Identifier;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    identifier = parent.id;
  } else if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === node &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    identifier = parent.left;
  } else {
    return undefined;
  }
  const variable = node.id ? undefined : findVariable(identifier, sourceCode);
  if (
    variable?.defs.length !== 1 ||
    variable.references.some((reference) => reference.isWrite() && reference.identifier !== identifier)
  ) {
    return undefined;
  }
  return variable;
}

/** Methods that subscribe a listener to an event. */
export const SUBSCRIBE_METHODS: ReadonlySet<string> = new Set([
  'addEventListener',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

/** A method name that subscribes a listener: {@link SUBSCRIBE_METHODS}, or `on<event>` (`transport.onopen(f)`). */
export function isSubscribeMethodName(name: string): boolean {
  return SUBSCRIBE_METHODS.has(name) || /^on[A-Za-z]/u.test(name);
}

export function isStaticMember(member: ClassMember): boolean {
  return member.static;
}

/**
 * Whether the instance member `name` of `node` (not its ancestors) returns a promise by its
 * syntax (`async`, or annotated `Promise`/`PromiseLike`, abstract ones too): `true`/`false` when
 * the class declares such a member, `undefined` when it does not. Answered from the class's index
 * of members (findMembers): a table of its own, as large as the class, was one more lookup in a
 * table past the caches per call of a chain.
 */
export function isPromiseMember(node: ClassNode, name: string): boolean | undefined {
  const members = findMembers(node, name);
  if (members.length === 0) {
    return undefined;
  }
  for (const member of members) {
    if (isPromiseReturningFunction(getMemberFunction(member))) {
      return true;
    }
  }
  return false;
}

/** A class's members by name, per side: built once per class, so a lookup costs the same in a class of any size. */
interface MemberIndex {
  instance: Map<string, ClassMember[]>;
  static: Map<string, ClassMember[]>;
}

const memberIndexes = new WeakMap<ClassNode, MemberIndex>();
const NO_MEMBERS: readonly ClassMember[] = [];

/** Members of `node` (not its ancestors) named `name`, static or instance side, in source order. */
export function findMembers(node: ClassNode, name: string, isStatic = false): readonly ClassMember[] {
  let index = memberIndexes.get(node);
  if (!index) {
    index = { instance: new Map(), static: new Map() };
    for (const member of node.body.body) {
      const memberName = isClassMember(member) ? getMemberName(member) : undefined;
      if (memberName !== undefined) {
        const side = (member as ClassMember).static ? index.static : index.instance;
        const named = side.get(memberName);
        if (named) {
          named.push(member as ClassMember);
        } else {
          side.set(memberName, [member as ClassMember]);
        }
      }
    }
    memberIndexes.set(node, index);
  }
  // The index's own list, read-only: asked once per call of a chain, a copy was most of its garbage.
  return (isStatic ? index.static : index.instance).get(name) ?? NO_MEMBERS;
}

/** The constructor implementation, when the class has exactly one (no overload signatures). */
export function getConstructor(node: ClassNode): ConstructorNode | undefined {
  // Asked for every piece of work of a class (n pieces, n members): answered once per class.
  const cached = constructors.get(node);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const found = findConstructor(node);
  constructors.set(node, found ?? null);
  return found;
}

const constructors = new WeakMap<ClassNode, ConstructorNode | null>();

function findConstructor(node: ClassNode): ConstructorNode | undefined {
  let implementation: ConstructorNode | undefined;
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      if (member.value.type === AST_NODE_TYPES.FunctionExpression && member.value.body) {
        implementation = member as ConstructorNode;
      }
    }
  }
  return implementation;
}

/** Constructor overload signatures (`constructor(a: string);` without a body). */
export function hasConstructorOverloads(node: ClassNode): boolean {
  return node.body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'constructor' &&
      member.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression,
  );
}

/** `declare class` and classes inside `declare module`/`declare global`: no code runs there. */
export function isAmbientClass(node: ClassNode): boolean {
  if (node.type === AST_NODE_TYPES.ClassDeclaration && node.declare) {
    return true;
  }
  for (let parent: TSESTree.Node | undefined = node.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TSModuleDeclaration && parent.declare) {
      return true;
    }
  }
  return false;
}

/** The function a member holds: a method's function, or a field initialised with a function. */
export function getMemberFunction(member: TSESTree.Node): FunctionNode | TSESTree.TSEmptyBodyFunctionExpression | undefined {
  switch (member.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
      return member.value;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return member.value && isFunctionNode(member.value) ? member.value : undefined;
    default:
      return undefined;
  }
}

/** `Promise<…>` / `PromiseLike<…>` as a written type (return type annotations). */
export function isPromiseTypeAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  return (
    type?.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    (type.typeName.name === 'Promise' || type.typeName.name === 'PromiseLike')
  );
}

/** A function that returns a promise by its syntax: `async`, or annotated `Promise`/`PromiseLike`. */
export function isPromiseReturningFunction(
  fn: FunctionNode | TSESTree.TSEmptyBodyFunctionExpression | TSESTree.TSDeclareFunction | undefined,
): boolean {
  if (!fn) {
    return false;
  }
  // An async generator returns an AsyncGenerator, which starts nothing until it is iterated.
  if (fn.async && !fn.generator) {
    return true;
  }
  return isPromiseTypeAnnotation(fn.returnType);
}

/**
 * The classes `node` extends that are declared in the same file, nearest first. Stops at the
 * first ancestor that is not a plain identifier resolving to a class in this file, and never loops.
 */
export function getSameFileAncestors(node: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): ClassNode[] {
  const ancestors: ClassNode[] = [];
  const seen = new Set<ClassNode>([node]);
  let current: ClassNode | undefined = node;
  while (current?.superClass) {
    const parent = getSameFileParent(current, sourceCode);
    if (!parent || seen.has(parent)) {
      break;
    }
    seen.add(parent);
    ancestors.push(parent);
    current = parent;
  }
  return ancestors;
}

/** Each class's `extends`, resolved once: ancestors are asked for per class, per member and per fix. */
const parents = new WeakMap<ClassNode, ClassNode | null>();

function getSameFileParent(node: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): ClassNode | undefined {
  let parent = parents.get(node);
  if (parent === undefined) {
    parent = (node.superClass && resolveClass(node.superClass, sourceCode)) ?? null;
    parents.set(node, parent);
  }
  return parent ?? undefined;
}

/** Resolves an identifier (or a class expression itself) to a class declared in this file. */
export function resolveClass(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ClassNode | undefined {
  if (isClassNode(node)) {
    return node;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const definition = resolveDefinition(node, sourceCode);
  return isClassNode(definition) ? definition : undefined;
}

/**
 * The variable `identifier` names, looked up from the scope it stands in outwards. ESLint's
 * `getScope` already gives the innermost scope; `ASTUtils.findVariable` would then look through
 * that scope's children for a narrower one, which at a module's top level costs a look at every
 * function and class of the module, for every lookup.
 */
export function findVariable(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | null {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) {
      return variable;
    }
  }
  return null;
}

/**
 * What an identifier is bound to in this file, when that is a single constant binding:
 * a function or class declaration, or the initialiser of a `const`/`let`/`var` declared once
 * and never reassigned. Imports, parameters and globals give `undefined`.
 */
export function resolveDefinition(
  node: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node | undefined {
  const variable = findVariable(node, sourceCode);
  if (!variable) {
    return undefined;
  }
  // Once per variable: deciding reads all its references, and a class constructed (or a function
  // called) n times would cost n² otherwise.
  let definition = definitions.get(variable);
  if (definition === undefined) {
    definition = readDefinition(variable) ?? null;
    definitions.set(variable, definition);
  }
  return definition ?? undefined;
}

const definitions = new WeakMap<TSESLint.Scope.Variable, TSESTree.Node | null>();

function readDefinition(variable: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  if (variable.defs.length !== 1) {
    return undefined;
  }
  const [definition] = variable.defs;
  if (!definition) {
    return undefined;
  }
  switch (definition.node.type) {
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
      return definition.node;
    case AST_NODE_TYPES.VariableDeclarator: {
      const declarator = definition.node;
      const isWritten = variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || isWritten) {
        return undefined;
      }
      return declarator.init ?? undefined;
    }
    default:
      return undefined;
  }
}

/** Whether `node` is the global `name` (e.g. `Promise`), not a local binding of that name. */
export function isGlobalReference(
  node: TSESTree.Node,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): node is TSESTree.Identifier {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) {
    return false;
  }
  const variable = findVariable(node, sourceCode);
  return !variable || variable.defs.length === 0;
}

/** Skips TypeScript-only wrappers around an expression: `x!`, `x as T`, `<T>x`, `x satisfies T`. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The outermost expression that is `node` under TypeScript-only wrappers and optional chaining,
 * going up: `this.connect()!`, `client?.connect()`, `work as Promise<void>`, `<T>work`.
 */
export function getOutermostWrapper(node: TSESTree.Node): TSESTree.Node {
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

/** The property name of a non-computed (or literal-computed) member access: `a.b`, `a['b']`, `a.#b`. */
export function getPropertyName(node: TSESTree.MemberExpression): string | undefined {
  return getStaticKeyName(node.property, node.computed);
}

/** Whether a class has a `then` member on its instances (it is awaitable, a thenable). */
export function hasThenMember(node: ClassNode): boolean {
  return findMembers(node, 'then').length > 0;
}

/** Keys under which only types live: never walked. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/** What a visitor says of a node: `'skip'` stops the walk below it, anything else walks on. */
export type WalkDecision = 'skip' | undefined;

/**
 * Visits `root` and everything below it in source order, types excluded. `visit` returning
 * `'skip'` stops the walk below that node. Iterative (an explicit stack, not the call stack), so
 * that no nesting the parser accepts can overflow it; rules run it on every constructor of large
 * bundles.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (node: TSESTree.Node) => WalkDecision,
): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visit(node) !== 'skip') {
      pushChildren(stack, node, visitorKeys);
    }
  }
}

/**
 * A walk the caller drives: `next()` gives the nodes of `walk`'s order one at a time, and `skip()`
 * leaves out what is below the node `next()` gave last. For an analysis that has to stop in the
 * middle of one function's code, look at another function, and come back (a call chain), without
 * recursing.
 */
export interface NodeCursor {
  next(): TSESTree.Node | undefined;
  skip(): void;
}

export function createCursor(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  isSkipped?: (node: TSESTree.Node) => boolean,
): NodeCursor {
  return new TreeCursor(root, visitorKeys, isSkipped);
}

/**
 * The cursor as one object: a call chain of n functions keeps n cursors open at once, and one
 * object (against an object, a wrapper and four closures with their contexts) is what keeps a
 * long chain's garbage, and the collections it causes during a lint, small. `isSkipped` nodes are
 * given by `next()` but not walked into.
 */
class TreeCursor implements NodeCursor {
  private readonly stack: TSESTree.Node[];
  private last: TSESTree.Node | undefined;

  constructor(
    root: TSESTree.Node,
    private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys,
    private readonly isSkipped: ((node: TSESTree.Node) => boolean) | undefined,
  ) {
    this.stack = [root];
  }

  next(): TSESTree.Node | undefined {
    if (this.last) {
      pushChildren(this.stack, this.last, this.visitorKeys);
    }
    const node = this.stack.pop();
    this.last = node && this.isSkipped?.(node) ? undefined : node;
    return node;
  }

  skip(): void {
    this.last = undefined;
  }
}

/** Pushes the children of `node` (types excluded) so that they pop in source order. */
function pushChildren(stack: TSESTree.Node[], node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): void {
  const keys = getChildKeys(visitorKeys, node.type);
  for (let k = keys.length - 1; k >= 0; k--) {
    // Visitor keys hold a node, a list of nodes (with holes: `[, b] = c`), or nothing.
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) {
          stack.push(child as TSESTree.Node);
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      stack.push(value as TSESTree.Node);
    }
  }
}

/** Per set of visitor keys (one per parser), per node type: its keys without the type keys, worked out once. */
const childKeys = new WeakMap<TSESLint.SourceCode.VisitorKeys, Map<string, readonly string[]>>();
let lastVisitorKeys: TSESLint.SourceCode.VisitorKeys | undefined;
let lastChildKeys = new Map<string, readonly string[]>();

function getChildKeys(visitorKeys: TSESLint.SourceCode.VisitorKeys, type: string): readonly string[] {
  if (visitorKeys !== lastVisitorKeys) {
    let byType = childKeys.get(visitorKeys);
    if (!byType) {
      byType = new Map();
      childKeys.set(visitorKeys, byType);
    }
    lastVisitorKeys = visitorKeys;
    lastChildKeys = byType;
  }
  let keys = lastChildKeys.get(type);
  if (!keys) {
    keys = (visitorKeys[type] ?? []).filter((key) => !TYPE_KEYS.has(key));
    lastChildKeys.set(type, keys);
  }
  return keys;
}

/**
 * The node that decides what a `this` (or `super`, `new.target`) means: the nearest non-arrow
 * function, a class field's initialiser (`this` is the instance there), or a static block. Arrow
 * functions see through, and so do computed keys and `extends` clauses, which run in the enclosing
 * scope. `undefined` at module level.
 */
export function getThisOwner(node: TSESTree.Node): TSESTree.Node | undefined {
  // The answer for the code inside each node on the way up is kept: a `this` nested n levels deep
  // (blocks, arrows, `||` operands) would otherwise cost n, and n of them n². A field's node is not
  // kept: its value's `this` is the field's, its computed key's is the class's surroundings'.
  const passed: TSESTree.Node[] = [];
  let owner: TSESTree.Node | null = null;
  let child: TSESTree.Node = node;
  for (let current: TSESTree.Node | undefined = node.parent; current; child = current, current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      ((current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) && current.value === child)
    ) {
      owner = current;
      break;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) {
      continue;
    }
    const known = thisOwners.get(current);
    if (known !== undefined) {
      owner = known;
      break;
    }
    passed.push(current);
  }
  for (const scope of passed) {
    thisOwners.set(scope, owner);
  }
  return owner ?? undefined;
}

/** What `getThisOwner` found for the code inside an arrow function or a block (`null`: module level). */
const thisOwners = new WeakMap<TSESTree.Node, TSESTree.Node | null>();

const newlines = new WeakMap<object, string>();

/** The file's line ending for inserted text: `\r\n` when the file has one, else `\n` (the text scanned once per file). */
export function getNewline(sourceCode: Readonly<TSESLint.SourceCode>): string {
  let newline = newlines.get(sourceCode);
  if (newline === undefined) {
    newline = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
    newlines.set(sourceCode, newline);
  }
  return newline;
}

/**
 * The comments wholly within `range`, found by binary search in the file's comments (in source
 * order): the token store's `getCommentsInside` steps through every token of the node, and a
 * scan of all comments costs the whole file per question.
 */
export function getCommentsWithin(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): TSESTree.Comment[] {
  const comments = sourceCode.getAllComments();
  const within: TSESTree.Comment[] = [];
  for (let index = countBefore(comments, (comment) => comment.range[0] < range[0]); index < comments.length && comments[index]!.range[0] < range[1]; index++) {
    if (comments[index]!.range[1] <= range[1]) {
      within.push(comments[index]!);
    }
  }
  return within;
}
