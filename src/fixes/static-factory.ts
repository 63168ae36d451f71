import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../analysis/construction-work.js';
import {
  getAnonymousClassBinding,
  getClassName,
  getConstructor,
  hasConstructorOverloads,
  type ClassNode,
  type ConstructorNode,
} from '../utils/ast.js';
import { recordDecline } from './declines.js';
import {
  findCallSites,
  hasUnrewrittenConstructions,
  isExtendedInFile,
  isFactoryNameTaken,
  isTypeScriptSource,
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
  type MovePlan,
  type RecordPlan,
} from './plan.js';

/**
 * The static async factory transform: the reported statements leave the constructor for
 *
 * ```ts
 * static async create(url: string): Promise<Db> {
 *   const db = new Db(url);
 *   await db.connect();
 *   return db;
 * }
 * ```
 *
 * `this` in the moved code becomes the instance, `void work` and `work` become `await work`,
 * `this.ready = work` stays and is awaited, `.catch(handler)` chains stay (and are awaited, so the
 * handler still sees the error). Same-file `new Db(…)` inside async functions become
 * `await Db.create(…)` in the same fix.
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

/**
 * The fix that gives `classNode` a static async factory that awaits all of its construction work,
 * or `null` when it cannot be made right (the decline is recorded). Where every piece of work can
 * leave the constructor ({@link planMove}), it moves into the factory; otherwise it stays where it
 * is, recorded (`this.#trackInit(work)`), and the factory awaits what was recorded. An anonymous
 * class is constructed by its constant binding or as `new this(…)`. Declined: an anonymous
 * TypeScript class whose parameter types only `typeof` could name; an abstract class, constructor
 * overloads, a member named like the factory, or a same-file ancestor with such a static; and the
 * cases {@link planRecord} declines.
 */
export function createFactoryFix(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): Fixer | null {
  const { factoryName } = options;
  const decline = (reason: string): null => {
    recordDecline(() => ({
      transform: 'factory',
      target: getClassName(classNode) ?? '(anonymous class)',
      reason,
      filename: options.filename ?? '<input>',
      line: works[0]?.work.node.loc.start.line ?? classNode.loc.start.line,
    }));
    return null;
  };
  const isTypeScript = isTypeScriptSource(sourceCode, options.filename);
  const target = getFactoryTarget(classNode, sourceCode);
  if (!readParameters(classNode, target, getConstructor(classNode), sourceCode, isTypeScript)) {
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
  const { move, record } = planClass(classNode, works, sourceCode, options.filename);
  // Same-file `new Db()` the fix cannot make `await Db.create()` keep the constructor's work: recorded.
  if (move && !move.usesSuper && !isExtendedInFile(classNode, sourceCode) && !hasUnrewrittenConstructions(move, sourceCode)) {
    const fix = createMovedFactory(move, target, sourceCode, options);
    if (fix) {
      return fix;
    }
  }
  if ('decline' in record) {
    return decline(record.decline);
  }
  return createRecordedFactory(record, target, sourceCode, options) ?? decline('overlapping edits');
}

/** The factory that runs the moved work: `const db = new Db(url); await db.connect(); return db;`. */
function createMovedFactory(
  plan: MovePlan,
  target: FactoryTarget,
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): Fixer | null {
  const parameters = readParameters(plan.classNode, target, plan.constructorNode, sourceCode, plan.isTypeScript);
  // The moved code reads names the factory's parameter list does not declare (a destructured one).
  if (!parameters || plan.parameterReads.some((read) => !parameters.declared.has(read.name))) {
    return null;
  }
  const { layout, constructorNode } = plan;
  const instance = pickInstanceName(target, constructorNode, sourceCode);
  const factory = writeMethod(plan, writeFactoryHeader(plan.classNode, target, plan.isTypeScript, options.factoryName, parameters, sourceCode), [
    `${layout.bodyIndent}const ${instance} = new ${target.construct}${getTypeArguments(plan.classNode, plan.isTypeScript)}(${parameters.names.join(', ')});`,
    ...writeMovedStatements(plan, sourceCode, instance),
    `${layout.bodyIndent}return ${instance};`,
  ]);
  const visibility = plan.isTypeScript ? options.constructorVisibility : 'unchanged';
  return toFixer([
    ...placeMembers(plan, sourceCode, [factory], visibility !== 'unchanged'),
    ...plan.definiteAssignments,
    ...rewriteCallSites(plan, options.factoryName, sourceCode),
    ...setVisibility(constructorNode, visibility, sourceCode),
  ]);
}

/** The factory that awaits the recorded work: `const db = new Db(url); await Promise.all(db.#pendingInit); return db;`. */
function createRecordedFactory(
  plan: RecordPlan,
  target: FactoryTarget,
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): Fixer | null {
  const { classNode, constructorNode, layout, isTypeScript } = plan;
  const parameters = readParameters(classNode, target, constructorNode, sourceCode, isTypeScript);
  if (!parameters) {
    return null;
  }
  const instance = pickInstanceName(target, constructorNode, sourceCode);
  const factory = writeMethod(plan, writeFactoryHeader(classNode, target, isTypeScript, options.factoryName, parameters, sourceCode), [
    `${layout.bodyIndent}const ${instance} = new ${target.construct}${getTypeArguments(classNode, isTypeScript)}(${parameters.names.join(', ')});`,
    `${layout.bodyIndent}await Promise.all(${instance}.${PENDING_FIELD});`,
    `${layout.bodyIndent}return ${instance};`,
  ]);
  const visibility = isTypeScript && constructorNode ? options.constructorVisibility : 'unchanged';
  return toFixer([
    ...placeRecordedMembers(plan, sourceCode, [writePendingField(plan)], [factory], writeTrackMethod(plan, `\`${options.factoryName}()\``)),
    ...rewriteCallSites(plan, options.factoryName, sourceCode),
    ...(constructorNode ? setVisibility(constructorNode, visibility, sourceCode) : []),
  ]);
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
    return { declarations, names, declared };
  }
  if (!constructorNode) {
    return { declarations, names, declared };
  }
  const params = constructorNode.value.params;
  const taken = new Set<string>();
  for (const param of params) {
    for (const variable of sourceCode.getDeclaredVariables(param)) {
      taken.add(variable.name);
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
  });
  return unnamed ? undefined : { declarations, names, declared };
}

