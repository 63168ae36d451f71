import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { WalkDecision } from '../utils/ast.js';

/**
 * An AST walk for the held-instance and caught-error analyses that keeps its own stack, so the
 * depth of the input never grows the call stack. It visits what utils/ast.ts's `walk` visits, in
 * the same source order, with the same `'skip'`; once that walk is iterative too, this one can go.
 */

/** Keys under which only types live: never walked. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

export function walkIteratively(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (node: TSESTree.Node) => WalkDecision,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === 'skip') {
      continue;
    }
    const keys = visitorKeys[node.type] ?? [];
    // Pushed in reverse, so that children come off the stack in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (TYPE_KEYS.has(key)) {
        continue;
      }
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (isNode(value[i])) {
            stack.push(value[i] as TSESTree.Node);
          }
        }
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
