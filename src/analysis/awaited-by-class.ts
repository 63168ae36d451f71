import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getOutermostWrapper, getPropertyName, getStaticKeyName, isFunctionNode, isGlobalReference, skipTypeWrappers, walk, type ClassNode } from '../utils/ast.js';
import type { AsyncWork } from './async-work.js';
import { getAwaitedFields, getConstructionAssignedFields, isStoredInAwaitedField } from './awaited-fields.js';

/**
 * Whether a class awaits, itself, a piece of work its constructor starts: the work is handed to a
 * private recording method where it stands (`this.#trackInit(work)`, which pushes it onto a private
 * field: `this.#pendingInit.push(work)`), and the class awaits that field (`await
 * Promise.all(x.#pendingInit)`) in a static async method, its factory, or, when it has a `then`,
 * in an instance method, the initialiser its `then` runs. Such work is initialisation the caller
 * can await: `await Db.create()` / `await new Db()` settles after it and rejects with its failure.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Per class: the private fields it awaits with `Promise.all`, and its recording methods. */
interface OwnInit {
  /** Recording method name (`#trackInit`) to the private field it pushes onto (`#pendingInit`). */
  recorders: Map<string, string>;
  /** Private fields awaited by a static async method, or by an instance method of a class with a `then`. */
  awaited: Set<string>;
}

const cache = new WeakMap<ClassNode, OwnInit>();

/**
 * Whether `work` (found in `classNode`'s constructor or field initialisers) is recorded where it
 * stands and awaited by the class's own static async factory or `then`: `work.node` is the
 * recording call (`this.#trackInit(…)`, as the type tier sees it) or its first argument.
 */
export function isAwaitedByOwnInit(work: AsyncWork, classNode: ClassNode, sourceCode: SourceCode): boolean {
  // Stored where it stands in a field the class awaits (`this.#connecting = work`): the quick fixes' recorded shape.
  if (isStoredInAwaitedField(work, classNode, sourceCode)) {
    return true;
  }
  const call = getRecordingCall(work.node);
  if (!call) {
    return false;
  }
  const name = getPropertyName(call.callee as TSESTree.MemberExpression);
  if (name === undefined || !name.startsWith('#')) {
    return false;
  }
  let own = cache.get(classNode);
  if (!own) {
    own = readOwnInit(classNode, sourceCode);
    cache.set(classNode, own);
  }
  const field = own.recorders.get(name);
  // Awaited as `Promise.all(this.#pendingInit)`, or spread into a list awaited together (`[...this.#pendingInit, this.#ready]`).
  return field !== undefined && (own.awaited.has(field) || getAwaitedFields(classNode, sourceCode).has(field));
}

/**
 * The private fields `classNode`'s recording methods push onto (`#pendingInit`): work recorded
 * there was started by the constructor, so a factory that awaits them only waits for it.
 */
export function getRecordedFields(classNode: ClassNode, sourceCode: SourceCode): ReadonlySet<string> {
  let own = cache.get(classNode);
  if (!own) {
    own = readOwnInit(classNode, sourceCode);
    cache.set(classNode, own);
  }
  // Also the fields construction code assigns (`this.#connecting = work`): what they hold, it started.
  return new Set([...own.recorders.values(), ...getConstructionAssignedFields(classNode, sourceCode)]);
}

/** `this.#m(work)` with `node` as `work` (through parentheses and type wrappers), or `node` itself. */
function getRecordingCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const isRecording = (candidate: TSESTree.Node | undefined): candidate is TSESTree.CallExpression => {
    if (candidate?.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const callee = candidate.callee;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.ThisExpression &&
      callee.property.type === AST_NODE_TYPES.PrivateIdentifier &&
      candidate.arguments.length === 1
    );
  };
  if (isRecording(node)) {
    return node;
  }
  const current = getOutermostWrapper(node);
  const parent = current.parent;
  return isRecording(parent) && parent.arguments[0] === current ? parent : undefined;
}

function readOwnInit(classNode: ClassNode, sourceCode: SourceCode): OwnInit {
  const recorders = new Map<string, string>();
  const awaited = new Set<string>();
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
    const fn = member.value;
    const name = getStaticKeyName(member.key, member.computed);
    const parameter = fn.params[0];
    if (!member.static && name?.startsWith('#') && parameter?.type === AST_NODE_TYPES.Identifier) {
      const field = findPushedField(fn.body, parameter.name, sourceCode);
      if (field) {
        recorders.set(name, field);
      }
    }
    if ((member.static && fn.async) || (!member.static && hasThen)) {
      for (const field of findAwaitedFields(fn.body, sourceCode)) {
        awaited.add(field);
      }
    }
  }
  return { recorders, awaited };
}

/** `this.#f.push(parameter)` in the method body: `#f`. */
function findPushedField(body: TSESTree.Node, parameter: string, sourceCode: SourceCode): string | undefined {
  let field: string | undefined;
  walk(body, sourceCode.visitorKeys, (node) => {
    if (field !== undefined || isFunctionNode(node)) {
      return 'skip';
    }
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(node.callee) === 'push' &&
      node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === parameter)
    ) {
      const target = skipTypeWrappers(node.callee.object);
      if (
        target.type === AST_NODE_TYPES.MemberExpression &&
        target.object.type === AST_NODE_TYPES.ThisExpression &&
        target.property.type === AST_NODE_TYPES.PrivateIdentifier
      ) {
        field = `#${target.property.name}`;
      }
    }
    return undefined;
  });
  return field;
}

/** `await Promise.all(x.#f)` in the method body (not in functions nested in it): each `#f`. */
function findAwaitedFields(body: TSESTree.Node, sourceCode: SourceCode): string[] {
  const fields: string[] = [];
  walk(body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) {
      return 'skip';
    }
    if (node.type !== AST_NODE_TYPES.AwaitExpression) {
      return undefined;
    }
    const call = skipTypeWrappers(node.argument);
    if (
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(call.callee) === 'all' &&
      isGlobalReference(call.callee.object, 'Promise', sourceCode)
    ) {
      const argument = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
      if (argument?.type === AST_NODE_TYPES.MemberExpression && argument.property.type === AST_NODE_TYPES.PrivateIdentifier) {
        fields.push(`#${argument.property.name}`);
      }
    }
    return undefined;
  });
  return fields;
}