/** `new Db(…)` in an async function becomes `await Db.create(…)` (no second `await` when already awaited). */
function rewriteCallSites(plan: MovePlan | RecordPlan, factoryName: string, sourceCode: SourceCode): Edit[] {
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

/** `db` for `Db`, unless the constructor already uses that name (or it is a keyword): `instance`. */
function pickInstanceName(target: FactoryTarget, constructorNode: ConstructorNode | undefined, sourceCode: SourceCode): string {
  const className = target.construct === 'this' ? 'Instance' : target.construct;
  // Every name the constructor mentions, except property names after `.` (`this.db` is no clash).
  const taken = new Set(
    (constructorNode ? sourceCode.getTokens(constructorNode) : [])
      .filter(
        (token) =>
          (token.type === 'Identifier' || token.type === 'Keyword') &&
          !['.', '?.'].includes(sourceCode.getTokenBefore(token)?.value ?? ''),
      )
      .map((token) => token.value),
  );
  taken.add(className);
  const preferred = className.charAt(0).toLowerCase() + className.slice(1);
  for (const candidate of [preferred, 'instance']) {
    if (!taken.has(candidate) && !RESERVED.has(candidate)) {
      return candidate;
    }
  }
  for (let index = 2; ; index++) {
    if (!taken.has(`instance${index}`)) {
      return `instance${index}`;
    }
  }
}

/** A parameter callers must pass: no default, not optional, not a rest parameter. */
function isRequiredParameter(param: TSESTree.Parameter): boolean {
  const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (inner.type === AST_NODE_TYPES.AssignmentPattern || inner.type === AST_NODE_TYPES.RestElement) {
    return false;
  }
  return !('optional' in inner && inner.optional);
}

/** The constructor reads its own `arguments` (arrow functions in it see the same). */
function readsArguments(constructorNode: ConstructorNode, sourceCode: SourceCode): boolean {
  const scope = sourceCode.scopeManager?.acquire(constructorNode.value);
  const variable = scope?.set.get('arguments');
  return (variable?.references.length ?? 0) > 0;
}
