import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTypeWrappers, type ClassNode } from '../utils/ast.js';
import { classifyHeldUse, type HeldClass } from './held-uses.js';

/**
 * Awaitable instances held in local variables (`const client = new Client()`): which of a
 * variable's member reads can run before the instance it holds is awaited, on some path through
 * the function, and which variables are never awaited yet used in callbacks. The candidates are
 * found in the scope manager before the traversal (so a file without one costs no listener);
 * ESLint's code path analysis then decides "before", through the listeners below.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type CodePath = TSESLint.CodePath;
type Segment = TSESLint.CodePathSegment;
type Variable = TSESLint.Scope.Variable;

/** `const x = new C()` or `x = new C()`: the write that binds the instance. */
type HeldWrite = TSESTree.AssignmentExpression | TSESTree.VariableDeclarator;

/** Where a node was met in the traversal: its order, its code path, the segments current there. */
interface Site {
  seq: number;
  path: CodePath;
  segments: readonly Segment[];
}

export interface HeldLocalFinding {
  /** The `new` expression whose instance is used before it is awaited. */
  creation: TSESTree.NewExpression;
  variable: Variable;
  /** The first member read that can run before the await (on the function's paths), or in a callback. */
  read: TSESTree.MemberExpression;
  /** The member as written (`query`), when it is static. */
  member: string | undefined;
  /** The variable is never awaited, and `read` is in a callback (another function than the one that creates it). */
  inCallback: boolean;
  /** Every member the code reads on the variable. */
  memberNames: readonly string[];
  /** The variable is handed on somewhere (returned, passed, stored): its type matters there. */
  handedOn: boolean;
  /** Its own `then`/`catch`/`finally` is called somewhere: an awaited instance may no longer have them. */
  callsThen: boolean;
}

export interface HeldLocalOptions {
  /**
   * Without types, the classes of this file whose instances are awaitable (by syntax): only their
   * `new` is looked at. With types (`undefined`), every `new` bound to a variable is.
   */
  awaitableClass?: (node: ClassNode) => boolean;
  /** A first look at `new X()`, by syntax: whether `X` may be awaitable. */
  mayBeAwaitable(creation: TSESTree.NewExpression): boolean;
  /** Whether `new X()` gives an awaitable instance: asked (of the checker, too) only for `new` bound to a variable whose members are used. */
  isAwaitable(creation: TSESTree.NewExpression): boolean;
}

export interface HeldLocalTracker {
  /** Code path and node listeners: they record where the candidate variables are used. */
  listeners: Record<string, (...args: never[]) => void>;
  /** After the traversal (`Program:exit`): the held instances used before they are awaited. */
  analyse(getHeldClass: (creation: TSESTree.NewExpression) => HeldClass): HeldLocalFinding[];
}

interface Creation {
  write: HeldWrite;
  creation: TSESTree.NewExpression;
}

interface FlowEvent {
  seq: number;
  segments: readonly Segment[];
  kind: 'gen' | 'kill' | 'read';
  /** For `gen`: the index of the creation. */
  index?: number;
  /** For `read`: the member read. */
  read?: TSESTree.MemberExpression;
  member?: string | undefined;
}

/**
 * The variables of the file bound to an awaitable `new`, found in the scope manager before the
 * traversal, and the listeners that record, as ESLint traverses the file, the code path segments
 * current at each of their uses, at each of their writes, and at each `await`. `undefined` when
 * the file has no such variable: the rule then adds no listener.
 */
