import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getClassName,
  getSameFileAncestors,
  isFunctionNode,
  isPromiseMember,
  isPromiseReturningFunction,
  resolveDefinition,
  type ClassNode,
} from '../utils/ast.js';
import { findAsyncWork, type AsyncWork } from './async-work.js';
import { getConstructionRoots, walkConstructionCode } from './construction.js';
import type { TypeTier } from './types.js';

/** One piece of async work started during construction, and where (for messages). */
export interface ConstructionWork {
  work: AsyncWork;
  /** "`Db`'s constructor", "The initialiser of `Db.ready`". */
  where: string;
  /** Background work (a loop that runs until the object is closed): never awaited by a transform. */
  background?: boolean;
  /** Work started one call away: work.node is then the constructor's call of a synchronous
   *  wrapper (`this.start()`), `path` names the chain for messages. */
  via?: { path: string };
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
  const finder = { sourceCode, types, isPromiseMethod, isPromiseFunction };

  const found: ConstructionWork[] = [];
  const add = (work: AsyncWork, where: string): void => {
    if (!isAllowed?.(work)) {
      found.push({ work, where });
    }
  };
  const walkFor = (root: TSESTree.Node, where: string): void => {
    walkConstructionCode(root, sourceCode.visitorKeys, (child) => {
      const work = findAsyncWork(child, finder);
      if (work) {
        add(work, where);
        return 'skip';
      }
      return undefined;
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
      return undefined;
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

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current;
    }
  }
  return undefined;
}
