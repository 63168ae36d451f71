import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getConstructor,
  getPropertyName,
  getStaticKeyName,
  isPromiseReturningFunction,
  skipTypeWrappers,
  type ClassNode,
} from '../utils/ast.js';
import { getInstanceType, isPromiseExpression, walkSameThis, type DisposeKind } from './async-class.js';
import { getConstructionRoots, walkConstructionCode } from './construction.js';
import type { TypeTier } from './types.js';

/**
 * Two-phase initialisation: a class whose instances are usable only after an async init method
 * ran (`await db.connect()`), because other members check what it sets and give up without it
 * (`if (!this.sock) throw new Error('not connected')`), while nothing in the class calls it.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A member that gives up while the init has not run. */
export interface InitGuard {
  /** The guard: the `if` statement or the assertion call. */
  node: TSESTree.Node;
  /** The member it is in, as written (`query`, `get socket`). */
  memberName: string;
  /** The field it checks (`sock`, `#ready`). */
  field: string;
  /** It throws (an `if … throw`, an assertion) or returns early. */
  exit: 'throw' | 'return';
}

export interface TwoPhaseInit {
  /** The async init method: public, sets fields of `this`, called by no other member of the class. */
  method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };
  /** Its name (`connect`). */
  name: string;
  /** The members that depend on it, in source order (at least one). */
  guards: InitGuard[];
}

/**
 * The class's async init methods that its other members depend on (see the file comment), in
 * source order. `excluded` members (the dispose method) are neither init methods nor guards:
 * a dispose method that skips what was never opened is right. With types, an init method may
 * also return a promise only its type tells (`connect() { return this.client.open().then(…) }`).
 */
export function findTwoPhaseInits(
  node: ClassNode,
  sourceCode: SourceCode,
  types: TypeTier | undefined,
  excluded: ReadonlySet<TSESTree.Node>,
): TwoPhaseInit[] {
  const members: { member: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }; name: string | undefined }[] = [];
  for (const member of node.body.body) {
    if (
      member.type === AST_NODE_TYPES.MethodDefinition &&
      !member.static &&
      member.kind !== 'constructor' &&
      member.value.type === AST_NODE_TYPES.FunctionExpression &&
      !excluded.has(member)
    ) {
      members.push({ member: member as (typeof members)[number]['member'], name: getStaticKeyName(member.key, member.computed) });
    }
  }
  // What each member assigns to fields of `this`, walked once.
  const assignments = new Map(members.map(({ member }) => [member as TSESTree.Node, getAssignedValues(member.value, sourceCode)]));
  const candidates: { method: TwoPhaseInit['method']; name: string; fields: Map<string, string[]> }[] = [];
  let callers: Map<string, Set<TSESTree.Node>> | undefined;
  for (const { member, name } of members) {
    if (
      name === undefined ||
      name === 'then' ||
      name.startsWith('#') ||
      name.startsWith('@@') ||
      member.kind !== 'method' ||
      (member.accessibility !== undefined && member.accessibility !== null && member.accessibility !== 'public')
    ) {
      continue;
    }
    // Syntax first; the checker is asked last, about the `return`s of a suspect that is not `async`.
    const fields = assignments.get(member) ?? new Map<string, string[]>();
    if (fields.size === 0) {
      continue;
    }
    callers ??= getThisMemberReferences(node, members, sourceCode);
    const calledElsewhere = [...(callers.get(name) ?? [])].some((root) => root !== member);
    if (!calledElsewhere && returnsPromise(member.value, sourceCode, types)) {
      candidates.push({ method: member, name, fields });
    }
  }
  if (candidates.length === 0) {
    return [];
  }

  const initNames = new Set(candidates.map(({ name }) => name));
  const construction = getConstructionValues(node, sourceCode);
  // Indexed once, so that each guard costs the same in a class of any size.
  const candidatesByField = new Map<string, typeof candidates>();
  for (const candidate of candidates) {
    for (const field of candidate.fields.keys()) {
      const known = candidatesByField.get(field);
      if (known) {
        known.push(candidate);
      } else {
        candidatesByField.set(field, [candidate]);
      }
    }
  }
  const isSatisfiedByOther = indexSatisfiers(assignments);
  const found = new Map<TwoPhaseInit['method'], TwoPhaseInit>();
  for (const { member, name } of members) {
    walkSameThis(member.value.body, sourceCode, (child) => {
      for (const guard of readGuard(child, sourceCode, initNames)) {
        const init = candidatesByField.get(guard.field)?.find(
          (candidate) =>
            candidate.method !== member &&
            isSetOnlyBy(candidate.fields, guard, construction) &&
            // No other member gives the field what the guard waits for (`attach(sock)` would be another way in).
            !isSatisfiedByOther(guard, candidate.method),
        );
        if (init) {
          const memberName = member.kind === 'method' ? (name ?? sourceCode.getText(member.key)) : `${member.kind} ${name ?? sourceCode.getText(member.key)}`;
          const entry = found.get(init.method) ?? { method: init.method, name: init.name, guards: [] };
          entry.guards.push({ node: child, memberName, field: guard.field, exit: guard.exit });
          found.set(init.method, entry);
        }
      }
    });
  }
  return [...found.values()].sort((a, b) => a.method.range[0] - b.method.range[0]);
}

