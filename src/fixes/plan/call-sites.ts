/** Which same-file constructions of a class a transform rewrites, and what else in the file constrains it (a subclass, a taken name). */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  getAnonymousClassBinding,
  getSameFileAncestors,
  isClassNode,
  isFunctionNode,
  type ClassNode,
  type ConstructorNode,
} from '../../utils/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Every reference to the class's name in this file: its outer and inner bindings, or the constant
 * binding of an anonymous class expression.
 */
export function getClassReferences(classNode: ClassNode, sourceCode: SourceCode): TSESTree.Identifier[] {
  const references: TSESTree.Identifier[] = [];
  const seen = new Set<TSESTree.Node>();
  const binding = getAnonymousClassBinding(classNode, sourceCode);
  for (const variable of [...sourceCode.getDeclaredVariables(classNode), ...(binding ? [binding] : [])]) {
    for (const reference of variable.references) {
      if (reference.identifier.type === AST_NODE_TYPES.Identifier && !reference.isWrite() && !seen.has(reference.identifier)) {
        seen.add(reference.identifier);
        references.push(reference.identifier);
      }
    }
  }
  return references;
}

/** A class in this file extends `classNode` (`class Child extends Db`). */
export function isExtendedInFile(classNode: ClassNode, sourceCode: SourceCode): boolean {
  return getClassReferences(classNode, sourceCode).some((reference) => {
    const parent = reference.parent;
    return isClassNode(parent) && parent.superClass === reference;
  });
}

/**
 * Same-file `new Db(…)` inside async functions (outside the constructor), where a transform can
 * make the caller await: the callee written right after `new`, with no comment between. A module's
 * top level is left alone although `require-awaited-init` (`canAwaitAt`) counts it as awaitable:
 * a fix has no types to tell an ES module from a CommonJS file that ESLint parses as one (its
 * default `sourceType` for `.js`), where a top-level `await` would not run. Those constructions
 * stay as they are, and `require-awaited-init` reports them.
 */
export function findCallSites(
  plan: { classNode: ClassNode; constructorNode?: ConstructorNode | undefined },
  sourceCode: SourceCode,
): { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] {
  const sites: { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] = [];
  const constructorRange = plan.constructorNode?.range ?? [0, 0];
  for (const callee of getClassReferences(plan.classNode, sourceCode)) {
    const call = callee.parent;
    if (
      call.type !== AST_NODE_TYPES.NewExpression ||
      call.callee !== callee ||
      (call.range[0] >= constructorRange[0] && call.range[1] <= constructorRange[1]) ||
      !isInAsyncFunction(call)
    ) {
      continue;
    }
    const newToken = sourceCode.getFirstToken(call);
    const calleeToken = newToken && sourceCode.getTokenAfter(newToken);
    if (newToken && calleeToken?.range[0] === callee.range[0] && !sourceCode.commentsExistBetween(newToken, callee)) {
      sites.push({ call, callee });
    }
  }
  return sites;
}

/** Same-file `new Db(…)` anywhere but in the class's own body, as written (`new Db(a, b)`). */
export function findConstructions(classNode: ClassNode, sourceCode: SourceCode): TSESTree.NewExpression[] {
  return getClassReferences(classNode, sourceCode).flatMap((callee) => {
    const call = callee.parent;
    return call.type === AST_NODE_TYPES.NewExpression && call.callee === callee ? [call] : [];
  });
}

/** Whether the class, or a static member of a same-file ancestor, already has a member named like the factory. */
export function isFactoryNameTaken(classNode: ClassNode, factoryName: string, sourceCode: SourceCode): boolean {
  return (
    findMembers(classNode, factoryName, true).length > 0 ||
    findMembers(classNode, factoryName, false).length > 0 ||
    getSameFileAncestors(classNode, sourceCode).some((ancestor) => findMembers(ancestor, factoryName, true).length > 0)
  );
}

/** Whether `node` runs in an async function, where it can be awaited (not in a field initialiser or static block). */
export function isInAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current.async;
    }
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return false;
    }
  }
  return false;
}

/** `await x` binds looser than member access, calls, `!` and the left side of `**`. */
export function needsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return false;
  }
}
