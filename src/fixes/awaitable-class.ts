import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../analysis/construction-work.js';
import {
  findMembers,
  getClassName,
  getSameFileAncestors,
  hasConstructorOverloads,
  isGlobalReference,
  walk,
  type ClassNode,
  type ConstructorNode,
} from '../utils/ast.js';
import { recordDecline, recordFixForm } from './declines.js';
import { findCallSites, isInAsyncFunction, needsParentheses } from './plan/call-sites.js';
import { cleanConstructor } from './plan/clean.js';
import { placeMembers, planClass, type ClassPlan } from './plan/index.js';
import { getTrailingCommentEnd, toFixer, writeMethod, type Edit, type Layout } from './plan/layout.js';
import { decideMoves, type MoveDecision, type MoveRules } from './plan/move.js';
import { isWithin, type Piece } from './plan/pieces.js';
import { declareField, getTakenNames, planRecords } from './plan/record.js';
import { getTypeText, hasTypes } from './plan/type-text.js';
import { exposesDirective, writeMove } from './plan/write.js';
import { buildInitField, buildSettledThen } from './settle-then.js';
import { blocksField, isReassigned, planFieldEdits, readsNullableField, usesConstructorOnly, type TransformFix } from './static-factory.js';

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
 *
 * The constructor's work moves into `#initialize()` with its guard, its loop and the locals it
 * reads; the parameters it reads are kept on private fields (`this.#url = url;`), a parameter
 * property is read as `this.url`. Work that must stay is recorded where it stands
 * (`this.#connecting = this.connect()`), handled there so that an instance awaited late meets no
 * unhandled rejection, and `#initialize()` awaits it.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
type Variable = TSESLint.Scope.Variable;

const INIT_FIELD = '#init';
const INITIALIZER = '#initialize';

export interface ThenableFixOptions {
  /** The file's name, to tell `.js` from `.ts` when typescript-eslint parses both. */
  filename?: string;
}

/** The awaitable-class transform's edit alone ({@link createThenableTransform}). */
export function createThenableFix(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: ThenableFixOptions = {},
): Fixer | null {
  return createThenableTransform(classNode, works, sourceCode, options)?.fix ?? null;
}

/**
 * The fix that makes `classNode` awaitable: the class gains a `#init` field and the settled `then`
 * ({@link buildSettledThen}), whose `async #initialize()` runs or awaits all of the construction
 * work, so `await new Db(url)` settles once it is done and gives the instance; and its form.
 * `null` when it cannot be made right (the decline is recorded): the class (or a same-file
 * ancestor) already has a `then`, `#init` or `#initialize`, it extends `Promise`, it is disposable,
 * it is used right after `new` outside async code, or no transform can take its work.
 */
