import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../analysis/construction-work.js';
import {
  getAnonymousClassBinding,
  getClassName,
  getThisOwner,
  hasConstructorOverloads,
  isFunctionNode,
  resolveDefinition,
  walk,
  type ClassNode,
  type ConstructorNode,
} from '../utils/ast.js';
import { recordDecline, recordFixForm } from './declines.js';
import { findCallSites, isExtendedInFile, isFactoryNameTaken, needsParentheses } from './plan/call-sites.js';
import { cleanConstructor, readsArguments } from './plan/clean.js';
import { boundNames, getPatternPruneEdits } from './plan/declarations.js';
import { placeMembers, planClass, type ClassPlan } from './plan/index.js';
import { applyEdits, toFixer, writeMethod, type Edit } from './plan/layout.js';
import { getTypeText } from './plan/type-text.js';
import { decideMoves, type MoveDecision, type MoveRules } from './plan/move.js';
import type { Piece } from './plan/pieces.js';
import { getTakenNames, planRecords } from './plan/record.js';
import { exposesDirective, writeMove } from './plan/write.js';

/**
 * The static async factory transform: the constructor's async work leaves it for
 *
 * ```ts
 * static async create(url: string): Promise<Db> {
 *   const db = new Db(url);
 *   await db.connect();
 *   return db;
 * }
 * ```
 *
 * with its guard, its loop and the locals it reads (src/fixes/plan/move.ts decides what moves).
 * `this` in the moved code becomes the instance; one promise is awaited where it starts, several
 * together once all have started. Work that must stay (later constructor code reads what its
 * synchronous part sets up) is recorded where it stands, one private field per piece
 * (`this.#connecting = this.connect()`), and the factory awaits it too. The emptied constructor
 * loses the parameters nothing reads any more, or goes. Same-file `new Db(…)` inside async
 * functions become `await Db.create(…)` in the same fix.
 */

export type ConstructorVisibility = 'unchanged' | 'private' | 'protected';

export interface FactoryFixOptions {
  /** The static method's name (`create`). */
  factoryName: string;
  /** TypeScript only: make the constructor `private`/`protected`, or leave it (`unchanged`). */
  constructorVisibility: ConstructorVisibility;
  /** The file's name, to tell `.js` from `.ts` when typescript-eslint parses both. */
  filename?: string;
}

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
type Variable = TSESLint.Scope.Variable;

/** An offered transform: its edit, and whether it moves all of the work or records some where it stands (and why). */
export interface TransformFix {
  fix: Fixer;
  form: 'moved' | 'recorded';
  /** Why some work stays (the first piece that does), for `recorded`. */
  reason?: string;
}

/** The factory transform's edit alone ({@link createFactoryTransform}), for callers that need no form. */
export function createFactoryFix(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): Fixer | null {
  return createFactoryTransform(classNode, works, sourceCode, options)?.fix ?? null;
}

/**
 * The fix that gives `classNode` a static async factory that runs or awaits all of its
 * construction work, and its form (moved or recorded); or `null` when it cannot be made right
 * (the decline is recorded). An anonymous class is constructed by its constant binding or as
 * `new this(…)`. Declined: an anonymous TypeScript class whose parameter types only `typeof` could
 * name; an abstract class, constructor overloads, a member named like the factory, or a
 * same-file ancestor with such a static; and the work no transform can take ({@link findPieces}).
 */
export function createFactoryTransform(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): TransformFix | null {
  const { factoryName } = options;
  const filename = options.filename ?? '<input>';
  const target = getClassName(classNode) ?? '(anonymous class)';
  const line = works[0]?.work.node.loc.start.line ?? classNode.loc.start.line;
  const decline = (reason: string): null => {
    recordDecline(() => ({ transform: 'factory', target, reason, filename, line }));
    return null;
  };
  const plan = planClass(classNode, works, sourceCode, options.filename);
  const factoryTarget = getFactoryTarget(classNode, sourceCode);
  const parameters = readParameters(classNode, factoryTarget, plan.constructorNode, sourceCode, plan.isTypeScript);
  if (!parameters) {
    return decline('anonymous class (its parameter types cannot be named)');
  }
  if (classNode.type === AST_NODE_TYPES.ClassDeclaration && classNode.abstract) {
    return decline('abstract class');
  }
  if (hasConstructorOverloads(classNode)) {
    return decline('constructor overloads');
  }
  if (isFactoryNameTaken(classNode, factoryName, sourceCode)) {
    return decline('factory name taken');
  }
  if ('decline' in plan.pieces) {
    return decline(plan.pieces.decline);
  }
  const decision = decideMoves({ ...plan, pieces: plan.pieces }, factoryRules(plan, parameters));
  const fix = writeFactory(plan, plan.pieces, decision, factoryTarget, parameters, options);
  if ('decline' in fix) {
    return decline(fix.decline);
  }
  const reason = [...decision.recorded.values()][0];
  recordFixForm(() => ({ transform: 'factory', target, form: reason === undefined ? 'moved' : 'recorded', ...(reason !== undefined && { reason }), filename, line }));
  return { fix: fix.fix, form: reason === undefined ? 'moved' : 'recorded', ...(reason !== undefined && { reason }) };
}