/**
 * What a checked field must be for the member to go on: present (`!this.sock`, `this.sock == null`
 * exit otherwise), one constant (`this.state !== 'open'`, `this.state !== State.Open`), or anything
 * but one (`this.token === ''`); constants as source text.
 */
type Expectation = { field: string; kind: 'present' } | { field: string; kind: 'equals' | 'differs'; value: string };

type Guard = Expectation & { exit: 'throw' | 'return' };

/** `async`, annotated `Promise`, or (a plain method) every `return` hands back a promise. */
function returnsPromise(fn: TSESTree.FunctionExpression, sourceCode: SourceCode, types: TypeTier | undefined): boolean {
  if (isPromiseReturningFunction(fn)) {
    return true;
  }
  if (fn.generator || fn.async) {
    return false;
  }
  let returns = 0;
  let promises = 0;
  walkSameThis(fn.body, sourceCode, (child) => {
    if (child.type === AST_NODE_TYPES.ReturnStatement && isOwnReturn(child, fn)) {
      returns++;
      if (child.argument && isPromiseExpression(child.argument, sourceCode, types)) {
        promises++;
      }
    }
  });
  return returns > 0 && returns === promises;
}

function isOwnReturn(statement: TSESTree.ReturnStatement, fn: TSESTree.FunctionExpression): boolean {
  for (let current: TSESTree.Node | undefined = statement.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) {
      return current === fn;
    }
  }
  return false;
}

/** The fields of `this` the function assigns, each with the values it assigns (as constants' text, or `?`). */
function getAssignedValues(fn: TSESTree.FunctionExpression, sourceCode: SourceCode): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  walkSameThis(fn.body, sourceCode, (child) => {
    const assigned = getThisAssignment(child, sourceCode);
    if (assigned && assigned.value !== 'undefined' && assigned.value !== 'null') {
      const values = fields.get(assigned.field);
      if (values) {
        values.push(assigned.value);
      } else {
        fields.set(assigned.field, [assigned.value]);
      }
    }
  });
  return fields;
}

/** `this.f = value` (or `??=`, `||=`): `f`, and the value as a constant's text (`?` for anything else). */
function getThisAssignment(node: TSESTree.Node, sourceCode: SourceCode): { field: string; value: string } | undefined {
  if (node.type !== AST_NODE_TYPES.AssignmentExpression) {
    return undefined;
  }
  const target = skipTypeWrappers(node.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const field = getPropertyName(target);
  if (field === undefined) {
    return undefined;
  }
  return { field, value: node.operator === '=' ? (getConstantText(node.right, sourceCode) ?? '?') : '?' };
}

/**
 * A value the code compares with: a literal (`'open'`, `true`, `0`, `null`), `undefined`, `void 0`,
 * or an enum-like member chain (`State.Open`). Its text, or `undefined` for anything else.
 */
function getConstantText(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && !('regex' in expression && expression.regex)) {
    return expression.raw;
  }
  if (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') {
    return 'undefined';
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') {
    return 'undefined';
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) {
    return JSON.stringify(expression.quasis[0]?.value.cooked ?? '');
  }
  let current: TSESTree.Node = expression;
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) {
    current = current.object;
  }
  return current !== expression && current.type === AST_NODE_TYPES.Identifier ? sourceCode.getText(expression) : undefined;
}

