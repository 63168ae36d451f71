import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../utils/ast.js';
import { classifyHeldUse, type HeldClass } from './held-uses.js';

/**
 * Awaitable instances held in local variables (`const client = new Client()`): which of a
 * variable's member reads can run before the instance it holds is awaited, on some path through
 * the function, and which variables are never awaited yet used in callbacks. ESLint's code path
 * analysis decides "before": the rule hands it the listeners below, and asks once the file is read.
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
  /** Whether `new X()` gives an awaitable instance (the only place the type checker is asked). */
  isAwaitable(creation: TSESTree.NewExpression): boolean;
  /** How uses of the instance `new X()` gives are judged. */
  getHeldClass(creation: TSESTree.NewExpression): HeldClass;
}

export interface HeldLocalTracker {
  /** Code path and node listeners: they record where the variables bound to `new` are used. */
  listeners: Record<string, (...args: never[]) => void>;
  /** Called from the rule's own `NewExpression` listener. */
  onNew(node: TSESTree.NewExpression): void;
  /** After the traversal (`Program:exit`): the held instances used before they are awaited. */
  analyse(options: HeldLocalOptions): HeldLocalFinding[];
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
 * Records, while ESLint traverses the file, the code path segments current at each use of a name
 * that is bound to a `new` expression somewhere before it, at each write of such a name, and at each
 * `await`. Names are tracked from the first `new` bound to them on: a use of the name earlier in the
 * same function (reachable only around a loop) is not recorded, and its variable is left alone.
 */
export function createHeldLocalTracker(
  sourceCode: SourceCode,
  /** A cheap first look at `new X()` while the file is traversed: whether `X` may be awaitable. */
  mayBeAwaitable: (creation: TSESTree.NewExpression) => boolean,
): HeldLocalTracker {
  const names = new Set<string>();
  const creations: Creation[] = [];
  const sites = new Map<TSESTree.Node, Site>();
  const awaitsByPath = new Map<CodePath, TSESTree.Node[]>();
  const pathNodes = new Map<CodePath, TSESTree.Node>();
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

  const listeners: Record<string, (...args: never[]) => void> = {
    onCodePathStart(path: CodePath, node: TSESTree.Node) {
      stack.push({ path, current: new Set(), snapshot: undefined });
      pathNodes.set(path, node);
    },
    onCodePathEnd() {
      stack.pop();
    },
    onCodePathSegmentStart: segmentStart,
    onCodePathSegmentEnd: segmentEnd,
    onUnreachableCodePathSegmentStart: segmentStart,
    onUnreachableCodePathSegmentEnd: segmentEnd,
    Identifier(node: TSESTree.Identifier) {
      if (names.has(node.name)) {
        record(node);
      }
    },
    // A write takes effect once its value is evaluated: `x = new C(x.options)` reads the old `x` first.
    'VariableDeclarator:exit'(node: TSESTree.VariableDeclarator) {
      if (node.init && node.id.type === AST_NODE_TYPES.Identifier && names.has(node.id.name)) {
        record(node);
      }
    },
    'AssignmentExpression:exit'(node: TSESTree.AssignmentExpression) {
      if (node.operator === '=' && node.left.type === AST_NODE_TYPES.Identifier && names.has(node.left.name)) {
        record(node);
      }
    },
    'AwaitExpression:exit'(node: TSESTree.AwaitExpression) {
      if (names.size === 0) {
        return;
      }
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

  function onNew(node: TSESTree.NewExpression): void {
    const write = getHeldWrite(node);
    if (write && mayBeAwaitable(node)) {
      names.add(getWrittenName(write));
      creations.push({ write, creation: node });
    }
  }

  function analyse(options: HeldLocalOptions): HeldLocalFinding[] {
    const byVariable = new Map<Variable, Creation[]>();
    for (const entry of creations) {
      if (!sites.has(entry.write) || !options.isAwaitable(entry.creation)) {
        continue;
      }
      const variable = getWrittenVariable(entry.write, sourceCode);
      if (!variable || isExportedOrGlobal(variable)) {
        continue;
      }
      const list = byVariable.get(variable);
      if (list) {
        list.push(entry);
      } else {
        byVariable.set(variable, [entry]);
      }
    }
    const findings: HeldLocalFinding[] = [];
    for (const [variable, list] of byVariable) {
      findings.push(...analyseVariable(variable, list, options));
    }
    return findings;
  }

  function analyseVariable(variable: Variable, list: readonly Creation[], options: HeldLocalOptions): HeldLocalFinding[] {
    const homePath = sites.get(list[0]!.write)!.path;
    if (list.some((entry) => sites.get(entry.write)!.path !== homePath)) {
      // Bound in several functions: which runs first is not this analysis's to say.
      return [];
    }
    const homeNode = pathNodes.get(homePath);
    const held = options.getHeldClass(list[0]!.creation);
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
          // Written before the first `new` bound to it: only a loop could bring that write after it.
          if (isInLoopWithin(identifier, homeNode)) {
            return [];
          }
        } else if (site.path === homePath) {
          events.push({ ...site, kind: 'kill' });
        } else {
          settledElsewhere = true;
        }
        continue;
      }
      const use = classifyHeldUse(identifier, held, sourceCode);
      const site = sites.get(identifier);
      const inHome = site ? site.path === homePath : getCodePathOwner(identifier) === homeNode;
      if (!site && inHome && use.kind !== 'neutral') {
        return [];
      }
      switch (use.kind) {
        case 'fluent':
          // A builder: its methods are meant to be called before the await.
          return [];
        case 'read':
          if (use.name !== undefined) {
            memberNames.push(use.name);
          }
          if (inHome) {
            events.push({ ...site!, kind: 'read', read: use.member, member: use.name });
          } else {
            callbackReads.push({ read: use.member, member: use.name });
          }
          break;
        case 'await':
        case 'escape':
          settled = true;
          handedOn ||= use.kind === 'escape';
          if (inHome) {
            events.push({ ...site!, kind: 'kill' });
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

  return { listeners, onNew, analyse };
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

/** `const x = new C()` / `x = new C()` (through TypeScript's wrappers); not a `using` declaration. */
function getHeldWrite(node: TSESTree.NewExpression): HeldWrite | undefined {
  let outer: TSESTree.Node = node;
  while (
    outer.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    outer.parent?.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === outer &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    !parent.parent.kind.includes('using')
  ) {
    return parent;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === outer && parent.left.type === AST_NODE_TYPES.Identifier) {
    return parent;
  }
  return undefined;
}

function getWrittenName(write: HeldWrite): string {
  const target = write.type === AST_NODE_TYPES.VariableDeclarator ? write.id : write.left;
  return (target as TSESTree.Identifier).name;
}

function getWrittenVariable(write: HeldWrite, sourceCode: SourceCode): Variable | undefined {
  const target = (write.type === AST_NODE_TYPES.VariableDeclarator ? write.id : write.left) as TSESTree.Identifier;
  return ASTUtils.findVariable(sourceCode.getScope(target), target) ?? undefined;
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
 * A variable another module can reach (`export const client = …`, `export { client }` is a use and
 * counted as handed on), or a global of a script, which any other script can: the receiver's to await.
 */
function isExportedOrGlobal(variable: Variable): boolean {
  if (variable.scope.type === 'global') {
    return true;
  }
  return variable.defs.some((definition) => {
    const declaration = definition.parent;
    return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  });
}

/** A value reference (typescript-eslint's scope manager also lists type references). */
function isValueReference(reference: TSESLint.Scope.Reference): boolean {
  return (reference as { isValueReference?: boolean }).isValueReference !== false;
}

/**
 * The node whose code path holds `node`: the nearest function, static block or field initialiser
 * (the code paths ESLint makes besides the program's), or the program.
 */
function getCodePathOwner(node: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.Program) {
      return current;
    }
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
      current.value === child
    ) {
      return child;
    }
  }
  return undefined;
}

/** `node` sits in a loop inside `owner`'s own code (a loop can run it after code that follows it). */
function isInLoopWithin(node: TSESTree.Node, owner: TSESTree.Node | undefined): boolean {
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        if (isFunctionNode(current)) {
          return false;
        }
        break;
    }
  }
  return false;
}