export function createThenableTransform(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: ThenableFixOptions = {},
): TransformFix | null {
  const filename = options.filename ?? '<input>';
  const target = getClassName(classNode) ?? '(anonymous class)';
  const line = works[0]?.work.node.loc.start.line ?? classNode.loc.start.line;
  const decline = (reason: string): null => {
    recordDecline(() => ({ transform: 'thenable', target, reason, filename, line }));
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
  const plan = planClass(classNode, works, sourceCode, options.filename);
  if ('decline' in plan.pieces) {
    return decline(plan.pieces.decline);
  }
  const taken = getTakenNames(classNode);
  const fields: KeptFields = { parameters: new Map(), locals: new Map() };
  const decision = decideMoves({ ...plan, pieces: plan.pieces }, thenableRules(plan, taken, fields));
  const fix = writeThenable(plan, plan.pieces, decision, taken, fields);
  if ('decline' in fix) {
    return decline(fix.decline);
  }
  const reason = [...decision.recorded.values()][0];
  recordFixForm(() => ({ transform: 'thenable', target, form: reason === undefined ? 'moved' : 'recorded', ...(reason !== undefined && { reason }), filename, line }));
  return { fix: fix.fix, form: reason === undefined ? 'moved' : 'recorded', ...(reason !== undefined && { reason }) };
}

/**
 * What `#initialize()` cannot take: a `new.target` read, work after an early `return`, a stored
 * promise it cannot assign; and a parameter it cannot keep on a field (one the constructor
 * reassigns; in TypeScript, a destructured one, or one whose type cannot be written).
 */
/** The fields `#initialize()` reads the constructor's parameters and locals from, and their types (`undefined`: none written). */
interface KeptFields {
  /** `existing`: a field the constructor stores the parameter on itself (`this.channel = channel;`). */
  parameters: Map<Variable, { name: string; type: string | undefined; existing?: boolean }>;
  locals: Map<Variable, { name: string; type: string | undefined }>;
}

function uniqueField(base: string, taken: Set<string>): string {
  let name = `#${base}`;
  for (let counter = 2; taken.has(name); counter++) {
    name = `#${base}${counter}`;
  }
  taken.add(name);
  return name;
}

function thenableRules(plan: ClassPlan, taken: Set<string>, fields: KeptFields): MoveRules {
  const parameterFields = fields.parameters;
  const { constructorNode, sourceCode, isTypeScript, classNode } = plan;
  const overloads = hasConstructorOverloads(classNode);
  // Asked once per piece that reads it: answered once per parameter.
  const answers = new Map<Variable, string | undefined>();
  return {
    // `#initialize()` runs at the first `await`, after the work that stays may have gone on.
    deferred: true,
    // A local the moved code reads is kept on a field where the constructor computes it, when its
    // type can be written (JavaScript infers it from the assignment).
    keepsLocals(declaration, variables) {
      // A destructured local is evaluated again (copied): in JavaScript without types its names'
      // types are unknown, and assigning them to fields would be unsafe under typed linting.
      if (!isTypeScript && declaration.declarations.some((declarator) => declarator.id.type !== AST_NODE_TYPES.Identifier)) {
        return false;
      }
      const types = variables.map((variable) => (isTypeScript ? getLocalType(variable, declaration, sourceCode) : getTypeText(variable.defs[0]!.name, sourceCode)));
      if (isTypeScript ? types.some((type) => type === undefined || type === 'any') : types.some((type) => type === 'any')) {
        return false;
      }
      variables.forEach((variable, index) => {
        if (!fields.locals.has(variable)) {
          // JavaScript: no JSDoc needed, the type comes from the assignment in the constructor.
          fields.locals.set(variable, { name: uniqueField(variable.name, taken), type: isTypeScript ? types[index] : undefined });
        }
      });
      return true;
    },
    blocks(piece) {
      if (plan.returnsEarly) {
        return 'the constructor can return early';
      }
      if (overloads) {
        // Its parameters would need a field per overload's meaning.
        return 'constructor overloads';
      }
      return usesConstructorOnly(piece, constructorNode, sourceCode, false) ?? blocksField(piece, plan) ?? readsNullableField(piece, plan);
    },
    blocksParameter(variable) {
      if (!answers.has(variable)) {
        answers.set(variable, blocksParameter(variable));
      }
      return answers.get(variable);
    },
  };

  function blocksParameter(variable: Variable): string | undefined {
    if (isReassigned(variable)) {
      return 'reads a parameter the constructor reassigns';
    }
    const param = getParameter(variable, constructorNode?.value.params ?? []);
    if (!param) {
      return 'reads a parameter #initialize() cannot keep';
    }
    if (param.type === AST_NODE_TYPES.TSParameterProperty) {
      return undefined;
    }
    // The constructor keeps it on a field already (`this.channel = channel;`): read from there.
    const stored = !parameterFields.has(variable) && constructorNode ? getStoringField(variable, constructorNode, sourceCode) : undefined;
    if (stored !== undefined) {
      parameterFields.set(variable, { name: stored, type: undefined, existing: true });
    }
    if (!parameterFields.has(variable)) {
      const type = isTypeScript ? getParameterType(param, variable, classNode, constructorNode?.value.params.indexOf(param) ?? -1, sourceCode) : '';
      if (type === undefined) {
        return 'reads a parameter whose type cannot be written';
      }
      // JavaScript linted with types: a parameter typed `any` on a field would be an unsafe assignment there.
      if (!isTypeScript && getTypeText(variable.defs[0]!.name, sourceCode) === 'any') {
        return 'reads a parameter typed any';
      }
      parameterFields.set(variable, { name: uniqueField(variable.name, taken), type: isTypeScript ? type : getParameterJsDocType(param, variable, sourceCode) });
    }
    return undefined;
  }
}

/**
 * The JSDoc type of a JavaScript parameter kept on a field: the program's, with types (a parameter
 * typed `any` is not kept); without them none where a default gives the type, else `unknown`.
 */
function getParameterJsDocType(param: TSESTree.Parameter, variable: Variable, sourceCode: SourceCode): string | undefined {
  if (hasTypes(sourceCode)) {
    return getTypeText(variable.defs[0]!.name, sourceCode);
  }
  // Without types: a default gives the type (the field takes the assignment's); else `unknown`, so
  // that typed linting reads no `any` assigned to the field.
  const binding = variable.defs[0]!.name;
  return param.type === AST_NODE_TYPES.AssignmentPattern || binding.parent.type === AST_NODE_TYPES.AssignmentPattern ? undefined : 'unknown';
}

/**
 * The type of a name a destructured parameter binds at its top level (`{ name, autostart = true }:
 * QueueOptions`): a literal default's (`boolean`), else the annotation's property (`QueueOptions['name']`).
 */
function getBindingType(pattern: TSESTree.ObjectPattern, variable: Variable, sourceCode: SourceCode): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) {
      continue;
    }
    const value = property.value;
    const binding = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
    if (binding.type !== AST_NODE_TYPES.Identifier || binding.name !== variable.name) {
      continue;
    }
    if (value.type === AST_NODE_TYPES.AssignmentPattern) {
      const fallback = value.right;
      if (fallback.type === AST_NODE_TYPES.Literal && ['number', 'string', 'boolean'].includes(typeof fallback.value)) {
        return typeof fallback.value;
      }
      return undefined;
    }
    const annotation = pattern.typeAnnotation?.typeAnnotation;
    if (!annotation) {
      return undefined;
    }
    const typeText = sourceCode.getText(annotation);
    return `${annotation.type === AST_NODE_TYPES.TSTypeReference ? typeText : `(${typeText})`}['${property.key.name}']`;
  }
  return undefined;
}