const FALSY = new Set(['undefined', 'null', 'false', '0', "''", '""', '``']);

/**
 * What each field holds when construction ends, as far as the class's own code says: the values
 * its field initialisers and constructor assign (`?` for a value that is not a constant, for a
 * parameter property, and for anything a base class may set). A field with no entry is `undefined`.
 */
function getConstructionValues(node: ClassNode, sourceCode: SourceCode): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (field: string, value: string): void => {
    const known = values.get(field);
    if (known) {
      known.push(value);
    } else {
      values.set(field, [value]);
    }
  };
  for (const member of node.body.body) {
    if ((member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) && !member.static) {
      const field = getStaticKeyName(member.key, member.computed);
      if (field !== undefined && member.value) {
        add(field, getConstantText(member.value, sourceCode) ?? '?');
      }
    }
  }
  for (const param of getConstructor(node)?.value.params ?? []) {
    if (param.type === AST_NODE_TYPES.TSParameterProperty) {
      const binding = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      if (binding.type === AST_NODE_TYPES.Identifier) {
        add(binding.name, '?');
      }
    }
  }
  const { constructorBody } = getConstructionRoots(node);
  if (constructorBody) {
    walkConstructionCode(constructorBody, sourceCode.visitorKeys, (child) => {
      const assigned = getThisAssignment(child, sourceCode);
      if (assigned) {
        add(assigned.field, assigned.value);
      }
      return undefined;
    });
  }
  return values;
}

/**
 * The init sets what the guard expects, and construction leaves the field otherwise: for
 * `!this.sock`, the init gives it a value and construction only falsy ones (or none); for
 * `this.state !== 'open'`, the init assigns `'open'` and construction only other constants; for
 * `this.token === ''`, construction assigns `''` and the init something else.
 */
function isSetOnlyBy(initFields: ReadonlyMap<string, string[]>, guard: Guard, construction: ReadonlyMap<string, string[]>): boolean {
  const assigned = initFields.get(guard.field);
  if (!assigned) {
    return false;
  }
  const atConstruction = construction.get(guard.field) ?? [];
  if (guard.kind === 'present') {
    return assigned.some((value) => !FALSY.has(value)) && atConstruction.every((value) => FALSY.has(value));
  }
  if (guard.kind === 'equals') {
    return assigned.includes(guard.value) && atConstruction.every((value) => value !== '?' && value !== guard.value);
  }
  // Construction leaves exactly the constant the guard exits on; the init assigns something else.
  return (
    assigned.some((value) => value !== guard.value) &&
    atConstruction.length > 0 &&
    atConstruction.every((value) => value === guard.value)
  );
}

/**
 * Whether a member other than `except` assigns the guard's field a value that lets the guarded
 * member go on: for `present`, a value that is not falsy; for `equals`, that constant or a value
 * that is not a constant (`?`, which may be it); for `differs`, anything but the constant. Answered
 * from an index of the members' assignments built once per class: per field, who assigns it a
 * value that is not falsy, who assigns each constant, and who assigns only one constant.
 */