/** What the factory cannot take from the constructor. */
function factoryRules(plan: ClassPlan, parameters: FactoryParameters): MoveRules {
  const { classNode, constructorNode, sourceCode } = plan;
  const extended = isExtendedInFile(classNode, sourceCode);
  // Asked once per piece that reads it: answered once per parameter.
  const answers = new Map<Variable, string | undefined>();
  const declared = new Set([...parameters.declared, ...parameters.patterns.flatMap(({ names }) => names)]);
  return {
    blocks(piece) {
      if (extended) {
        // A subclass's `super()` still runs the constructor: its instances keep the work.
        return 'the class is extended in this file';
      }
      if (plan.returnsEarly) {
        return 'the constructor can return early';
      }
      return usesConstructorOnly(piece, constructorNode, sourceCode, true) ?? blocksField(piece, plan) ?? readsNullableField(piece, plan);
    },
    blocksParameter(variable) {
      if (!answers.has(variable)) {
        answers.set(
          variable,
          isReassigned(variable)
            ? 'reads a parameter the constructor reassigns'
            : declared.has(variable.name)
              ? undefined
              : 'reads a parameter the factory does not declare',
        );
      }
      return answers.get(variable);
    },
  };
}

/**
 * What only the constructor has: `super` (the factory has none for the instance; `#initialize()`
 * has), `new.target`.
 */
export function usesConstructorOnly(
  piece: Piece,
  constructorNode: ConstructorNode | undefined,
  sourceCode: SourceCode,
  superIsConstructorOnly: boolean,
): string | undefined {
  const facts = getUnitFacts(piece.unit, constructorNode, sourceCode);
  const found = superIsConstructorOnly ? facts.constructorOnly : facts.readsNewTarget ? 'new.target' : undefined;
  return found === 'new.target' ? 'reads new.target' : found === 'super' ? 'uses super' : undefined;
}

/** What the targets ask about a piece's code, found in one walk: both transforms ask. */
interface UnitFacts {
  /** The first thing only the constructor has that it uses. */
  constructorOnly: 'super' | 'new.target' | undefined;
  readsNewTarget: boolean;
  /** The fields it reads through `this.name` (not only assigns), in order. */
  fieldsRead: readonly string[];
}

const unitFacts = new WeakMap<TSESTree.Node, UnitFacts>();

function getUnitFacts(unit: TSESTree.Node, constructorNode: ConstructorNode | undefined, sourceCode: SourceCode): UnitFacts {
  let facts = unitFacts.get(unit);
  if (!facts) {
    let constructorOnly: UnitFacts['constructorOnly'];
    let readsNewTarget = false;
    const fieldsRead: string[] = [];
    walk(unit, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.Super || node.type === AST_NODE_TYPES.MetaProperty) {
        const owner = getThisOwner(node);
        if (owner !== undefined && (owner === constructorNode?.value || owner.type === AST_NODE_TYPES.PropertyDefinition)) {
          const newTarget = node.type === AST_NODE_TYPES.MetaProperty;
          readsNewTarget ||= newTarget;
          constructorOnly ??= newTarget ? 'new.target' : 'super';
        }
      } else if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed) {
        const name =
          node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
        const assigned = node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node && node.parent.operator === '=';
        if (name !== undefined && !assigned) {
          fieldsRead.push(name);
        }
      }
      return undefined;
    });
    facts = { constructorOnly, readsNewTarget, fieldsRead };
    unitFacts.set(unit, facts);
  }
  return facts;
}