/** The type of a TypeScript local kept on a field: as annotated, its literal's, or the program's. */
function getLocalType(variable: Variable, declaration: TSESTree.VariableDeclaration, sourceCode: SourceCode): string | undefined {
  const declarator = declaration.declarations.find((candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === variable.name);
  if (declarator?.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) {
    return sourceCode.getText(declarator.id.typeAnnotation.typeAnnotation);
  }
  const init = declarator?.init;
  if (init?.type === AST_NODE_TYPES.Literal && ['number', 'string', 'boolean'].includes(typeof init.value)) {
    return typeof init.value;
  }
  if (init?.type === AST_NODE_TYPES.TemplateLiteral || (init?.type === AST_NODE_TYPES.BinaryExpression && init.operator === '+' && isStringy(init))) {
    return 'string';
  }
  const fromTypes = getTypeText(variable.defs[0]!.name, sourceCode);
  return fromTypes === 'any' ? undefined : fromTypes;
}

/** `'wss://' + name`: a `+` with a string literal or template on either side is a string. */
function isStringy(node: TSESTree.BinaryExpression): boolean {
  return [node.left, node.right].some(
    (side) => side.type === AST_NODE_TYPES.TemplateLiteral || (side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string'),
  );
}

/**
 * The field a top-level `this.channel = channel;` of the constructor stores the parameter on, when
 * the constructor assigns that field nowhere else: `channel` when public, `#channel` when private.
 */
function getStoringField(variable: Variable, constructorNode: ConstructorNode, sourceCode: SourceCode): string | undefined {
  let found: string | undefined;
  let writes = 0;
  const fieldOf = (node: TSESTree.Node): string | undefined => {
    const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
    if (target?.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression || target.computed) {
      return undefined;
    }
    return target.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${target.property.name}` : target.property.type === AST_NODE_TYPES.Identifier ? target.property.name : undefined;
  };
  for (const statement of constructorNode.value.body.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (
      expression?.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.operator === '=' &&
      expression.right.type === AST_NODE_TYPES.Identifier &&
      variable.references.some((reference) => reference.identifier === expression.right)
    ) {
      found ??= fieldOf(expression);
    }
  }
  if (found === undefined) {
    return undefined;
  }
  walk(constructorNode.value.body, sourceCode.visitorKeys, (node) => {
    if (fieldOf(node) === found) {
      writes++;
    }
    return undefined;
  });
  return writes === 1 ? found : undefined;
}

/** The constructor parameter that declares `variable`. */
function getParameter(variable: Variable, params: readonly TSESTree.Parameter[]): TSESTree.Parameter | undefined {
  return params.find((param) => param.range[0] <= variable.defs[0]!.name.range[0] && variable.defs[0]!.name.range[1] <= param.range[1]);
}

/** The type of a parameter kept on a field: as written, or the class's `ConstructorParameters`; none for a destructured one. */
function getParameterType(
  param: TSESTree.Parameter,
  variable: Variable,
  classNode: ClassNode,
  index: number,
  sourceCode: SourceCode,
): string | undefined {
  const inner = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.RestElement ? param.argument : param;
  if (inner.type === AST_NODE_TYPES.ObjectPattern) {
    return getBindingType(inner, variable, sourceCode);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== variable.name) {
    return undefined;
  }
  const annotation = inner.typeAnnotation ?? (param.type === AST_NODE_TYPES.RestElement ? param.typeAnnotation : undefined);
  if (annotation) {
    const text = sourceCode.getText(annotation.typeAnnotation);
    return inner.optional && param.type !== AST_NODE_TYPES.AssignmentPattern ? `${text} | undefined` : text;
  }
  // A literal default says it: `retries = 3` is a number.
  if (param.type === AST_NODE_TYPES.AssignmentPattern) {
    const value = param.right;
    if (value.type === AST_NODE_TYPES.Literal && ['number', 'string', 'boolean', 'bigint'].includes(typeof value.value)) {
      return typeof value.value;
    }
    if (value.type === AST_NODE_TYPES.TemplateLiteral) {
      return 'string';
    }
  }
  if (!classNode.id || classNode.typeParameters || param.type === AST_NODE_TYPES.RestElement) {
    return undefined;
  }
  const type = `ConstructorParameters<typeof ${classNode.id.name}>[${index}]`;
  return param.type === AST_NODE_TYPES.AssignmentPattern ? `NonNullable<${type}>` : type;
}

/** Assembles the awaitable-class fix: the moved and recorded work, `#initialize()`, `then`, the call sites. */
function writeThenable(
  plan: ClassPlan,
  pieces: readonly Piece[],
  decision: MoveDecision,
  taken: Set<string>,
  fields: KeptFields,
): { fix: Fixer } | { decline: string } {
  const parameterFields = fields.parameters;
  const keptFields = fields.locals;
  const { classNode, constructorNode, sourceCode, layout, isTypeScript } = plan;
  const records = planRecords(plan, decision.recorded, { handleLateAwaits: true, taken });
  if ('decline' in records) {
    return records;
  }
  const pendingName = ['pending', 'pendingWork', 'pendingWork2'].find((name) => !sourceCode.getTokens(constructorNode ?? classNode).some((token) => token.value === name)) ?? 'pendingWork3';
  const written = writeMove(
    { constructorNode, sourceCode, pieces, resolve: (identifier) => plan.reader.resolve(identifier) },
    decision,
    {
      instance: 'this',
      pendingName,
      isTypeScript,
      layout,
      readVariable: (_identifier, variable) => {
        const field = parameterFields.get(variable) ?? keptFields.get(variable);
        return field === undefined ? `this.${variable.name}` : `this.${field.name}`;
      },
    },
    records.awaited('this'),
  );
  if (exposesDirective(constructorNode, written.removals)) {
    return { decline: 'a string statement would become a directive' };
  }
  // The parameters `#initialize()` reads, kept on fields by the constructor.
  const parameterLines: string[] = [];
  const parameterDeclarations: string[] = [];
  const byPosition = [...parameterFields].sort(([a], [b]) => a.defs[0]!.name.range[0] - b.defs[0]!.name.range[0]);
  for (const [variable, field] of byPosition) {
    if (!decision.parameters.has(variable) || field.existing) {
      continue;
    }
    parameterDeclarations.push(declareField(plan, field.name, field.type));
    parameterLines.push(`this.${field.name} = ${variable.name};`);
  }
  // The locals it reads, kept on fields right after they are computed.
  const keptEdits: Edit[] = [];
  for (const [declaration, variables] of decision.kept) {
    const lines = variables.map((variable) => `this.${keptFields.get(variable)!.name} = ${variable.name};`);
    parameterDeclarations.push(...variables.map((variable) => declareField(plan, keptFields.get(variable)!.name, keptFields.get(variable)!.type)));
    const end = getTrailingCommentEnd(declaration, sourceCode);
    const indent = layout.inline ? '' : sourceCode.lines[declaration.loc.start.line - 1]!.match(/^[ \t]*/u)![0];
    keptEdits.push({ range: [end, end], text: lines.map((line) => (layout.inline ? ` ${line}` : `${layout.newline}${indent}${line}`)).join('') });
  }
  const cleaned = constructorNode
    ? cleanConstructor(classNode, constructorNode, sourceCode, {
        removedStatements: written.removedStatements,
        removals: written.removals,
        addsStatements: parameterLines.length > 0 || keptEdits.length > 0 || records.edits.some((edit) => isWithin(edit, constructorNode.value.body)),
        pruneParameters: false,
        keepConstructor: false,
      })
    : undefined;
  const storeEdits: Edit[] = constructorNode && parameterLines.length > 0 ? storeParameters(plan, parameterLines, cleaned?.edits ?? []) : [];
  const initializer = writeMethod(plan, `async ${INITIALIZER}()${isTypeScript ? ': Promise<void>' : ''}`, written.lines);
  const initField = buildInitField({ indent: '', isTypeScript, initField: INIT_FIELD });
  // (JavaScript: `/** @type {…} */\n#init;`, indented by placeMembers line by line.)
  const fix = toFixer([
    ...(cleaned ? (cleaned.removed ? [] : cleaned.edits.filter((edit) => !storeEdits.some((store) => store.range[0] === edit.range[0] && store.range[1] === edit.range[1]))) : written.removals),
    ...storeEdits,
    ...keptEdits,
    ...records.edits,
    ...placeMembers(plan, {
      fields: [...records.fields, ...parameterDeclarations, initField],
      fieldsFirst: records.collects,
      members: [initializer, writeThen(plan)],
      last: records.methods,
      replaceConstructor: cleaned?.removed ?? false,
    }),
    ...planFieldEdits(plan, pieces, decision),
    ...awaitCallSites(plan, sourceCode),
  ]);
  return fix ? { fix } : { decline: 'overlapping edits' };
}

/**
 * `this.#url = url;` at the start of the constructor's body (after `super(…)`), where the
 * parameters have their values; in an emptied body, the body's only statements.
 */
function storeParameters(plan: ClassPlan, lines: readonly string[], bodyEdits: readonly Edit[]): Edit[] {
  const { constructorNode, sourceCode, layout } = plan;
  const body = constructorNode!.value.body;
  const emptied = bodyEdits.find((edit) => edit.range[0] === body.range[0] && edit.range[1] === body.range[1]);
  if (emptied || body.body.length === 0) {
    const text = layout.inline
      ? `{ ${lines.join(' ')} }`
      : `{${layout.newline}${lines.map((line) => layout.bodyIndent + line).join(layout.newline)}${layout.newline}${layout.memberIndent}}`;
    return [{ range: body.range, text }];
  }
  const superCall = body.body.find(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Super,
  );
  if (layout.inline) {
    const at = superCall ? superCall.range[1] : body.range[0] + 1;
    return [{ range: [at, at], text: ` ${lines.join(' ')}` }];
  }
  const anchor = superCall ? sourceCode.text.indexOf('\n', superCall.range[1]) : sourceCode.text.indexOf('\n', body.range[0]);
  const at = anchor === -1 ? body.range[0] + 1 : anchor + 1;
  return [{ range: [at, at], text: lines.map((line) => `${layout.bodyIndent}${line}${layout.newline}`).join('') }];
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
function awaitCallSites(plan: ClassPlan, sourceCode: SourceCode): Edit[] {
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