export function createHeldLocalTracker(sourceCode: SourceCode, options: HeldLocalOptions): HeldLocalTracker | undefined {
  const candidates = findCandidates(sourceCode, options);
  if (candidates.size === 0) {
    return undefined;
  }
  const tracked = new Set<TSESTree.Node>();
  for (const variable of candidates.keys()) {
    for (const reference of variable.references) {
      tracked.add(reference.identifier);
      const write = getWriteNode(reference.identifier as TSESTree.Identifier);
      if (write) {
        tracked.add(write);
      }
    }
  }
  const sites = new Map<TSESTree.Node, Site>();
  const awaitsByPath = new Map<CodePath, TSESTree.Node[]>();
  const stack: { path: CodePath; current: Set<Segment>; snapshot: Segment[] | undefined }[] = [];
  let seq = 0;

  function record(node: TSESTree.Node): Site | undefined {
    const top = stack.at(-1);
    if (!top) {
      return undefined;
    }
    top.snapshot ??= [...top.current];
    const site = { seq: seq++, path: top.path, segments: top.snapshot };
    sites.set(node, site);
    return site;
  }
  function segmentStart(segment: Segment): void {
    const top = stack.at(-1);
    if (top) {
      top.current.add(segment);
      top.snapshot = undefined;
    }
  }
  function segmentEnd(segment: Segment): void {
    const top = stack.at(-1);
    if (top) {
      top.current.delete(segment);
      top.snapshot = undefined;
    }
  }
  function recordTracked(node: TSESTree.Node): void {
    if (tracked.has(node)) {
      record(node);
    }
  }

  const listeners: Record<string, (...args: never[]) => void> = {
    onCodePathStart(path: CodePath) {
      stack.push({ path, current: new Set(), snapshot: undefined });
    },
    onCodePathEnd() {
      stack.pop();
    },
    onCodePathSegmentStart: segmentStart,
    onCodePathSegmentEnd: segmentEnd,
    onUnreachableCodePathSegmentStart: segmentStart,
    onUnreachableCodePathSegmentEnd: segmentEnd,
    Identifier: recordTracked,
    // A write takes effect once its value is evaluated: `x = new C(x.options)` reads the old `x` first.
    'VariableDeclarator:exit': recordTracked,
    'AssignmentExpression:exit': recordTracked,
    'AwaitExpression:exit'(node: TSESTree.AwaitExpression) {
      const site = record(node);
      if (site) {
        let list = awaitsByPath.get(site.path);
        if (!list) {
          list = [];
          awaitsByPath.set(site.path, list);
        }
        list.push(node);
      }
    },
  };

  function analyse(getHeldClass: (creation: TSESTree.NewExpression) => HeldClass): HeldLocalFinding[] {
    const findings: HeldLocalFinding[] = [];
    for (const [variable, list] of candidates) {
      // Without code path analysis (a linter that has none) nothing was recorded: nothing to say.
      if (list.every((entry) => sites.has(entry.write))) {
        findings.push(...analyseVariable(variable, list, getHeldClass));
      }
    }
    return findings;
  }

  function analyseVariable(
    variable: Variable,
    list: readonly Creation[],
    getHeldClass: (creation: TSESTree.NewExpression) => HeldClass,
  ): HeldLocalFinding[] {
    const homePath = sites.get(list[0]!.write)!.path;
    if (list.some((entry) => sites.get(entry.write)!.path !== homePath)) {
      // Bound in several functions: which runs first is not this analysis's to say.
      return [];
    }
    const held = getHeldClass(list[0]!.creation);
    const byWrite = new Map<TSESTree.Node, number>(list.map((entry, index) => [entry.write, index]));
    const events: FlowEvent[] = list.map((entry, index) => ({ ...sites.get(entry.write)!, kind: 'gen', index }));
    const callbackReads: { read: TSESTree.MemberExpression; member: string | undefined }[] = [];
    const memberNames: string[] = [];
    let settled = false;
    let settledElsewhere = false;
    let handedOn = false;
    let callsThen = false;
    for (const reference of variable.references) {
      if (!isValueReference(reference)) {
        continue;
      }
      const identifier = reference.identifier as TSESTree.Identifier;
      if (reference.isWrite()) {
        const write = getWriteNode(identifier);
        if (write && byWrite.has(write)) {
          continue;
        }
        const site = sites.get(write ?? identifier);
        if (!site) {
          return [];
        } else if (site.path === homePath) {
          events.push({ ...site, kind: 'kill' });
        } else {
          settledElsewhere = true;
        }
        continue;
      }
      const use = classifyHeldUse(identifier, held, sourceCode);
      const site = sites.get(identifier);
      if (!site) {
        return [];
      }
      const inHome = site.path === homePath;
      switch (use.kind) {
        case 'fluent':
          // A builder: its methods are meant to be called before the await.
          return [];
        case 'read':
          if (use.name !== undefined) {
            memberNames.push(use.name);
          }
          if (inHome) {
            events.push({ ...site, kind: 'read', read: use.member, member: use.name });
          } else {
            callbackReads.push({ read: use.member, member: use.name });
          }
          break;
        case 'await':
        case 'escape':
          settled = true;
          handedOn ||= use.kind === 'escape';
          if (inHome) {
            events.push({ ...site, kind: 'kill' });
          } else {
            settledElsewhere = true;
          }
          break;
        case 'then':
          // The callbacks run after the initialisation; the code after the call does not wait.
          settled = true;
          callsThen = true;
          settledElsewhere ||= !inHome;
          break;
        default:
          break;
      }
    }
    if (settledElsewhere) {
      // Another function awaits it (or hands it on): any `await` here may be the wait for that.
      for (const node of awaitsByPath.get(homePath) ?? []) {
        events.push({ ...sites.get(node)!, kind: 'kill' });
      }
    }
    const firstReads = flow(list.length, events);
    const common = { variable, memberNames, handedOn, callsThen };
    const findings: HeldLocalFinding[] = [];
    const callbackRead = settled ? undefined : callbackReads.sort((a, b) => a.read.range[0] - b.read.range[0])[0];
    list.forEach((entry, index) => {
      const first = firstReads[index];
      if (first?.read) {
        findings.push({ ...common, creation: entry.creation, read: first.read, member: first.member, inCallback: false });
      } else if (callbackRead) {
        findings.push({ ...common, creation: entry.creation, ...callbackRead, inCallback: true });
      }
    });
    return findings;
  }

  return { listeners, analyse };
}