/**
 * A stored promise the target cannot assign: a `readonly` field, or (TypeScript) a field
 * initialiser whose type cannot be written once its value is gone: no annotation, and no
 * `Promise<…>` return type on the method it calls.
 */
export function blocksField(piece: Piece, plan: ClassPlan): string | undefined {
  const { slot } = piece;
  if (slot?.kind !== 'field') {
    return undefined;
  }
  if (isReadonlyField(plan, slot.name)) {
    return 'a readonly field';
  }
  if (slot.target.type === AST_NODE_TYPES.AccessorProperty) {
    return 'an accessor field';
  }
  if (slot.target.type === AST_NODE_TYPES.PropertyDefinition && plan.isTypeScript && getFieldType(slot.target, plan) === undefined) {
    return 'a field initialiser whose type cannot be written';
  }
  return undefined;
}

const undefinedFields = new WeakMap<ClassPlan, ReadonlySet<string>>();

/**
 * TypeScript: a piece that reads a field (`this.ready.then(…)`) whose declared type allows
 * `undefined` or `null` (`ready?: Promise<void>`, `ready: Promise<void> | undefined`). In the
 * constructor, an assignment just before narrows it; moved to the factory or `#initialize()`,
 * where that assignment did not happen, the read no longer type-checks under `--strict`.
 */
export function readsNullableField(piece: Piece, plan: ClassPlan): string | undefined {
  if (!plan.isTypeScript) {
    return undefined;
  }
  let names = undefinedFields.get(plan);
  if (!names) {
    names = new Set(
      plan.classNode.body.body.flatMap((member) => {
        if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.static || member.computed) {
          return [];
        }
        const name = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
        const annotation = member.typeAnnotation?.typeAnnotation;
        const nullable =
          member.optional ||
          (annotation?.type === AST_NODE_TYPES.TSUnionType &&
            annotation.types.some((type) => type.type === AST_NODE_TYPES.TSUndefinedKeyword || type.type === AST_NODE_TYPES.TSNullKeyword));
        return name !== undefined && nullable ? [name] : [];
      }),
    );
    undefinedFields.set(plan, names);
  }
  if (names.size === 0) {
    return undefined;
  }
  const name = getUnitFacts(piece.unit, plan.constructorNode, plan.sourceCode).fieldsRead.find((field) => names.has(field));
  return name === undefined ? undefined : `reads this.${name}, whose type allows undefined outside the constructor`;
}

/** Whether the variable is assigned anywhere but where it is declared. */
export function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

const readonlyFields = new WeakMap<ClassPlan, ReadonlySet<string>>();

/** `readonly ready: Promise<void>;`, or a `readonly` parameter property of that name (the class's names found once). */
function isReadonlyField(plan: ClassPlan, name: string): boolean {
  let names = readonlyFields.get(plan);
  if (!names) {
    names = new Set(
      [...plan.classNode.body.body.flatMap((member) => (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) && member.readonly && !member.static ? [member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : ''] : []),
      ...(plan.constructorNode?.value.params.flatMap((param) => (param.type === AST_NODE_TYPES.TSParameterProperty && param.readonly ? boundNames(param.parameter) : [])) ?? [])],
    );
    readonlyFields.set(plan, names);
  }
  return names.has(name);
}