function indexSatisfiers(assignments: ReadonlyMap<TSESTree.Node, ReadonlyMap<string, string[]>>): (guard: Guard, except: TSESTree.Node) => boolean {
  interface Assigners {
    all: Set<TSESTree.Node>;
    notFalsy: Set<TSESTree.Node>;
    byValue: Map<string, Set<TSESTree.Node>>;
    onlyValue: Map<string, Set<TSESTree.Node>>;
  }
  const byField = new Map<string, Assigners>();
  const addTo = (map: Map<string, Set<TSESTree.Node>>, key: string, member: TSESTree.Node): void => {
    map.set(key, (map.get(key) ?? new Set()).add(member));
  };
  for (const [member, fields] of assignments) {
    for (const [field, values] of fields) {
      let assigners = byField.get(field);
      if (!assigners) {
        assigners = { all: new Set(), notFalsy: new Set(), byValue: new Map(), onlyValue: new Map() };
        byField.set(field, assigners);
      }
      assigners.all.add(member);
      const distinct = new Set(values);
      for (const value of distinct) {
        addTo(assigners.byValue, value, member);
        if (!FALSY.has(value)) {
          assigners.notFalsy.add(member);
        }
      }
      if (distinct.size === 1) {
        addTo(assigners.onlyValue, values[0]!, member);
      }
    }
  }
  /** Some member of `members` is not `except`. */
  const hasOther = (members: ReadonlySet<TSESTree.Node> | undefined, except: TSESTree.Node): boolean =>
    members !== undefined && members.size > (members.has(except) ? 1 : 0);
  return (guard, except) => {
    const assigners = byField.get(guard.field);
    if (!assigners) {
      return false;
    }
    switch (guard.kind) {
      case 'present':
        return hasOther(assigners.notFalsy, except);
      case 'equals':
        return hasOther(assigners.byValue.get(guard.value), except) || hasOther(assigners.byValue.get('?'), except);
      default: {
        // A member that assigns anything but the constant: all of them, less those that only assign it.
        const only = assigners.onlyValue.get(guard.value) ?? new Set<TSESTree.Node>();
        const others = assigners.all.size - only.size - (assigners.all.has(except) && !only.has(except) ? 1 : 0);
        return others > 0;
      }
    }
  };
}

/**
 * Where each `this.name` is mentioned (same `this`): the instance methods and accessors (by their
 * node), the constructor and field initialisers (by the class node). A method mentioned by another
 * member is run by the class itself: the class initialises lazily, or in its constructor.
 */
function getThisMemberReferences(
  node: ClassNode,
  members: readonly { member: TSESTree.MethodDefinition }[],
  sourceCode: SourceCode,
): Map<string, Set<TSESTree.Node>> {
  const references = new Map<string, Set<TSESTree.Node>>();
  const collect = (root: TSESTree.Node, owner: TSESTree.Node): void => {
    walkSameThis(root, sourceCode, (child) => {
      if (child.type === AST_NODE_TYPES.MemberExpression && child.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = getPropertyName(child);
        if (name !== undefined) {
          references.set(name, (references.get(name) ?? new Set()).add(owner));
        }
      }
    });
  };
  for (const { member } of members) {
    collect(member.value, member);
  }
  const { constructorBody, constructorParams, fieldInitializers } = getConstructionRoots(node);
  for (const root of [...constructorParams, ...fieldInitializers, ...(constructorBody ? [constructorBody] : [])]) {
    collect(root, node);
  }
  return references;
}

/** Code in `root` mentions `this.<name>` for one of `names` (one walk, whatever their number). */
function mentionsThisMember(root: TSESTree.Node, names: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  let found = false;
  walkSameThis(root, sourceCode, (child) => {
    if (!found && child.type === AST_NODE_TYPES.MemberExpression && child.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getPropertyName(child);
      found = name !== undefined && names.has(name);
    }
  });
  return found;
}

const ASSERT_FUNCTIONS = new Set(['assert', 'invariant', 'ok']);

/**
 * The guards a node is: `if (<field not ready>) throw …` / `return …` (a block ending in one),
 * where the exit does not call an init method (`if (!this.sock) return this.connect()…` connects
 * lazily); or an assertion statement, `assert(this.sock, …)`, `assert.ok(this.state === 'open')`.
 */
function readGuard(node: TSESTree.Node, sourceCode: SourceCode, initNames: ReadonlySet<string>): Guard[] {
  if (node.type === AST_NODE_TYPES.IfStatement) {
    const exit = getExit(node.consequent);
    if (!exit || mentionsThisMember(node.consequent, initNames, sourceCode)) {
      return [];
    }
    return readExpectations(node.test, true, sourceCode).map((expectation) => ({ ...expectation, exit }));
  }
  if (node.type === AST_NODE_TYPES.ExpressionStatement && node.expression.type === AST_NODE_TYPES.CallExpression) {
    const call = node.expression;
    const callee = call.callee;
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'assert'
          ? getPropertyName(callee)
          : undefined;
    const [condition] = call.arguments;
    if (name === undefined || !ASSERT_FUNCTIONS.has(name) || !condition || condition.type === AST_NODE_TYPES.SpreadElement) {
      return [];
    }
    return readExpectations(condition, false, sourceCode).map((expectation) => ({ ...expectation, exit: 'throw' as const }));
  }
  return [];
}

