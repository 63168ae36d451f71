/** What is left of the constructor once work has left it: an emptied body, the parameters nothing reads any more, or no constructor at all. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getCommentsWithin, hasConstructorOverloads, type ClassNode, type ConstructorNode } from '../../utils/ast.js';
import { countBefore } from '../../utils/sorted.js';
import { getPatternPruneEdits } from './declarations.js';
import type { Edit } from './layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface CleanOptions {
  /** Statements of the body that leave it (moved, or locals nothing reads any more). */
  removedStatements: ReadonlySet<TSESTree.Node>;
  /** The edits that take them out (and any other edit inside the body). */
  removals: readonly Edit[];
  /** Statements the transform adds to the body (`this.#url = url;`): it is not left empty. */
  addsStatements: boolean;
  /** Drop the trailing parameters nothing reads any more (the factory passes the rest). */
  pruneParameters: boolean;
  /** A modifier was asked for (`private constructor`): the constructor stays, even empty. */
  keepConstructor: boolean;
  /** The names the factory gives destructured parameters (`options`): one nothing takes apart any more becomes that name. */
  patternNames?: ReadonlyMap<TSESTree.Node, string>;
}

export interface Cleaned {
  /** The body's edits: the removals, or the whole body emptied to `{}`. */
  edits: Edit[];
  /** How many of the constructor's parameters it still takes (the factory passes that many). */
  parameterCount: number;
  /** The constructor goes altogether: the new members take its place. */
  removed: boolean;
}

/**
 * Tidies the constructor after the move: a body with nothing left becomes `{}`; then (when asked)
 * the trailing parameters that nothing reads any more go, when the move took their readers or left
 * the body empty (a parameter property stays: it declares a field; so does everything when the
 * constructor reads `arguments`), and a destructured parameter that stays loses the names whose
 * readers moved (or becomes a plain name when none is read); and a constructor left with no body,
 * no parameters, no modifier and no comment goes altogether, as does one that only passes its
 * parameters to `super(…)` unchanged.
 */
