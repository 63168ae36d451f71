import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findMembers, getSameFileAncestors, getThisOwner, isGlobalReference, type ClassNode } from '../utils/ast.js';
import {
  findCallSites,
  needsParentheses,
  placeMembers,
  planMove,
  toFixer,
  writeMethod,
  writeMovedStatements,
  type Edit,
  type MovePlan,
} from './plan.js';
import { buildInitField, buildSettledThen } from './settle-then.js';

/**
 * The awaitable-class transform, built on the "settled `then`" of settle-then.ts.
 *
 * An awaitable class has a `then` member, so `await new Client(url)` calls it. The pattern:
 *
 * - the initialisation work lives in an initialiser (`async #initialize()`), started by the first
 *   `then` call and remembered in a promise field (`#init`), so awaiting twice runs it once;
 * - once that work has fulfilled, the instance shadows its `then` with an own `then: undefined`,
 *   so it is no longer a thenable: the await that resolves with the instance itself stops there
 *   (a thenable that resolves to itself is unwrapped again and again, forever);
 * - a failed initialisation rejects every await with the initialiser's error (and never resolves
 *   with the instance, so nothing loops either).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

const INIT_FIELD = '#init';
const INITIALIZER = '#initialize';

export interface ThenableFixOptions {
  /** The file's name, to tell `.js` from `.ts` when typescript-eslint parses both. */
  filename?: string;
}

/**
 * The fix that makes `classNode` awaitable: every reported statement moves into
 * `async #initialize()`, the class gains a `#init` field and the settled `then`
 * ({@link buildSettledThen}), so `await new Db(url)` runs the work once and gives the instance.
 * `null` when it cannot be made right: besides the cases `planMove` declines, the class (or a
 * same-file ancestor) already has a `then`, `#init` or `#initialize`, it extends `Promise`, or the
 * moved code reads a constructor parameter that is not a parameter property (`#initialize()` has no
 * parameters; a parameter property is read as `this.name`).
 */
export function createThenableFix(
  classNode: ClassNode,
  reportNodes: readonly TSESTree.Node[],
  sourceCode: SourceCode,
  options: ThenableFixOptions = {},
): Fixer | null {
  const plan = planMove(classNode, reportNodes, sourceCode, options.filename);
  if (
    !plan ||
    [INIT_FIELD, INITIALIZER].some(
      (name) => findMembers(classNode, name, false).length > 0 || findMembers(classNode, name, true).length > 0,
    ) ||
    [classNode, ...getSameFileAncestors(classNode, sourceCode)].some((cls) => findMembers(cls, 'then').length > 0) ||
    (classNode.superClass && isGlobalReference(classNode.superClass, 'Promise', sourceCode))
  ) {
    return null;
  }
  const parameterEdits: Edit[] = [];
  for (const read of plan.parameterReads) {
    const edit = readAsProperty(read, plan.constructorNode.value);
    if (!edit) {
      return null;
    }
    parameterEdits.push(edit);
  }

  const { isTypeScript, layout } = plan;
  const initializer = writeMethod(
    plan,
    `async ${INITIALIZER}()${isTypeScript ? ': Promise<void>' : ''}`,
    writeMovedStatements(plan, sourceCode, 'this', parameterEdits),
  );
  const then = buildSettledThen({
    indent: layout.memberIndent,
    indentUnit: layout.indentUnit,
    isTypeScript,
    initField: INIT_FIELD,
    initializerCall: `this.${INITIALIZER}()`,
    newline: layout.newline,
  });
  const field = buildInitField({ indent: layout.memberIndent, isTypeScript, initField: INIT_FIELD });
  const placed = placeMembers(plan, sourceCode, [initializer, then], false);
  const replacesConstructor = placed.some((edit) => edit.range[0] === plan.constructorNode.range[0]);
  const fieldEdits: Edit[] = [];
  if (layout.inline || replacesConstructor) {
    // The field leads the new members: `#init; async #initialize() {…} then(…) {…}`.
    const members = placeMembers(plan, sourceCode, [field, initializer, then], false);
    return toFixer([...members, ...plan.definiteAssignments, ...awaitCallSites(plan, sourceCode)]);
  }
  const lineStart = getMemberLineStart(plan.constructorNode, sourceCode);
  fieldEdits.push({ range: [lineStart, lineStart], text: field + layout.newline + layout.newline });
  return toFixer([...fieldEdits, ...placed, ...plan.definiteAssignments, ...awaitCallSites(plan, sourceCode)]);
}

/**
 * Same-file `new Db(…)` in async functions become `await new Db(…)`: without it the instance is
 * never initialised (its work no longer starts in the constructor). Left alone where the value is
 * awaited already, or returned from the async function (which adopts the thenable).
 */
function awaitCallSites(plan: MovePlan, sourceCode: SourceCode): Edit[] {
  return findCallSites(plan, sourceCode).flatMap(({ call }): Edit[] => {
    const parent = call.parent;
    if (
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call)
    ) {
      return [];
    }
    const parenthesize = needsParentheses(call);
    return [
      { range: [call.range[0], call.range[0]], text: parenthesize ? '(await ' : 'await ' },
      ...(parenthesize ? [{ range: [call.range[1], call.range[1]] as [number, number], text: ')' }] : []),
    ];
  });
}

/**
 * A parameter property read in moved code becomes `this.name` (`{ name }` becomes
 * `{ name: this.name }`); only where `this` still means the instance.
 */
function readAsProperty(read: TSESTree.Identifier, constructorFunction: TSESTree.FunctionExpression): Edit | undefined {
  const isParameterProperty = constructorFunction.params.some(
    (param) =>
      param.type === AST_NODE_TYPES.TSParameterProperty &&
      ((param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === read.name) ||
        (param.parameter.type === AST_NODE_TYPES.AssignmentPattern &&
          param.parameter.left.type === AST_NODE_TYPES.Identifier &&
          param.parameter.left.name === read.name)),
  );
  if (!isParameterProperty || getThisOwner(read) !== constructorFunction) {
    return undefined;
  }
  const parent = read.parent;
  if (parent.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === read) {
    return { range: parent.range, text: `${read.name}: this.${read.name}` };
  }
  return { range: read.range, text: `this.${read.name}` };
}

/** The start of the line the constructor (with its leading comments) begins on. */
function getMemberLineStart(node: TSESTree.Node, sourceCode: SourceCode): number {
  const comments = sourceCode.getCommentsBefore(node);
  const previous = sourceCode.getTokenBefore(node);
  let start = node.range[0];
  for (const comment of comments) {
    if (!previous || comment.loc.start.line > previous.loc.end.line) {
      start = Math.min(start, comment.range[0]);
    }
  }
  return sourceCode.text.lastIndexOf('\n', start - 1) + 1;
}