/** `throw`/`return`, or a block whose last statement is one. */
function getExit(statement: TSESTree.Statement): 'throw' | 'return' | undefined {
  let current: TSESTree.Statement | undefined = statement;
  while (current?.type === AST_NODE_TYPES.BlockStatement) {
    current = current.body.at(-1);
  }
  if (current?.type === AST_NODE_TYPES.ThrowStatement) {
    return 'throw';
  }
  return current?.type === AST_NODE_TYPES.ReturnStatement ? 'return' : undefined;
}

/**
 * The expectations on fields whose failure makes `test` evaluate to `whenTrue`: for `if (test)`,
 * what makes it take the exit; for `assert(test)`, what makes it throw (`whenTrue` is `false`).
 */
function readExpectations(test: TSESTree.Node, whenTrue: boolean, sourceCode: SourceCode): Expectation[] {
  const expectations: Expectation[] = [];
  // An explicit stack, left operands first: a generated test can join thousands of operands.
  const stack: { node: TSESTree.Node; whenTrue: boolean }[] = [{ node: test, whenTrue }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const expression = skipTypeWrappers(next.node);
    const when = next.whenTrue;
    switch (expression.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (expression.operator === '!') {
          stack.push({ node: expression.argument, whenTrue: !when });
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        // `a || b` is true when either is; `a && b` is false when either is false.
        if ((expression.operator === '||' && when) || (expression.operator === '&&' && !when)) {
          stack.push({ node: expression.right, whenTrue: when }, { node: expression.left, whenTrue: when });
        }
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const field = getThisField(expression);
        if (field !== undefined && !when) {
          expectations.push({ field, kind: 'present' });
        }
        break;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        const { operator } = expression;
        const negated = operator === '!==' || operator === '!=';
        if (!negated && operator !== '===' && operator !== '==') {
          break;
        }
        // `this.state !== 'open'` takes the exit when the field is not the constant.
        const [fieldSide, constantSide] =
          getThisField(expression.left) === undefined ? [expression.right, expression.left] : [expression.left, expression.right];
        const field = getThisField(fieldSide);
        const value = getConstantText(constantSide, sourceCode);
        if (field === undefined || value === undefined) {
          break;
        }
        const exitsWhenEqual = negated !== when;
        if (value === 'undefined' || value === 'null') {
          // `this.sock == null` is true when it is absent: an exit when equal means "must be present".
          if (exitsWhenEqual) {
            expectations.push({ field, kind: 'present' });
          }
          break;
        }
        // \`this.state !== 'open'\`: it must become that constant; \`this.token === ''\`: it must leave that one.
        expectations.push({ field, kind: exitsWhenEqual ? 'differs' : 'equals', value });
        break;
      }
      default:
        break;
    }
  }
  return expectations;
}

function getThisField(node: TSESTree.Node): string | undefined {
  const expression = skipTypeWrappers(node);
  return expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression
    ? getPropertyName(expression)
    : undefined;
}

/** A static factory calls the init on what it constructs: `x.connect()` (or `x.connect` passed on) in its body. */
export function factoryCallsInit(factory: TSESTree.MethodDefinition, initName: string, sourceCode: SourceCode): boolean {
  let found = false;
  walkSameThis(factory.value, sourceCode, (child) => {
    found ||=
      child.type === AST_NODE_TYPES.MemberExpression &&
      child.object.type !== AST_NODE_TYPES.ThisExpression &&
      getPropertyName(child) === initName;
  });
  return found;
}

/**
 * Type tier: the disposal protocol a class inherits from a base the syntax tier cannot see (another
 * file, a package): its instance type has a `[Symbol.asyncDispose]` (preferred) or `[Symbol.dispose]`.
 */
export function getInheritedDisposeKindByType(node: ClassNode, types: TypeTier): DisposeKind | undefined {
  if (!node.superClass) {
    return undefined;
  }
  let kind: DisposeKind | undefined;
  for (const property of getInstanceType(node, types)?.getProperties() ?? []) {
    const name = String(property.escapedName);
    if (name.startsWith('__@asyncDispose@')) {
      return 'asyncDispose';
    }
    if (name.startsWith('__@dispose@')) {
      kind = 'dispose';
    }
  }
  return kind;
}
