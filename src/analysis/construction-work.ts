import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  getClassName,
  getMemberFunction,
  getPropertyName,
  getSameFileAncestors,
  isFunctionNode,
  isPromiseMember,
  isPromiseReturningFunction,
  resolveDefinition,
  skipTypeWrappers,
  type ClassMember,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';
import { findAsyncWork, getChainRoot, type AsyncWork, type AsyncWorkFinder } from './async-work.js';
import { isBackgroundLoop } from './background-work.js';
import { createConstructionCursor, getConstructionRoots, walkConstructionCode } from './construction.js';
import { solveDepthFirst, type Memo } from '../utils/depth-first.js';
import type { TypeTier } from './types.js';

/** One piece of async work started during construction, and where (for messages). */
export interface ConstructionWork {
  /** `work.node` is the expression reported, and what the fixes move. */
  work: AsyncWork;
  /** "`Db`'s constructor", "The initialiser of `Db.ready`". */
  where: string;
  /** Background work (a loop that runs until the object is closed): never awaited by a transform. */
  background?: boolean;
  /**
   * Work started one call away: `work.node` is then the constructor's call of a synchronous
   * wrapper (`this.start()`), and `path` names the wrappers from the constructor's call inwards
   * ("`this.start()` → `this.poll()`"); `work.label` names the work itself.
   */
  via?: {
    path: string;
    /**
     * Each wrapper on the path returns the work it starts (`return this.load()`), and starts no
     * other: the constructor's call evaluates to the work's promise, so the fixes can await it.
     */
    returnsWork?: boolean;
  };
  /** The work's own chain routes its failure to a handler (`.catch(handler)`, `.then(ok, handler)`). */
  errorsHandled?: boolean;
}

export interface ConstructionWorkOptions {
  sourceCode: Readonly<TSESLint.SourceCode>;
  types: TypeTier | undefined;
  /** Also walk instance field initialisers. */
  checkFieldInitializers: boolean;
  /** Work the caller allows (a ready promise, a known-safe call): left out of the result. */
  isAllowed?: (work: AsyncWork) => boolean;
}

/**
 * The async work a class starts while an instance is constructed: in its constructor's parameters
 * and body (a returned promise included) and, when asked, its instance field initialisers. What the
 * factory and thenable transforms move, collected in source order.
 */
