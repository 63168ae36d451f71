/** How a declaration loses some of the names it binds (`const { autorun, concurrency } = options` without `autorun`), as edits that keep the rest as written. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCommentsWithin } from '../../utils/ast.js';
import type { Edit } from './layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** One removable part of a declaration: a declarator, or a property of a declarator's object pattern. */
interface Part {
  node: TSESTree.Node;
  /** The names it binds. */
  names: string[];
}

/**
 * Whether `declaration` can lose the bindings in `names` (none, some or all of what it binds) with
 * the rest written as it is: whole declarators go; within an object pattern (without a rest
 * element, whose value the other properties decide) a property binding one name goes; nothing
 * else is split, and no comment may be lost with what goes.
 */
export function canPrune(declaration: TSESTree.VariableDeclaration, names: ReadonlySet<string>, sourceCode: SourceCode): boolean {
  return getPruneEdits(declaration, names, sourceCode) !== undefined;
}

/**
 * The edits that take the bindings in `names` out of `declaration` (an empty list when there is
 * nothing to take; the declaration's own range emptied when everything goes), or `undefined` when
 * they cannot be taken out alone (see {@link canPrune}).
 */
export function getPruneEdits(
  declaration: TSESTree.VariableDeclaration,
  names: ReadonlySet<string>,
  sourceCode: SourceCode,
): Edit[] | undefined {
  const declarators = declaration.declarations.map((declarator) => ({ node: declarator as TSESTree.Node, names: boundNames(declarator.id) }));
  if (declarators.every((part) => part.names.every((name) => names.has(name)))) {
    return names.size === 0 || declarators.every((part) => part.names.length === 0) ? [] : [{ range: declaration.range, text: '' }];
  }
  const edits: Edit[] = [];
  const keptDeclarators: Part[] = [];
  for (const [index, part] of declarators.entries()) {
    const removedNames = part.names.filter((name) => names.has(name));
    if (removedNames.length === part.names.length && part.names.length > 0) {
      continue;
    }
    keptDeclarators.push(part);
    if (removedNames.length === 0) {
      continue;
    }
    const pattern = declaration.declarations[index]!.id;
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern || pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)) {
      return undefined;
    }
    const properties: Part[] = pattern.properties.map((property) => ({ node: property, names: boundNames(property) }));
    for (const property of properties) {
      const gone = property.names.filter((name) => names.has(name)).length;
      if (gone > 0 && gone < property.names.length) {
        return undefined;
      }
    }
    const removed = removeParts(properties, (property) => property.names.length > 0 && property.names.every((name) => names.has(name)), sourceCode);
    if (!removed) {
      return undefined;
    }
    edits.push(...removed);
  }
  const removed = removeParts(declarators, (part) => !keptDeclarators.includes(part), sourceCode);
  if (!removed) {
    return undefined;
  }
  return [...edits, ...removed];
}

/**
 * The edits that take the bindings in `names` out of an object pattern (`{ url, retries }` of a
 * parameter), or `undefined` when they cannot be taken out alone; never all of them.
 */
export function getPatternPruneEdits(pattern: TSESTree.Node, names: ReadonlySet<string>, sourceCode: SourceCode): Edit[] | undefined {
  const all = boundNames(pattern);
  if (all.every((name) => !names.has(name))) {
    return [];
  }
  if (
    all.every((name) => names.has(name)) ||
    pattern.type !== AST_NODE_TYPES.ObjectPattern ||
    pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)
  ) {
    return undefined;
  }
  const properties: Part[] = pattern.properties.map((property) => ({ node: property, names: boundNames(property) }));
  if (properties.some((property) => property.names.some((name) => names.has(name)) && !property.names.every((name) => names.has(name)))) {
    return undefined;
  }
  return removeParts(properties, (property) => property.names.length > 0 && property.names.every((name) => names.has(name)), sourceCode);
}

/**
 * Edits removing the parts `isRemoved` picks from a comma-separated list (at least one part
 * stays): each run of removed parts goes with the comma after it, or, at the end of the list, the
 * comma before it. `undefined` when a comment would go with them.
 */
function removeParts(parts: readonly Part[], isRemoved: (part: Part) => boolean, sourceCode: SourceCode): Edit[] | undefined {
  const edits: Edit[] = [];
  let index = 0;
  while (index < parts.length) {
    if (!isRemoved(parts[index]!)) {
      index++;
      continue;
    }
    let end = index;
    while (end + 1 < parts.length && isRemoved(parts[end + 1]!)) {
      end++;
    }
    const next = parts[end + 1];
    const previous = parts[index - 1];
    const range: [number, number] = next
      ? [parts[index]!.node.range[0], next.node.range[0]]
      : [previous!.node.range[1], parts[end]!.node.range[1]];
    if (getCommentsWithin(sourceCode, range).length > 0) {
      return undefined;
    }
    edits.push({ range, text: '' });
    index = end + 1;
  }
  return edits;
}

/** The names a pattern (or a property of one) binds. */
export function boundNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        names.push(current.name);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        stack.push(current.id);
        break;
      case AST_NODE_TYPES.ObjectPattern:
        stack.push(...current.properties);
        break;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of current.elements) {
          if (element) {
            stack.push(element);
          }
        }
        break;
      case AST_NODE_TYPES.Property:
        stack.push(current.value);
        break;
      case AST_NODE_TYPES.AssignmentPattern:
        stack.push(current.left);
        break;
      case AST_NODE_TYPES.RestElement:
        stack.push(current.argument);
        break;
      case AST_NODE_TYPES.TSParameterProperty:
        stack.push(current.parameter);
        break;
      default:
        break;
    }
  }
  return names;
}
