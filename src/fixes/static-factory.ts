import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findMembers, getSameFileAncestors, type ClassNode } from '../utils/ast.js';
import {
  findCallSites,
  isExtendedInFile,
  needsParentheses,
  placeMembers,
  planMove,
  toFixer,
  writeMethod,
  writeMovedStatements,
  type Edit,
  type MovePlan,
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
 * The fix that moves every reported expression of `classNode` into a static async factory, or
 * `null` when it cannot be made right. Besides the cases {@link planMove} declines: the class is
 * abstract; it has a member named like the factory, or a same-file ancestor has such a static; a
 * same-file class extends it (its `super()` would no longer start the work); the moved code uses
 * `super`; a constructor parameter is destructured.
 */
export function createFactoryFix(
  classNode: ClassNode,
  reportNodes: readonly TSESTree.Node[],
  sourceCode: SourceCode,
  options: FactoryFixOptions,
): Fixer | null {
  const plan = planMove(classNode, reportNodes, sourceCode, options.filename);
  const { factoryName } = options;
  if (
    !plan ||
    plan.usesSuper ||
    (classNode.type === AST_NODE_TYPES.ClassDeclaration && classNode.abstract) ||
    findMembers(classNode, factoryName, true).length > 0 ||
    findMembers(classNode, factoryName, false).length > 0 ||
    getSameFileAncestors(classNode, sourceCode).some((ancestor) => findMembers(ancestor, factoryName, true).length > 0)
  ) {
    return null;
  }
  const parameters = readParameters(plan, sourceCode);
  if (!parameters || isExtendedInFile(classNode, sourceCode)) {
    return null;
  }

  const { className, isTypeScript, layout, constructorNode } = plan;
  const text = sourceCode.text;
  const typeParameters = isTypeScript ? (classNode.typeParameters?.params ?? []) : [];
  const typeParameterText =
    typeParameters.length > 0
      ? `<${typeParameters.map((parameter) => text.slice(parameter.name.range[0], parameter.range[1])).join(', ')}>`
      : '';
  const typeArguments =
    typeParameters.length > 0 ? `<${typeParameters.map((parameter) => parameter.name.name).join(', ')}>` : '';
  const instance = pickInstanceName(plan, sourceCode);
  const returnType = isTypeScript ? `: Promise<${className}${typeArguments}>` : '';
  const factory = writeMethod(plan, `static async ${factoryName}${typeParameterText}(${parameters.declarations.join(', ')})${returnType}`, [
    `${layout.bodyIndent}const ${instance} = new ${className}${typeArguments}(${parameters.names.join(', ')});`,
    ...writeMovedStatements(plan, sourceCode, instance),
    `${layout.bodyIndent}return ${instance};`,
  ]);

  const visibility = isTypeScript ? options.constructorVisibility : 'unchanged';
  const edits: Edit[] = [
    ...placeMembers(plan, sourceCode, [factory], visibility !== 'unchanged'),
    ...plan.definiteAssignments,
    ...rewriteCallSites(plan, factoryName, sourceCode),
  ];
  if (visibility !== 'unchanged' && constructorNode.accessibility !== visibility) {
    const first = sourceCode.getFirstToken(constructorNode);
    edits.push(
      constructorNode.accessibility && first
        ? { range: first.range, text: visibility }
        : { range: [constructorNode.key.range[0], constructorNode.key.range[0]], text: `${visibility} ` },
    );
  }
  return toFixer(edits);
}

/** The factory's parameter list (modifiers of parameter properties dropped) and its call's arguments. */
function readParameters(
  plan: MovePlan,
  sourceCode: SourceCode,
): { declarations: string[]; names: string[] } | undefined {
  const declarations: string[] = [];
  const names: string[] = [];
  for (const param of plan.constructorNode.value.params) {
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    let name: string | undefined;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      name = inner.name;
    } else if (inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier) {
      name = inner.left.name;
    } else if (inner.type === AST_NODE_TYPES.RestElement && inner.argument.type === AST_NODE_TYPES.Identifier) {
      name = `...${inner.argument.name}`;
    }
    if (name === undefined) {
      return undefined;
    }
    declarations.push(sourceCode.getText(inner));
    names.push(name);
  }
  return { declarations, names };
}

/** `new Db(…)` in an async function becomes `await Db.create(…)` (no second `await` when already awaited). */
function rewriteCallSites(plan: MovePlan, factoryName: string, sourceCode: SourceCode): Edit[] {
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
function pickInstanceName(plan: MovePlan, sourceCode: SourceCode): string {
  // Every name the constructor mentions, except property names after `.` (`this.db` is no clash).
  const taken = new Set(
    sourceCode
      .getTokens(plan.constructorNode)
      .filter(
        (token) =>
          (token.type === 'Identifier' || token.type === 'Keyword') &&
          !['.', '?.'].includes(sourceCode.getTokenBefore(token)?.value ?? ''),
      )
      .map((token) => token.value),
  );
  taken.add(plan.className);
  const preferred = plan.className.charAt(0).toLowerCase() + plan.className.slice(1);
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