export function collectConstructionWork(node: ClassNode, options: ConstructionWorkOptions): ConstructionWork[] {
  const { sourceCode, types, checkFieldInitializers, isAllowed } = options;
  const { constructorBody, constructorParams, fieldInitializers } = getConstructionRoots(node);
  if (!constructorBody && (!checkFieldInitializers || fieldInitializers.length === 0)) {
    return [];
  }
  const className = getClassName(node) ?? '(anonymous class)';
  let ancestors: ClassNode[] | undefined;
  const isPromiseMethod = (name: string, viaSuper: boolean): boolean => {
    // The nearest class that declares `name` decides (an override hides the ancestor's).
    const own = viaSuper ? undefined : isPromiseMember(node, name);
    if (own !== undefined) {
      return own;
    }
    ancestors ??= getSameFileAncestors(node, sourceCode);
    for (const ancestor of ancestors) {
      const inherited = isPromiseMember(ancestor, name);
      if (inherited !== undefined) {
        return inherited;
      }
    }
    return false;
  };
  const isPromiseFunction = (callee: TSESTree.Identifier): boolean => {
    const definition = resolveDefinition(callee, sourceCode);
    return (
      (isFunctionNode(definition) || definition?.type === AST_NODE_TYPES.TSDeclareFunction) &&
      isPromiseReturningFunction(definition)
    );
  };
  const finder: AsyncWorkFinder = { sourceCode, types, isPromiseMethod, isPromiseFunction };
  // In a module function `this` is not the instance: its `this.name()` calls are not the class's.
  const moduleFinder: AsyncWorkFinder = { ...finder, isPromiseMethod: () => false };
  const { visitorKeys } = sourceCode;

  /** Methods found on a same-file ancestor, by name: the ancestors are searched once per name. */
  const inheritedByName = new Map<string, FunctionNode | undefined>();
  /** The function a call runs, when it is a method of this class (or a same-file ancestor) or a function of this module. */
  const resolveCallee = (call: TSESTree.CallExpression, inMethod: boolean): FunctionNode | undefined => {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const definition = resolveDefinition(callee, sourceCode);
      return isFunctionNode(definition) ? definition : undefined;
    }
    if (!inMethod || callee.type !== AST_NODE_TYPES.MemberExpression || skipTypeWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression) {
      return undefined;
    }
    const name = getPropertyName(callee);
    if (name === undefined) {
      return undefined;
    }
    // The nearest declaration decides. The class's own members are one lookup in its index (a
    // table of its own per class, as large as the class, was one more per call of a chain).
    const [own] = findMembers(node, name);
    if (own) {
      return getMethodFunction(own);
    }
    if (!inheritedByName.has(name)) {
      inheritedByName.set(name, findInheritedMethod(name));
    }
    return inheritedByName.get(name);
  };
  const findInheritedMethod = (name: string): FunctionNode | undefined => {
    ancestors ??= getSameFileAncestors(node, sourceCode);
    for (const ancestor of ancestors) {
      const [member] = findMembers(ancestor, name);
      if (member) {
        return getMethodFunction(member);
      }
    }
    return undefined;
  };

  /** Background work: the call runs (or its chain starts from) an async function that loops until the object is closed. */
  const isBackground = (work: AsyncWork, inMethod: boolean): boolean => {
    if (work.kind !== 'call' && work.kind !== 'chain') {
      return false;
    }
    const expression = skipTypeWrappers(work.node);
    if (expression.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const root = work.kind === 'chain' ? getChainRoot(expression) : expression;
    // A chain on a stored promise: the call its callback starts (`this.ready.then(() => this.poll())`).
    const call = root.type === AST_NODE_TYPES.CallExpression ? root : work.callee?.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const fn = resolveCallee(call, inMethod);
    return fn !== undefined && isBackgroundLoop(fn, visitorKeys);
  };

  // Computed once per function, on an explicit stack (a chain of any length), and cycle-safe: a
  // function met again while it is being read counts as no work. A method's answer is this class's
  // (`this.name()` in it resolves against this class); a module function's is the module's, kept
  // for every class of the file.
  const wrapperResults = byOwner(new Map<FunctionNode, Found | null>(), moduleWrapperResults);

  /** The function a call runs, when it can be a synchronous wrapper of work: a plain function of this module or method of this class. */
  const getWrapper = (call: TSESTree.CallExpression, inMethod: boolean): FunctionNode | undefined => {
    const fn = resolveCallee(call, inMethod);
    return fn && !fn.async && !fn.generator && !isPromiseReturningFunction(fn) ? fn : undefined;
  };
  /** A method's `this` is the instance; a module function's (arrow or not) is not. */
  const isMethod = (fn: FunctionNode): boolean => fn.parent.type === AST_NODE_TYPES.MethodDefinition;

  /** The first async work a synchronous wrapper starts while it runs, following further wrappers (each yielded to the solver). */
  function* readWrapper(fn: FunctionNode): Generator<FunctionNode, Found | null, Found | null> {
    const inMethod = isMethod(fn);
    const cursor = createConstructionCursor(fn.body, visitorKeys);
    for (let node = cursor.next(); node; node = cursor.next()) {
      const work = findAsyncWork(node, inMethod ? finder : moduleFinder);
      if (work) {
        return { work, background: isBackground(work, inMethod) };
      }
      const callee = node.type === AST_NODE_TYPES.CallExpression ? getWrapper(node, inMethod) : undefined;
      if (callee) {
        const inner = yield callee;
        if (inner) {
          return through(node as TSESTree.CallExpression, inner);
        }
      }
    }
    return null;
  }

  /** The first async work a call of a synchronous wrapper starts, found through that call. */
  const findWrappedWork = (call: TSESTree.CallExpression, inMethod: boolean): Found | undefined => {
    const fn = getWrapper(call, inMethod);
    const inner = fn && solveDepthFirst(fn, wrapperResults, null, readWrapper);
    return inner ? through(call, inner) : undefined;
  };

  // Per wrapper: whether all the work it starts is what it returns. Solved like wrapperResults.
  const returnsWorkResults = byOwner(new Map<FunctionNode, boolean>(), moduleReturnsWork);
  function* readReturnsWork(fn: FunctionNode): Generator<FunctionNode, boolean, boolean> {
    const inMethod = isMethod(fn);
    const cursor = createConstructionCursor(fn.body, visitorKeys);
    for (let node = cursor.next(); node; node = cursor.next()) {
      if (findAsyncWork(node, inMethod ? finder : moduleFinder)) {
        if (!isReturnedBy(node, fn)) {
          return false;
        }
        cursor.skip();
      } else if (node.type === AST_NODE_TYPES.CallExpression && findWrappedWork(node, inMethod)) {
        const callee = getWrapper(node, inMethod);
        if (!isReturnedBy(node, fn) || !callee || !(yield callee)) {
          return false;
        }
        cursor.skip();
      }
    }
    return true;
  }
  const found: ConstructionWork[] = [];
  const add = (work: AsyncWork, where: string, background = isBackground(work, true)): void => {
    if (!isAllowed?.(work)) {
      found.push({ work, where, ...(background && { background }), ...(hasErrorHandler(work.node) && { errorsHandled: true }) });
    }
  };
  const returnsWrappedWork = (call: TSESTree.CallExpression): boolean => {
    const fn = getWrapper(call, true);
    return fn !== undefined && solveDepthFirst(fn, returnsWorkResults, false, readReturnsWork);
  };
  /** A constructor's call of a wrapper that starts work: reported at that call. */
  const addWrapped = (call: TSESTree.CallExpression, where: string): boolean => {
    const wrapped = findWrappedWork(call, true);
    if (!wrapped) {
      return false;
    }
    const work: AsyncWork = { ...wrapped.work, node: call, returned: false };
    // An allowlisted wrapper (or the work it starts, a ready promise stored there) is allowed.
    if (!isAllowed?.(wrapped.work) && !isAllowed?.({ ...work, callee: call.callee })) {
      found.push({
        work,
        where,
        ...(wrapped.background && { background: true }),
        via: {
          path: describePath(wrapped, sourceCode),
          ...(!wrapped.background && returnsWrappedWork(call) && { returnsWork: true }),
        },
        ...(hasErrorHandler(wrapped.work.node) && { errorsHandled: true }),
      });
    }
    return true;
  };
  const walkFor = (root: TSESTree.Node, where: string): void => {
    walkConstructionCode(root, visitorKeys, (child) => {
      const work = findAsyncWork(child, finder);
      if (work) {
        add(work, where);
        return 'skip';
      }
      return child.type === AST_NODE_TYPES.CallExpression && addWrapped(child, where) ? 'skip' : undefined;
    });
  };

  if (constructorBody) {
    const constructorFunction = constructorBody.parent;
    const where = `\`${className}\`'s constructor`;
    for (const param of constructorParams) {
      walkFor(param, where);
    }
    walkConstructionCode(constructorBody, sourceCode.visitorKeys, (child) => {
      if (child.type === AST_NODE_TYPES.ReturnStatement) {
        if (child.argument && nearestFunction(child) === constructorFunction) {
          const work = findAsyncWork(child.argument, finder, { returned: true });
          if (work) {
            add(work, where);
            return 'skip';
          }
        }
        return undefined;
      }
      const work = findAsyncWork(child, finder);
      if (work) {
        add(work, where);
        return 'skip';
      }
      return child.type === AST_NODE_TYPES.CallExpression && addWrapped(child, where) ? 'skip' : undefined;
    });
  }
  if (checkFieldInitializers) {
    for (const initializer of fieldInitializers) {
      const field = initializer.parent as TSESTree.PropertyDefinition | TSESTree.AccessorProperty;
      const fieldName =
        field.key.type === AST_NODE_TYPES.Identifier || field.key.type === AST_NODE_TYPES.PrivateIdentifier
          ? sourceCode.getText(field.key)
          : undefined;
      walkFor(initializer, fieldName ? `The initialiser of \`${className}.${fieldName}\`` : `A field initialiser of \`${className}\``);
    }
  }
  return found;
}

