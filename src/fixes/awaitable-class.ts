import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../analysis/construction-work.js';
import {
  findMembers,
  getClassName,
  getSameFileAncestors,
  getThisOwner,
  hasConstructorOverloads,
  isGlobalReference,
  type ClassNode,
} from '../utils/ast.js';
import { recordDecline } from './declines.js';
import {
  findCallSites,
  isInAsyncFunction,
  needsParentheses,
  PENDING_FIELD,
  placeMembers,
  placeRecordedMembers,
  planClass,
  toFixer,
  writeMethod,
  writeMovedStatements,
  writePendingField,
  writeTrackMethod,
  type Edit,
  type Layout,
  type MovePlan,
  type RecordPlan,
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
 * The fix that makes `classNode` awaitable: the class gains a `#init` field and the settled `then`
 * ({@link buildSettledThen}), whose `async #initialize()` runs or awaits all of the construction
 * work, so `await new Db(url)` settles once it is done and gives the instance. Where every piece of
 * work can leave the constructor ({@link planMove}) and reads no constructor parameter other than
 * a parameter property (`#initialize()` has no parameters; a parameter property is read as
 * `this.name`), it moves into `#initialize()`; otherwise it stays where it is, recorded, and
 * `#initialize()` awaits what was recorded. `null` when it cannot be made right (the decline is
 * recorded): the class (or a same-file ancestor) already has a `then`, `#init` or `#initialize`,
 * it extends `Promise`, or {@link planRecord} declines.
 */
export function createThenableFix(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: ThenableFixOptions = {},
): Fixer | null {
  const decline = (reason: string): null => {
    recordDecline(() => ({
      transform: 'thenable',
      target: getClassName(classNode) ?? '(anonymous class)',
      reason,
      filename: options.filename ?? '<input>',
      line: works[0]?.work.node.loc.start.line ?? classNode.loc.start.line,
    }));
    return null;
  };
  if ([classNode, ...getSameFileAncestors(classNode, sourceCode)].some((cls) => findMembers(cls, 'then').length > 0)) {
    return decline('class already has then');
  }
  if (
    [INIT_FIELD, INITIALIZER].some(
      (name) => findMembers(classNode, name, false).length > 0 || findMembers(classNode, name, true).length > 0,
    )
  ) {
    return decline('awaitable-class names taken');
  }
  if (classNode.superClass && isGlobalReference(classNode.superClass, 'Promise', sourceCode)) {
    return decline('extends Promise');
  }
  // An awaitable disposable class with a public constructor is what `async-dispose-requires-init`
  // reports: `await using x = new X()` would enter the scope before the init ran.
  if ([classNode, ...getSameFileAncestors(classNode, sourceCode)].some((cls) => DISPOSE_KEYS.some((key) => findMembers(cls, key).length > 0))) {
    return decline('disposable class');
  }
  // `new X(…).member` outside async code cannot be awaited first: it would use an uninitialised instance.
  if (isUsedUnawaitedOnConstruction(classNode, sourceCode)) {
    return decline('used right after new outside async code');
  }
  const { move, record } = planClass(classNode, works, sourceCode, options.filename);
  const moved = move && createMovedThenable(move, sourceCode);
  if (moved) {
    return moved;
  }
  if ('decline' in record) {
    return decline(record.decline);
  }
  return createRecordedThenable(record, sourceCode) ?? decline('overlapping edits');
}

function createMovedThenable(plan: MovePlan, sourceCode: SourceCode): Fixer | null {
  // `#init` would land between the overload signatures and the implementation: recorded instead.
  if (hasConstructorOverloads(plan.classNode)) {
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
  const then = writeThen(plan);
  const field = buildInitField({ indent: layout.memberIndent, isTypeScript, initField: INIT_FIELD });
  const placed = placeMembers(plan, sourceCode, [initializer, then], false);
  const replacesConstructor = placed.some((edit) => edit.range[0] === plan.constructorNode.range[0]);
  if (layout.inline || replacesConstructor) {
    // The field leads the new members: `#init; async #initialize() {…} then(…) {…}`.
    const members = placeMembers(plan, sourceCode, [field, initializer, then], false);
    return toFixer([...members, ...plan.definiteAssignments, ...awaitCallSites(plan, sourceCode)]);
  }
  const lineStart = getMemberLineStart(plan.constructorNode, sourceCode);
  const fieldEdit: Edit = { range: [lineStart, lineStart], text: field + layout.newline + layout.newline };
  return toFixer([fieldEdit, ...placed, ...plan.definiteAssignments, ...awaitCallSites(plan, sourceCode)]);
}

/** The work stays where it is, recorded; `#initialize()` awaits it. */
function createRecordedThenable(plan: RecordPlan, sourceCode: SourceCode): Fixer | null {
  const { isTypeScript, layout } = plan;
  const initializer = writeMethod(plan, `async ${INITIALIZER}()${isTypeScript ? ': Promise<void>' : ''}`, [
    `${layout.bodyIndent}await Promise.all(this.${PENDING_FIELD});`,
  ]);
  const lead = [writePendingField(plan), buildInitField({ indent: layout.memberIndent, isTypeScript, initField: INIT_FIELD })];
  return toFixer([
    ...placeRecordedMembers(plan, sourceCode, lead, [initializer, writeThen(plan)], writeTrackMethod(plan, 'awaiting the instance')),
    ...awaitCallSites(plan, sourceCode),
  ]);
}

function writeThen(plan: { layout: Layout; isTypeScript: boolean }): string {
  const { layout, isTypeScript } = plan;
  return buildSettledThen({
    indent: layout.memberIndent,
    indentUnit: layout.indentUnit,
    isTypeScript,
    initField: INIT_FIELD,
    initializerCall: `this.${INITIALIZER}()`,
    newline: layout.newline,
  });
}

/**
 * Same-file `new Db(…)` in async functions become `await new Db(…)`: without it the instance is
 * never initialised (its work no longer starts in the constructor). Left alone where the value is
 * awaited already, or returned from the async function (which adopts the thenable).
 */
function awaitCallSites(plan: MovePlan | RecordPlan, sourceCode: SourceCode): Edit[] {
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

/** `[Symbol.asyncDispose]` and `[Symbol.dispose]`, as `getStaticKeyName` names them. */
const DISPOSE_KEYS = ['@@asyncDispose', '@@dispose'];

/** Same-file `new X(…).member` (in `X`'s own statics too) where no `await` can go: not inside an async function. */
function isUsedUnawaitedOnConstruction(classNode: ClassNode, sourceCode: SourceCode): boolean {
  for (const variable of sourceCode.getDeclaredVariables(classNode)) {
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (
        call?.type === AST_NODE_TYPES.NewExpression &&
        call.callee === reference.identifier &&
        call.parent.type === AST_NODE_TYPES.MemberExpression &&
        call.parent.object === call &&
        !isInAsyncFunction(call)
      ) {
        return true;
      }
    }
  }
  return false;
}