/**
 * "May still hold an unawaited instance": a forward data flow over the code path's segments, where a
 * creation binds the variable to its instance, and an await, a hand-off or another write ends
 * that. The first read (in traversal order) each creation reaches, if any. Each segment's state only
 * grows, so each is revisited at most once per creation.
 */
function flow(count: number, events: FlowEvent[]): (FlowEvent | undefined)[] {
  const bySegment = new Map<Segment, FlowEvent[]>();
  const worklist: Segment[] = [];
  const queued = new Set<Segment>();
  for (const event of events) {
    for (const segment of event.segments) {
      let list = bySegment.get(segment);
      if (!list) {
        list = [];
        bySegment.set(segment, list);
      }
      list.push(event);
      if (event.kind === 'gen' && segment.reachable && !queued.has(segment)) {
        queued.add(segment);
        worklist.push(segment);
      }
    }
  }
  for (const list of bySegment.values()) {
    list.sort((a, b) => a.seq - b.seq);
  }
  const out = new Map<Segment, Set<number>>();
  const firstReads: (FlowEvent | undefined)[] = Array.from({ length: count }, () => undefined);
  while (worklist.length > 0) {
    const segment = worklist.pop()!;
    queued.delete(segment);
    let state = new Set<number>();
    for (const previous of segment.prevSegments) {
      for (const index of out.get(previous) ?? []) {
        state.add(index);
      }
    }
    for (const event of bySegment.get(segment) ?? []) {
      if (event.kind === 'gen') {
        state = new Set([event.index!]);
      } else if (event.kind === 'kill') {
        state = new Set();
      } else {
        for (const index of state) {
          const first = firstReads[index];
          if (!first || first.seq > event.seq) {
            firstReads[index] = event;
          }
        }
      }
    }
    const before = out.get(segment) ?? new Set<number>();
    let grew = false;
    for (const index of state) {
      if (!before.has(index)) {
        before.add(index);
        grew = true;
      }
    }
    out.set(segment, before);
    if (grew) {
      for (const next of segment.nextSegments) {
        if (!queued.has(next)) {
          queued.add(next);
          worklist.push(next);
        }
      }
    }
  }
  return firstReads;
}

/** The declarator or `=` assignment that writes `identifier`, when it is that simple. */
function getWriteNode(identifier: TSESTree.Identifier): HeldWrite | undefined {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier && parent.init) {
    return parent;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && parent.operator === '=') {
    return parent;
  }
  return undefined;
}

/**
 * The file's variables bound to an awaitable `new` (declared or assigned with it, through
 * TypeScript's wrappers; not by `using`) whose members some code uses, each with its creations:
 * from the scope manager, before any traversal. Without types only the `new` of this file's
 * awaitable classes can be one: they are found through the class scopes and their bindings'
 * references, not by reading every variable. A variable another module can reach (`export const
 * client = …`), or a global of a script, which any other script can, is the receiver's to await.
 */