/** Async work a wrapper starts, and how it was reached. */
interface Found {
  work: AsyncWork;
  background: boolean;
  /**
   * The wrapper call the work was found through, and what was found in that wrapper: the path
   * from the outermost call inwards, linked rather than copied, so that a chain of n wrappers
   * costs n and not n².
   */
  via?: {
    call: TSESTree.CallExpression;
    inner: Found;
    /** How many wrapper calls the path has, and its last ones (at most `PATH_ENDS`): what a message needs of a long path. */
    length: number;
    last: readonly TSESTree.CallExpression[];
  };
}

/** The function a call of `member` runs, when it is followed: a plain method with a body. */
function getMethodFunction(member: ClassMember): FunctionNode | undefined {
  const fn = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' ? getMemberFunction(member) : undefined;
  return isFunctionNode(fn) ? fn : undefined;
}

/** The work `inner` found, reached through one more wrapper call: built in constant time, whatever the path's length. */
function through(call: TSESTree.CallExpression, inner: Found): Found {
  const length = 1 + (inner.via?.length ?? 0);
  const last = length <= PATH_ENDS ? [call, ...(inner.via?.last ?? [])] : (inner.via?.last ?? []);
  return { work: inner.work, background: inner.background, via: { call, inner, length, last } };
}

/** The answers for module functions, which no class changes: kept for every class of the file. */
const moduleWrapperResults = new WeakMap<FunctionNode, Found | null>();
const moduleReturnsWork = new WeakMap<FunctionNode, boolean>();

