import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getMemberName, getPropertyName, getThisOwner, isClassNode, isFunctionNode, skipTypeWrappers, walk, type ClassNode } from '../utils/ast.js';
import { classifyHeldUse, type HeldClass } from './held-uses.js';

/**
 * Awaitable instances held in fields (`client = new Client()`, `this.client = new Client()` in the
 * constructor): the class reads their members, and nothing in the class awaits them.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface HeldFieldFinding {
  creation: TSESTree.NewExpression;
  /** The field as written after `this.`: `client`, `#client`. */
  field: string;
  /** The first read of one of its members, in source order. */
  read: TSESTree.MemberExpression;
  member: string | undefined;
  /** Where the read is: "`find()`", "the constructor", "the initialiser of `cache`". */
  where: string;
}

/**
 * `new X()` stored in a field of the instance: a field's initialiser (`client = new X()`), or an
 * assignment to `this.f` in the constructor (arrow functions in it included). The class and field.
 */
export function getHeldField(node: TSESTree.NewExpression): { cls: ClassNode; field: string } | undefined {
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
    (parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.AccessorProperty) &&
    parent.value === outer &&
    !parent.static
  ) {
    const field = getMemberName(parent);
    return field === undefined ? undefined : { cls: parent.parent.parent as ClassNode, field };
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.right !== outer) {
    return undefined;
  }
  const target = skipTypeWrappers(parent.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const field = getPropertyName(target);
  const owner = getThisOwner(target);
  const method = owner?.parent;
  if (field === undefined || method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') {
    return undefined;
  }
  return { cls: method.parent.parent as ClassNode, field };
}

/**
 * The held fields of `cls` (each with the `new` expressions that store an instance there) that the
 * class uses unawaited: it reads a member of the instance, and never awaits it, calls its `then`,
 * or hands it on. A field written with anything else than its instances (or `null`), a builder
 * (a method returning itself is called), or a class that aliases `this` (`const self = this`,
 * `const { client } = this`) is left alone. One walk over the class's instance members.
 */
export function findUnawaitedFields(
  cls: ClassNode,
  fields: ReadonlyMap<string, readonly TSESTree.NewExpression[]>,
  getHeldClass: (creation: TSESTree.NewExpression) => HeldClass,
  sourceCode: SourceCode,
): HeldFieldFinding[] {
  interface FieldState {
    creations: ReadonlySet<TSESTree.Node>;
    held: HeldClass;
    read: { read: TSESTree.MemberExpression; member: string | undefined; where: TSESTree.ClassElement } | undefined;
    settled: boolean;
  }
  const states = new Map<string, FieldState>();
  for (const [field, creations] of fields) {
    states.set(field, { creations: new Set(creations), held: getHeldClass(creations[0]!), read: undefined, settled: false });
  }
  let aliased = false;
  for (const member of cls.body.body) {
    if (aliased) {
      break;
    }
    if (member.type === AST_NODE_TYPES.StaticBlock || ('static' in member && member.static)) {
      continue;
    }
    const root =
      member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.TSAbstractMethodDefinition
        ? member.value
        : 'value' in member
          ? member.value
          : null;
    // A field holding a `function` gives it its own `this`.
    if (!root || (member.type !== AST_NODE_TYPES.MethodDefinition && isFunctionNode(root) && root.type !== AST_NODE_TYPES.ArrowFunctionExpression)) {
      continue;
    }
    walkSameThis(root, sourceCode, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        aliased ||= isAliased(node);
        return;
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression || skipTypeWrappers(node.object).type !== AST_NODE_TYPES.ThisExpression) {
        return;
      }
      const name = getPropertyName(node);
      const state = name === undefined ? undefined : states.get(name);
      if (!state || state.settled) {
        return;
      }
      const write = getFieldWrite(node);
      if (write) {
        // Its own instances, `null`, or the instance awaited (`this.client = await this.client`).
        const value = skipTypeWrappers(write.right);
        const keeps =
          state.creations.has(value) ||
          (value.type === AST_NODE_TYPES.Literal && value.raw === 'null') ||
          (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
          value.type === AST_NODE_TYPES.AwaitExpression;
        state.settled ||= !keeps;
        return;
      }
      const use = classifyHeldUse(node, state.held, sourceCode);
      if (use.kind === 'read') {
        if (!state.read || use.member.range[0] < state.read.read.range[0]) {
          state.read = { read: use.member, member: use.name, where: member };
        }
      } else if (use.kind !== 'neutral') {
        state.settled = true;
      }
    });
  }
  if (aliased) {
    return [];
  }
  const findings: HeldFieldFinding[] = [];
  for (const [field, state] of states) {
    if (state.settled || !state.read) {
      continue;
    }
    for (const creation of fields.get(field) ?? []) {
      findings.push({ creation, field, read: state.read.read, member: state.read.member, where: describeMember(state.read.where) });
    }
  }
  return findings;
}

/** `this.f = value`: the assignment, when `node` is its target. */
function getFieldWrite(node: TSESTree.MemberExpression): TSESTree.AssignmentExpression | undefined {
  let outer: TSESTree.Node = node;
  while (outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression || outer.parent?.type === AST_NODE_TYPES.TSAsExpression) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer && parent.operator === '=' ? parent : undefined;
}

/** `this` bound to another name (`const self = this`, `const { client } = this`, `({ client } = this)`). */
function isAliased(node: TSESTree.ThisExpression): boolean {
  let outer: TSESTree.Node = node;
  while (outer.parent?.type === AST_NODE_TYPES.TSAsExpression || outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  return (
    (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer)
  );
}

function describeMember(member: TSESTree.ClassElement): string {
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
    return 'the constructor';
  }
  const name = getMemberName(member);
  if (member.type === AST_NODE_TYPES.MethodDefinition) {
    const prefix = member.kind === 'get' ? 'get ' : member.kind === 'set' ? 'set ' : '';
    return name === undefined ? 'a method' : `\`${prefix}${name}${member.kind === 'method' ? '()' : ''}\``;
  }
  return name === undefined ? 'a field initialiser' : `the initialiser of \`${name}\``;
}

/** Visits every node below `root` that shares its `this`: arrow functions are walked into, other functions and classes are not. */
function walkSameThis(root: TSESTree.Node, sourceCode: SourceCode, visit: (node: TSESTree.Node) => void): void {
  walk(root, sourceCode.visitorKeys, (node) => {
    visit(node);
    const hasOwnThis = (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) || isClassNode(node);
    return node !== root && hasOwnThis ? 'skip' : undefined;
  });
}
