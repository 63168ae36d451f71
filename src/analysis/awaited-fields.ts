/** Which fields holding work the constructor starts a class awaits itself: its static async factory (`await db.#connecting`) or, in a class with a `then`, its instance methods (`await this.#connecting`), whole or in a list awaited together. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getOutermostWrapper,
  getStaticKeyName,
  isFunctionNode,
  isGlobalReference,
  skipTypeWrappers,
  walk,
  type ClassNode,
} from '../utils/ast.js';
import type { AsyncWork } from './async-work.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const cache = new WeakMap<ClassNode, ReadonlySet<string>>();

/**
 * Whether `work` (found in `classNode`'s construction code) is stored, where it stands, in a field
 * the class awaits itself: `this.#connecting = work`, `this.ready = cond ? undefined : work`,
 * `this.#subs = items.map(async …)`, `this.#fetching.push(work)`, a field initialiser
 * `ready = work`. `await Db.create()` / `await new Db()` then settles after it and rejects with
 * its failure, as if the work had moved there.
 */
export function isStoredInAwaitedField(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  const field = getStoringField(work, classNode);
  if (field === undefined) {
    return false;
  }
  return getAwaitedFields(classNode, sourceCode).has(field);
}

/**
 * The fields the class awaits itself (see {@link readAwaitedFields}), named as written (`#pendingInit`,
 * `ready`): a list a recording method pushes onto counts when it is among them.
 */
export function getAwaitedFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  let awaited = cache.get(classNode);
  if (!awaited) {
    awaited = readAwaitedFields(classNode, sourceCode);
    cache.set(classNode, awaited);
  }
  return awaited;
}

/** The field the work's promise is stored in where it stands, when it is. */
function getStoringField(work: AsyncWork, classNode: ClassNode): string | undefined {
  let node: TSESTree.Node = getOutermostWrapper(work.node);
  // What a callback of `map` returns (`items.map((item) => this.load(item))`): the call gives the promises.
  if (node.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && node.parent.body === node) {
    node = node.parent;
  }
  // An async callback of `map`: the call gives the promises.
  if (isFunctionNode(node) && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments[0] === node) {
    const callee = skipTypeWrappers(node.parent.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticKeyName(callee.property, callee.computed) !== 'map') {
      return undefined;
    }
    node = node.parent;
  }
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) {
          return undefined;
        }
        continue;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        continue;
      case AST_NODE_TYPES.AssignmentExpression: {
        const left = skipTypeWrappers(parent.left);
        return parent.operator === '=' && parent.right === node && left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression
          ? getStaticKeyName(left.property, left.computed)
          : undefined;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === node && !parent.static ? getStaticKeyName(parent.key, parent.computed) : undefined;
      case AST_NODE_TYPES.CallExpression: {
        // `this.#handled(work)`: a private method that gives back what it is handed.
        if (parent.arguments.length === 1 && parent.arguments[0] === node && isPassThrough(parent, classNode)) {
          continue;
        }
        // `this.#fetching.push(work)`
        const callee = skipTypeWrappers(parent.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticKeyName(callee.property, callee.computed) !== 'push' || !parent.arguments.includes(node as TSESTree.Expression)) {
          return undefined;
        }
        const list = skipTypeWrappers(callee.object);
        return list.type === AST_NODE_TYPES.MemberExpression && list.object.type === AST_NODE_TYPES.ThisExpression ? getStaticKeyName(list.property, list.computed) : undefined;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/** `this.#m(x)` where `#m` is a private method of the class whose last statement returns its (only) parameter. */
function isPassThrough(call: TSESTree.CallExpression, classNode: ClassNode): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.property.type !== AST_NODE_TYPES.PrivateIdentifier) {
    return false;
  }
  const name = callee.property.name;
  const method = classNode.body.body.find(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'method' &&
      !member.static &&
      member.key.type === AST_NODE_TYPES.PrivateIdentifier &&
      member.key.name === name,
  );
  const fn = method?.type === AST_NODE_TYPES.MethodDefinition ? method.value : undefined;
  const parameter = fn?.params[0];
  const last = fn?.body?.body.at(-1);
  return (
    fn?.params.length === 1 &&
    parameter?.type === AST_NODE_TYPES.Identifier &&
    last?.type === AST_NODE_TYPES.ReturnStatement &&
    last.argument?.type === AST_NODE_TYPES.Identifier &&
    last.argument.name === parameter.name
  );
}