export function cleanConstructor(
  classNode: ClassNode,
  constructorNode: ConstructorNode,
  sourceCode: SourceCode,
  options: CleanOptions,
): Cleaned {
  const fn = constructorNode.value;
  const body = fn.body;
  // Removed ranges, sorted and disjoint: a binary search tells whether one holds a range.
  const removedRanges = options.removals
    .filter((edit) => edit.text === '' && edit.range[1] > edit.range[0])
    .map((edit) => edit.range)
    .sort((a, b) => a[0] - b[0]);
  const isRemoved = (range: readonly [number, number]): boolean => {
    // Disjoint, so their ends are sorted too: the first that ends at or after the range's end.
    const removed = removedRanges[countBefore(removedRanges, (candidate) => candidate[1] < range[1])];
    return removed !== undefined && removed[0] <= range[0];
  };
  const remaining = body.body.filter((statement) => !options.removedStatements.has(statement));
  const bodyComments = getCommentsWithin(sourceCode, body.range).filter((comment) => !isRemoved(comment.range));
  const emptied = !options.addsStatements && remaining.length === 0 && bodyComments.length === 0;
  const edits: Edit[] = emptied ? [{ range: body.range, text: '{}' }] : [...options.removals];

  // Parameters: the trailing ones nothing reads once the moved code is out; inside a destructured
  // one that stays, the names that lost their readers.
  let parameterCount = fn.params.length;
  if (options.pruneParameters && !readsArguments(constructorNode, sourceCode)) {
    // A parameter's variables are declared by the function (their definitions' nodes).
    const declared = sourceCode.getDeclaredVariables(fn);
    const variablesOf = (param: TSESTree.Parameter): TSESLint.Scope.Variable[] =>
      declared.filter((variable) => variable.defs.some((definition) => param.range[0] <= definition.name.range[0] && definition.name.range[1] <= param.range[1]));
    const reads = (variable: TSESLint.Scope.Variable): TSESLint.Scope.Reference[] => variable.references.filter((reference) => reference.init !== true);
    const isUnreadNow = (variable: TSESLint.Scope.Variable): boolean =>
      reads(variable).every((reference) => reference.identifier.range[0] > body.range[0] && reference.identifier.range[1] < body.range[1] && (emptied || isRemoved(reference.identifier.range)));
    const lostReaders = (variable: TSESLint.Scope.Variable): boolean => reads(variable).length > 0 && isUnreadNow(variable);
    const hasComments = (range: [number, number]): boolean => getCommentsWithin(sourceCode, range).length > 0;
    const isPrunable = (param: TSESTree.Parameter): boolean => {
      const variables = variablesOf(param);
      return (
        param.type !== AST_NODE_TYPES.TSParameterProperty &&
        !('decorators' in param && (param.decorators?.length ?? 0) > 0) &&
        variables.every(isUnreadNow) &&
        (emptied || variables.some(lostReaders))
      );
    };
    while (parameterCount > 0 && isPrunable(fn.params[parameterCount - 1]!)) {
      parameterCount--;
    }
    if (parameterCount < fn.params.length) {
      const open = sourceCode.getTokenBefore(fn.params[0]!, (token) => token.value === '(');
      const close = sourceCode.getTokenAfter(fn.params.at(-1)!, (token) => token.value === ')');
      const start = parameterCount === 0 ? open?.range[1] : fn.params[parameterCount - 1]!.range[1];
      const end = parameterCount === 0 ? close?.range[0] : fn.params.at(-1)!.range[1];
      const range: [number, number] | undefined = start !== undefined && end !== undefined ? [start, end] : undefined;
      if (!range || hasComments(range)) {
        parameterCount = fn.params.length;
      } else {
        edits.push({ range, text: '' });
      }
    }
    for (const param of fn.params.slice(0, parameterCount)) {
      const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (pattern.type !== AST_NODE_TYPES.ObjectPattern && pattern.type !== AST_NODE_TYPES.ArrayPattern) {
        continue;
      }
      const variables = variablesOf(param);
      const lost = variables.filter(lostReaders);
      if (lost.length === 0) {
        continue;
      }
      const name = options.patternNames?.get(pattern);
      if (variables.every(isUnreadNow) && name !== undefined) {
        // `{ autorun } : Options = {}` → `options: Options | undefined`: nothing takes it apart any
        // more, and a parameter before one that is read is no unused variable (a default would make it one).
        const type = pattern.typeAnnotation ? sourceCode.getText(pattern.typeAnnotation.typeAnnotation) : undefined;
        const defaulted = param.type === AST_NODE_TYPES.AssignmentPattern;
        const text = type === undefined ? name : `${name}: ${defaulted ? `${/^[\w$.<>[\], ]+$/u.test(type) ? type : `(${type})`} | undefined` : type}`;
        if (!hasComments([param.range[0], param.range[1]])) {
          edits.push({ range: param.range, text });
        }
        continue;
      }
      edits.push(...(getPatternPruneEdits(pattern, new Set(lost.map((variable) => variable.name)), sourceCode) ?? []));
    }
  }

  const bare =
    !options.keepConstructor &&
    !constructorNode.accessibility &&
    !hasConstructorOverloads(classNode) &&
    !('decorators' in constructorNode && (constructorNode.decorators?.length ?? 0) > 0) &&
    // Comments before it stay where they are, in front of what takes its place; one inside it keeps it.
    getCommentsWithin(sourceCode, constructorNode.range).every((comment) => comment.range[0] > body.range[0] && isRemoved(comment.range));
  const removable =
    bare &&
    ((emptied && parameterCount === 0 && !classNode.superClass) ||
      (classNode.superClass !== null && remaining.length === 1 && bodyComments.length === 0 && !options.addsStatements && passesToSuper(remaining[0]!, fn.params)));
  return { edits, parameterCount: removable && classNode.superClass ? fn.params.length : parameterCount, removed: removable };
}

/** `super(a, b)` / `super(...args)` with exactly the constructor's plain parameters, in order. */
function passesToSuper(statement: TSESTree.Statement, params: readonly TSESTree.Parameter[]): boolean {
  if (
    statement.type !== AST_NODE_TYPES.ExpressionStatement ||
    statement.expression.type !== AST_NODE_TYPES.CallExpression ||
    statement.expression.callee.type !== AST_NODE_TYPES.Super
  ) {
    return false;
  }
  const args = statement.expression.arguments;
  return (
    args.length === params.length &&
    params.every((param, index) => {
      const argument = args[index]!;
      if (param.type === AST_NODE_TYPES.Identifier) {
        return argument.type === AST_NODE_TYPES.Identifier && argument.name === param.name;
      }
      return (
        param.type === AST_NODE_TYPES.RestElement &&
        param.argument.type === AST_NODE_TYPES.Identifier &&
        argument.type === AST_NODE_TYPES.SpreadElement &&
        argument.argument.type === AST_NODE_TYPES.Identifier &&
        argument.argument.name === param.argument.name
      );
    })
  );
}

/** The constructor reads its own `arguments` (arrow functions in it see the same). */
export function readsArguments(constructorNode: ConstructorNode, sourceCode: SourceCode): boolean {
  const scope = sourceCode.scopeManager?.acquire(constructorNode.value);
  const variable = scope?.set.get('arguments');
  return (variable?.references.length ?? 0) > 0;
}