/** One memo over two: a method's answer in the class's own, a module function's in the module's. */
function byOwner<R>(methods: Map<FunctionNode, R>, functions: WeakMap<FunctionNode, R>): Memo<FunctionNode, R> {
  const memoOf = (fn: FunctionNode): Memo<FunctionNode, R> => (fn.parent.type === AST_NODE_TYPES.MethodDefinition ? methods : functions);
  return {
    has: (fn) => memoOf(fn).has(fn),
    get: (fn) => memoOf(fn).get(fn),
    set: (fn, value) => memoOf(fn).set(fn, value),
  };
}

/** `node` is what `fn` returns: `return node;`, or the expression body of an arrow function. */
function isReturnedBy(node: TSESTree.Node, fn: FunctionNode): boolean {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  if (fn.body === current) {
    return true;
  }
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.ReturnStatement && parent.argument === current && nearestFunction(parent) === fn;
}

/** A link of the chain is `.catch(handler)` or `.then(onFulfilled, onRejected)`. */
function hasErrorHandler(node: TSESTree.Node): boolean {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return false;
    }
    const method = getPropertyName(callee);
    if ((method === 'catch' && current.arguments.length > 0) || (method === 'then' && current.arguments.length > 1)) {
      return true;
    }
    if (method !== 'then' && method !== 'finally') {
      return false;
    }
    current = skipTypeWrappers(callee.object);
  }
  return false;
}

/** Wrapper paths longer than this are named by their ends: the links in between are counted. */
const PATH_ENDS = 3;

/**
 * "`this.start()` → `this.poll()`": the wrapper calls from the outermost inwards. A long chain
 * (generated code) is named by its first and last links and a count of the rest, so that a
 * message stays readable and costs the same at any length.
 */
function describePath(found: Found, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const length = found.via?.length ?? 0;
  const first: TSESTree.CallExpression[] = [];
  for (let link = found.via; link && first.length < (length <= 2 * PATH_ENDS + 1 ? length : PATH_ENDS); link = link.inner.via) {
    first.push(link.call);
  }
  const label = (call: TSESTree.CallExpression): string => labelCall(call, sourceCode);
  if (length <= 2 * PATH_ENDS + 1) {
    return first.map(label).join(' → ');
  }
  return [...first.map(label), `… ${length - 2 * PATH_ENDS} more …`, ...(found.via?.last ?? []).map(label)].join(' → ');
}

/** `` `this.start()` ``: a wrapper call as messages name it (whitespace folded, long text cut). */
function labelCall(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  let text = sourceCode.getText(call.callee).replace(/\s+/gu, ' ');
  if (text.length > 40) {
    text = `${text.slice(0, 39)}…`;
  }
  return `\`${text}()\``;
}

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current;
    }
  }
  return undefined;
}