/** The type a moved field initialiser's field is declared with: its annotation, or its call's declared `Promise<…>`. */
export function getFieldType(field: TSESTree.PropertyDefinition, plan: ClassPlan): string | undefined {
  const { sourceCode, classNode } = plan;
  if (field.typeAnnotation) {
    return sourceCode.getText(field.typeAnnotation.typeAnnotation);
  }
  const value = field.value;
  const fromTypes = value ? getTypeText(value, sourceCode) : undefined;
  if (fromTypes !== undefined && fromTypes !== 'any') {
    return fromTypes;
  }
  if (value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
    // A function of this module declared to return a promise: `loadJson(): Promise<Settings>`.
    const definition = resolveDefinition(value.callee, sourceCode);
    return isFunctionNode(definition) && definition.returnType && !definition.typeParameters
      ? sourceCode.getText(definition.returnType.typeAnnotation)
      : undefined;
  }
  if (value?.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression || value.callee.object.type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const callee = value.callee;
  const name = callee.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${callee.property.name}` : callee.property.type === AST_NODE_TYPES.Identifier && !callee.computed ? callee.property.name : undefined;
  for (const member of classNode.body.body) {
    if (
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'method' &&
      !member.static &&
      (member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined) === name &&
      member.value.returnType
    ) {
      return sourceCode.getText(member.value.returnType.typeAnnotation);
    }
  }
  return undefined;
}

/**
 * The edits that move field initialisers out (`ready = this.load();` → `ready!: Promise<void>;`)
 * and let fields assigned outside the constructor now be declared without a value (`ready!:`).
 */
export function planFieldEdits(plan: ClassPlan, pieces: readonly Piece[], decision: MoveDecision): Edit[] {
  const { sourceCode, isTypeScript, classNode } = plan;
  const edits: Edit[] = [];
  const definite = new Set<string>();
  for (const piece of pieces) {
    if (decision.recorded.has(piece) || piece.slot?.kind !== 'field') {
      continue;
    }
    const { target, name } = piece.slot;
    if (target.type === AST_NODE_TYPES.PropertyDefinition) {
      const type = isTypeScript ? getFieldType(target, plan) : undefined;
      const keyEnd = target.typeAnnotation ? target.typeAnnotation.range[1] : target.key.range[1];
      const marker = isTypeScript && !target.optional && !target.definite ? '!' : '';
      edits.push({
        range: [target.key.range[1], target.value!.range[1]],
        text: `${marker}${type !== undefined ? `: ${type}` : ''}`,
      });
      void keyEnd;
    } else if (isTypeScript) {
      definite.add(name);
    }
  }
  for (const member of classNode.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.static &&
      !member.value &&
      !member.optional &&
      !member.definite &&
      !member.declare &&
      member.typeAnnotation &&
      !/\bundefined\b/u.test(sourceCode.getText(member.typeAnnotation)) &&
      definite.has(member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : '')
    ) {
      edits.push({ range: [member.key.range[1], member.key.range[1]], text: '!' });
    }
  }
  return edits;
}

/** Assembles the factory fix: the moved and recorded work, the tidied constructor, the call sites. */
function writeFactory(
  plan: ClassPlan,
  pieces: readonly Piece[],
  decision: MoveDecision,
  factoryTarget: FactoryTarget,
  parameters: FactoryParameters,
  options: FactoryFixOptions,
): { fix: Fixer } | { decline: string } {
  const { classNode, constructorNode, sourceCode, layout, isTypeScript } = plan;
  const taken = getTakenNames(classNode);
  const records = planRecords(plan, decision.recorded, { handleLateAwaits: false, taken });
  if ('decline' in records) {
    return records;
  }
  const names = getNamesInUse(plan);
  // The name `new` is written with (`var pa = class {…}` gives `new pa()`): a local of that name would shadow it.
  if (factoryTarget.construct !== 'this') {
    names.add(factoryTarget.construct);
  }
  const instance = pickName(preferredInstanceName(factoryTarget), ['instance'], names);
  names.add(instance);
  const pendingName = pickName('pending', ['pendingWork'], names);
  const written = writeMove(
    { constructorNode, sourceCode, pieces, resolve: (identifier) => plan.reader.resolve(identifier) },
    decision,
    { instance, pendingName, isTypeScript, layout },
    records.awaited(instance),
  );
  if (exposesDirective(constructorNode, written.removals)) {
    return { decline: 'a string statement would become a directive' };
  }
  // Bindings of destructured parameters the moved code reads: taken from the whole value.
  const patternLines: string[] = [];
  for (const { pattern, name, defaultText, names: bound } of parameters.patterns) {
    const read = new Set(bound.filter((binding) => [...decision.parameters].some((variable: Variable) => variable.name === binding)));
    if (read.size === 0) {
      continue;
    }
    const prune = getPatternPruneEdits(pattern, new Set(bound.filter((binding) => !read.has(binding))), sourceCode);
    if (!prune) {
      return { decline: 'a destructured parameter the factory cannot take apart' };
    }
    const patternText = applyEdits(sourceCode.text, pattern.range[0], pattern.range[1], prune);
    patternLines.push(`${layout.bodyIndent}const ${patternText} = ${name}${defaultText === undefined ? '' : ` ?? ${defaultText}`};`);
  }

  const visibility = isTypeScript && constructorNode ? options.constructorVisibility : 'unchanged';
  const cleaned = constructorNode
    ? cleanConstructor(classNode, constructorNode, sourceCode, {
        removedStatements: written.removedStatements,
        removals: written.removals,
        addsStatements: false,
        pruneParameters: parameters.names.every((argument) => argument !== '...args'),
        keepConstructor: visibility !== 'unchanged',
        patternNames: new Map(parameters.patterns.map(({ pattern, name }) => [pattern, name])),
      })
    : undefined;
  const passed = cleaned ? parameters.names.slice(0, cleaned.parameterCount) : parameters.names;
  // JavaScript: the parameters typed by JSDoc as the constructor's are (its `@param` tags), or
  // `...args` as `unknown`, so that typed linting (allowJs) reads no `any` in `new X(…)`.
  const docLines = isTypeScript ? [] : parameters.names.includes('...args') ? ['@param {...unknown} args'] : constructorParamDoc(plan);
  const argsDoc =
    docLines.length === 0
      ? ''
      : layout.inline || docLines.length === 1
        ? `${layout.memberIndent}/** ${docLines.join(' ')} */${layout.inline ? ' ' : layout.newline}`
        : [`${layout.memberIndent}/**`, ...docLines.map((line) => `${layout.memberIndent} * ${line}`), `${layout.memberIndent} */`, ''].join(layout.newline);
  const factory = argsDoc + writeMethod(plan, writeFactoryHeader(classNode, factoryTarget, isTypeScript, options.factoryName, parameters, sourceCode), [
    `${layout.bodyIndent}const ${instance} = new ${factoryTarget.construct}${getTypeArguments(classNode, isTypeScript)}(${passed.join(', ')});`,
    ...patternLines,
    ...written.lines,
    `${layout.bodyIndent}return ${instance};`,
  ]);
  const fix = toFixer([
    ...(cleaned ? (cleaned.removed ? [] : cleaned.edits) : written.removals),
    ...records.edits,
    ...placeMembers(plan, {
      fields: records.fields,
      fieldsFirst: records.collects,
      members: [factory],
      last: records.methods,
      replaceConstructor: cleaned?.removed ?? false,
    }),
    ...planFieldEdits(plan, pieces, decision),
    ...rewriteCallSites(plan, options.factoryName, sourceCode),
    ...(constructorNode && !cleaned?.removed ? setVisibility(constructorNode, visibility, sourceCode) : []),
  ]);
  return fix ? { fix } : { decline: 'overlapping edits' };
}

/** The `@param` tags (with their continuation lines) of the constructor's JSDoc comment, as written. */
function constructorParamDoc(plan: ClassPlan): string[] {
  const { constructorNode, sourceCode } = plan;
  if (!constructorNode) {
    return [];
  }
  const comment = sourceCode.getCommentsBefore(constructorNode).at(-1);
  if (comment?.type !== 'Block' || !comment.value.startsWith('*')) {
    return [];
  }
  const lines = comment.value
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*\*?\s?/u, '').trimEnd())
    .filter((line) => line !== '' && line !== '*');
  const kept: string[] = [];
  let inParam = false;
  for (const line of lines) {
    if (line.startsWith('@')) {
      inParam = line.startsWith('@param');
    }
    if (inParam) {
      kept.push(line);
    }
  }
  return kept;
}

/** Every name the constructor mentions, except property names after `.` (`this.db` is no clash), and the class's. Reserved words are {@link pickName}'s to leave out. */
function getNamesInUse(plan: ClassPlan): Set<string> {
  const { constructorNode, sourceCode, classNode } = plan;
  const roots: TSESTree.Node[] = [
    ...(constructorNode ? [constructorNode] : []),
    ...classNode.body.body.filter((member) => member.type === AST_NODE_TYPES.PropertyDefinition && member.value),
  ];
  const names = new Set<string>();
  for (const root of roots) {
    const tokens = sourceCode.getTokens(root);
    // The token before: the list's own, but for the first.
    let before: TSESTree.Token | null = tokens.length > 0 ? sourceCode.getTokenBefore(tokens[0]!) : null;
    for (const token of tokens) {
      if ((token.type === 'Identifier' || token.type === 'Keyword') && before?.value !== '.' && before?.value !== '?.') {
        names.add(token.value);
      }
      before = token;
    }
  }
  if (classNode.id) {
    names.add(classNode.id.name);
  }
  return names;
}

function preferredInstanceName(target: FactoryTarget): string {
  const className = target.construct === 'this' ? 'Instance' : target.construct;
  return className.charAt(0).toLowerCase() + className.slice(1);
}

/** The first of `preferred`, `fallbacks` that nothing uses and is not a reserved word; else a numbered one. */
function pickName(preferred: string, fallbacks: readonly string[], taken: ReadonlySet<string>): string {
  for (const candidate of [preferred, ...fallbacks]) {
    if (!taken.has(candidate) && !RESERVED.has(candidate)) {
      return candidate;
    }
  }
  const base = fallbacks.at(-1) ?? preferred;
  for (let index = 2; ; index++) {
    if (!taken.has(`${base}${index}`)) {
      return `${base}${index}`;
    }
  }
}

function setVisibility(constructorNode: ConstructorNode, visibility: ConstructorVisibility, sourceCode: SourceCode): Edit[] {
  if (visibility === 'unchanged' || constructorNode.accessibility === visibility) {
    return [];
  }
  const first = sourceCode.getFirstToken(constructorNode);
  return [
    constructorNode.accessibility && first
      ? { range: first.range, text: visibility }
      : { range: [constructorNode.key.range[0], constructorNode.key.range[0]], text: `${visibility} ` },
  ];
}

function writeFactoryHeader(
  classNode: ClassNode,
  target: FactoryTarget,
  isTypeScript: boolean,
  factoryName: string,
  parameters: FactoryParameters,
  sourceCode: SourceCode,
): string {
  const typeParameters = isTypeScript ? (classNode.typeParameters?.params ?? []) : [];
  // As written, from the name on: variance modifiers (`in`/`out`) stay on the class.
  const typeParameterText =
    typeParameters.length > 0
      ? `<${typeParameters.map((parameter) => sourceCode.text.slice(parameter.name.range[0], parameter.range[1])).join(', ')}>`
      : '';
  // An anonymous class has no type name: the return type is left to inference.
  const returnType =
    isTypeScript && classNode.id ? `: Promise<${target.construct}${getTypeArguments(classNode, isTypeScript)}>` : '';
  return `static async ${factoryName}${typeParameterText}(${parameters.declarations.join(', ')})${returnType}`;
}

/**
 * How the factory constructs the class: by its name, by the constant binding of an anonymous class
 * expression (`var Db = class {…}`, as esbuild writes classes), or, in JavaScript, as `new this(…)`
 * (the static method's receiver: `export default class {…}`).
 */
interface FactoryTarget {
  /** What follows `new`: `Db`, or `this`. */
  construct: string;
  /** What `typeof` can name in a TypeScript parameter type, when anything. */
  valueName: string | undefined;
}

function getFactoryTarget(classNode: ClassNode, sourceCode: SourceCode): FactoryTarget {
  const name = classNode.id?.name ?? getAnonymousClassBinding(classNode, sourceCode)?.name;
  return name === undefined ? { construct: 'this', valueName: undefined } : { construct: name, valueName: name };
}

function getTypeArguments(classNode: ClassNode, isTypeScript: boolean): string {
  const typeParameters = isTypeScript ? (classNode.typeParameters?.params ?? []) : [];
  return typeParameters.length > 0 ? `<${typeParameters.map((parameter) => parameter.name.name).join(', ')}>` : '';
}

interface FactoryParameters {
  declarations: string[];
  /** The constructor call's arguments. */
  names: string[];
  /** The names the factory's parameter list declares. */
  declared: Set<string>;
  /** The destructured parameters, taken whole under a name of their own (`options`), and what they bind. */
  patterns: { pattern: TSESTree.Node; name: string; defaultText: string | undefined; names: string[] }[];
}

/**
 * The factory's parameter list (modifiers of parameter properties dropped) and its call's
 * arguments. A destructured parameter is taken whole, under a name of its own (`options`), typed
 * as written or as the constructor's parameter; a class without a constructor of its own passes
 * what it is given to its base (`...args`).
 */
function readParameters(
  classNode: ClassNode,
  target: FactoryTarget,
  constructorNode: ConstructorNode | undefined,
  sourceCode: SourceCode,
  isTypeScript: boolean,
): FactoryParameters | undefined {
  const declarations: string[] = [];
  const names: string[] = [];
  const declared = new Set<string>();
  const patterns: FactoryParameters['patterns'] = [];
  // No constructor of its own (a subclass's passes everything to its base), or one that reads
  // `arguments`: the factory passes what it is given.
  if (!constructorNode ? classNode.superClass : readsArguments(constructorNode, sourceCode)) {
    if (isTypeScript && target.valueName === undefined) {
      return undefined;
    }
    declarations.push(
      isTypeScript ? `...args: ConstructorParameters<typeof ${target.valueName}${getTypeArguments(classNode, isTypeScript)}>` : '...args',
    );
    names.push('...args');
    return { declarations, names, declared, patterns };
  }
  if (!constructorNode) {
    return { declarations, names, declared, patterns };
  }
  const params = constructorNode.value.params;
  const taken = new Set<string>();
  for (const param of params) {
    for (const name of boundNames(param)) {
      taken.add(name);
    }
  }
  let unnamed = false;
  params.forEach((param, index) => {
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    let name: string | undefined;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      name = inner.name;
    } else if (inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier) {
      name = inner.left.name;
    } else if (inner.type === AST_NODE_TYPES.RestElement && inner.argument.type === AST_NODE_TYPES.Identifier) {
      declarations.push(sourceCode.getText(inner));
      names.push(`...${inner.argument.name}`);
      declared.add(inner.argument.name);
      return;
    }
    if (name !== undefined) {
      declarations.push(sourceCode.getText(inner));
      names.push(name);
      declared.add(name);
      return;
    }
    // A destructured parameter (`{ url, retries }: Options`, `[a, b] = []`): taken whole.
    const pattern = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    const base = pattern.type === AST_NODE_TYPES.ArrayPattern ? 'values' : 'options';
    let unique = base;
    for (let counter = 2; taken.has(unique); counter++) {
      unique = `${base}${counter}`;
    }
    taken.add(unique);
    const hasDefault = inner.type === AST_NODE_TYPES.AssignmentPattern;
    // `options?:` cannot precede a required parameter (TS1016); `options: T | undefined` can.
    const requiredAfter = params.slice(index + 1).some(isRequiredParameter);
    const isRest = inner.type === AST_NODE_TYPES.RestElement;
    let declaration = isRest ? `...${unique}` : unique;
    if (isTypeScript) {
      const type =
        'typeAnnotation' in pattern && pattern.typeAnnotation
          ? pattern.typeAnnotation.typeAnnotation
          : undefined;
      unnamed ||= !type && target.valueName === undefined;
      const typeText = type
        ? sourceCode.getText(type)
        : `ConstructorParameters<typeof ${target.valueName}${getTypeArguments(classNode, isTypeScript)}>[${index}]`;
      if (hasDefault && requiredAfter) {
        const simple = !type || type.type === AST_NODE_TYPES.TSTypeReference || type.type === AST_NODE_TYPES.TSTypeLiteral;
        declaration += `: ${simple ? typeText : `(${typeText})`} | undefined`;
      } else {
        declaration += `${hasDefault ? '?' : ''}: ${typeText}`;
      }
    }
    declarations.push(declaration);
    names.push(isRest ? `...${unique}` : unique);
    if (!isRest) {
      patterns.push({
        pattern,
        name: unique,
        defaultText: hasDefault ? sourceCode.getText((inner as TSESTree.AssignmentPattern).right) : undefined,
        names: boundNames(pattern),
      });
    }
  });
  return unnamed ? undefined : { declarations, names, declared, patterns };
}

/** `new Db(…)` in an async function becomes `await Db.create(…)` (no second `await` when already awaited). */
function rewriteCallSites(plan: ClassPlan, factoryName: string, sourceCode: SourceCode): Edit[] {
  return findCallSites(plan, sourceCode).flatMap(({ call, callee }): Edit[] => {
    const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression;
    const parenthesize = !awaited && needsParentheses(call);
    const edits: Edit[] = [
      {
        range: [call.range[0], callee.range[1]],
        text: `${parenthesize ? '(' : ''}${awaited ? '' : 'await '}${callee.name}.${factoryName}`,
      },
    ];
    const suffix = `${sourceCode.getLastToken(call)?.value === ')' ? '' : '()'}${parenthesize ? ')' : ''}`;
    if (suffix) {
      edits.push({ range: [call.range[1], call.range[1]], text: suffix });
    }
    return edits;
  });
}

const RESERVED = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval export extends ' +
    'false finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
);

/** A parameter callers must pass: no default, not optional, not a rest parameter. */
function isRequiredParameter(param: TSESTree.Parameter): boolean {
  const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (inner.type === AST_NODE_TYPES.AssignmentPattern || inner.type === AST_NODE_TYPES.RestElement) {
    return false;
  }
  return !('optional' in inner && inner.optional);
}