/**
 * The fields the class awaits on the instance: in a static async method (its factory: `await
 * db.#connecting`), or, when the class has a `then`, in an instance method (`await this.#connecting`),
 * awaited alone, through `Promise.all([…])` / `Promise.all(list)`, or gathered in a local list
 * (`const pending = [db.#connecting]; pending.push(…); await Promise.all(pending)`).
 */
function readAwaitedFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  const fields = new Set<string>();
  const hasThen = classNode.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      !member.static &&
      getStaticKeyName(member.key, member.computed) === 'then',
  );
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || !isFunctionNode(member.value)) {
      continue;
    }
    if (!((member.static && member.value.async) || (!member.static && hasThen))) {
      continue;
    }
    const body = member.value.body;
    // The method's local lists: their elements and what is pushed onto them.
    const lists = new Map<string, TSESTree.Node[]>();
    const awaited: TSESTree.Node[] = [];
    walk(body, sourceCode.visitorKeys, (node) => {
      if (isFunctionNode(node)) {
        return 'skip';
      }
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init?.type === AST_NODE_TYPES.ArrayExpression) {
        lists.set(node.id.name, node.init.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null));
      } else if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTypeWrappers(node.callee);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          getStaticKeyName(callee.property, callee.computed) === 'push'
        ) {
          lists.get(callee.object.name)?.push(...node.arguments);
        }
      } else if (node.type === AST_NODE_TYPES.AwaitExpression) {
        awaited.push(node.argument);
      }
      return undefined;
    });
    const stack = [...awaited];
    const seen = new Set<TSESTree.Node>();
    while (stack.length > 0) {
      const current = skipTypeWrappers(stack.pop()!);
      if (seen.has(current)) {
        continue;
      }
      seen.add(current);
      if (current.type === AST_NODE_TYPES.SpreadElement) {
        stack.push(current.argument);
      } else if (current.type === AST_NODE_TYPES.ArrayExpression) {
        stack.push(...current.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null));
      } else if (current.type === AST_NODE_TYPES.Identifier) {
        stack.push(...(lists.get(current.name) ?? []));
      } else if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        ['all', 'allSettled'].includes(getStaticKeyName(current.callee.property, current.callee.computed) ?? '') &&
        isGlobalReference(current.callee.object, 'Promise', sourceCode) &&
        current.arguments[0]
      ) {
        stack.push(current.arguments[0]);
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = getStaticKeyName(current.property, current.computed);
        const object = skipTypeWrappers(current.object);
        if (name !== undefined && (member.static ? object.type === AST_NODE_TYPES.Identifier : object.type === AST_NODE_TYPES.ThisExpression)) {
          fields.add(name);
        }
      }
    }
  }
  return fields;
}

const assignedCache = new WeakMap<ClassNode, ReadonlySet<string>>();

/**
 * The fields construction code gives a value: instance field initialisers, and `this.f = …` or
 * `this.f.push(…)` in the constructor (not in functions it defines, arrow functions aside). A
 * factory that awaits only such fields awaits work the constructor started.
 */
export function getConstructionAssignedFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  let fields = assignedCache.get(classNode);
  if (fields) {
    return fields;
  }
  const found = new Set<string>();
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
      const name = getStaticKeyName(member.key, member.computed);
      if (name !== undefined) {
        found.add(name);
      }
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.body) {
      walk(member.value.body, sourceCode.visitorKeys, (node) => {
        if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
          return 'skip';
        }
        let target: TSESTree.Node | undefined;
        if (node.type === AST_NODE_TYPES.AssignmentExpression) {
          target = skipTypeWrappers(node.left);
        } else if (node.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipTypeWrappers(node.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticKeyName(callee.property, callee.computed) === 'push') {
            target = skipTypeWrappers(callee.object);
          }
        }
        if (target?.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = getStaticKeyName(target.property, target.computed);
          if (name !== undefined) {
            found.add(name);
          }
        }
        return undefined;
      });
    }
  }
  fields = found;
  assignedCache.set(classNode, fields);
  return fields;
}