function findCandidates(sourceCode: SourceCode, options: HeldLocalOptions): Map<Variable, Creation[]> {
  const byVariable = new Map<Variable, Creation[]>();
  const add = (variable: Variable | undefined, write: HeldWrite, creation: TSESTree.NewExpression): void => {
    if (!variable || variable.scope.type === 'global' || isUsing(write) || !options.mayBeAwaitable(creation)) {
      return;
    }
    const list = byVariable.get(variable);
    if (list) {
      list.push({ write, creation });
    } else {
      byVariable.set(variable, [{ write, creation }]);
    }
  };
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  if (options.awaitableClass) {
    for (const scope of scopes) {
      if (scope.type !== 'class' || !options.awaitableClass(scope.block as ClassNode)) {
        continue;
      }
      for (const binding of getClassBindings(scope.block as ClassNode, sourceCode)) {
        for (const { identifier } of binding.references) {
          const creation = identifier.parent;
          const write = creation?.type === AST_NODE_TYPES.NewExpression && creation.callee === identifier ? getHeldWrite(creation) : undefined;
          if (write) {
            add(getWrittenVariable(write, sourceCode), write, creation as TSESTree.NewExpression);
          }
        }
      }
    }
  } else {
    for (const scope of scopes) {
      for (const variable of scope.variables) {
        for (const reference of variable.references) {
          const write = reference.isWrite() ? getWriteNode(reference.identifier as TSESTree.Identifier) : undefined;
          const value = write && (write.type === AST_NODE_TYPES.VariableDeclarator ? write.init : write.right);
          const creation = value && skipTypeWrappers(value);
          if (creation?.type === AST_NODE_TYPES.NewExpression) {
            add(variable, write!, creation);
          }
        }
      }
    }
  }
  const candidates = new Map<Variable, Creation[]>();
  for (const [variable, creations] of byVariable) {
    if (isExported(variable) || !variable.references.some(({ identifier }) => isMemberObject(identifier as TSESTree.Identifier))) {
      continue;
    }
    const awaitable = creations.filter((entry) => options.isAwaitable(entry.creation));
    if (awaitable.length > 0) {
      candidates.set(variable, awaitable);
    }
  }
  return candidates;
}

/** The variables a class is reached by: its name, and the binding of a class expression (`const X = class {}`, `X = class {}`). */
function getClassBindings(node: ClassNode, sourceCode: SourceCode): Variable[] {
  const bindings = [...sourceCode.getDeclaredVariables(node)];
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
    bindings.push(...sourceCode.getDeclaredVariables(parent));
  } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.left);
    if (variable) {
      bindings.push(variable);
    }
  }
  return bindings;
}

/** `const x = new C()` / `x = new C()` (through TypeScript's wrappers): the declarator or assignment. */
function getHeldWrite(creation: TSESTree.NewExpression): HeldWrite | undefined {
  let outer: TSESTree.Node = creation;
  while (
    outer.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === outer && parent.left.type === AST_NODE_TYPES.Identifier) {
    return parent;
  }
  return undefined;
}

function getWrittenVariable(write: HeldWrite, sourceCode: SourceCode): Variable | undefined {
  const target = (write.type === AST_NODE_TYPES.VariableDeclarator ? write.id : write.left) as TSESTree.Identifier;
  return ASTUtils.findVariable(sourceCode.getScope(target), target) ?? undefined;
}

/** `client.query`, `client!.query`, `(client as Client).query`. */
function isMemberObject(identifier: TSESTree.Identifier): boolean {
  let current: TSESTree.Node = identifier;
  while (current.parent?.type === AST_NODE_TYPES.TSNonNullExpression || current.parent?.type === AST_NODE_TYPES.TSAsExpression) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current;
}

function isUsing(write: HeldWrite): boolean {
  return write.type === AST_NODE_TYPES.VariableDeclarator && write.parent.kind.includes('using');
}

function isExported(variable: Variable): boolean {
  return variable.defs.some((definition) => definition.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration);
}

/** A value reference (typescript-eslint's scope manager also lists type references). */
function isValueReference(reference: TSESLint.Scope.Reference): boolean {
  return (reference as { isValueReference?: boolean }).isValueReference !== false;
}
