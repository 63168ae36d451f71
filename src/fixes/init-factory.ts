import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getConstructor,
  hasConstructorOverloads,
  type ClassNode,
  type ConstructorNode,
  getNewline,
} from '../utils/ast.js';
import { recordDecline } from './declines.js';
import { isExtendedInFile, isFactoryNameTaken, isInAsyncFunction, needsParentheses } from './plan/call-sites.js';
import { isTypeScriptSource, toFixer, type Edit } from './plan/layout.js';

/**
 * The init-factory transform, for a class whose async init method nobody calls: a static async
 * factory that constructs the instance and runs the init before handing it out, behind a private
 * constructor (TypeScript):
 *
 * ```ts
 * private constructor(readonly url: string) {}
 *
 * static async create(url: string): Promise<Db> {
 *   const db = new Db(url);
 *   await db.connect();
 *   return db;
 * }
 * ```
 *
 * No code moves: the constructor and the init method stay as written. Same-file `new Db(…)` inside
 * async functions become `await Db.create(…)` (in TypeScript, any other `new Db(…)` of the file makes
 * the transform decline: it would not compile against the private constructor).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
type InitMethod = TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };

export interface InitFactoryOptions {
  /** The static method's name (`create`). */
  factoryName: string;
  /** The file's name, to tell `.js` from `.ts` when typescript-eslint parses both. */
  filename?: string;
}

/**
 * The fix that adds the factory, or `null` (the decline recorded) when it cannot be made right:
 * the class is anonymous, abstract, generic, decorated, has constructor overloads, is extended in
 * this file, or derives from a base without declaring a constructor; a member is named like the
 * factory; a constructor parameter is destructured; the init method needs arguments or has a
 * computed name; code of this file outside the class calls a method of the init's name itself
 * (`await db.connect()` after `new Db()` would then run the init twice).
 */
export function createInitFactoryFix(
  classNode: ClassNode,
  init: InitMethod,
  sourceCode: SourceCode,
  options: InitFactoryOptions,
): Fixer | null {
  const { factoryName } = options;
  const decline = (reason: string): null => {
    recordDecline(() => ({
      transform: 'init-factory',
      target: classNode.id?.name ?? '(anonymous class)',
      reason,
      filename: options.filename ?? '<input>',
      line: classNode.loc.start.line,
    }));
    return null;
  };
  const reason = getCommonDeclineReason(classNode, sourceCode);
  if (reason !== undefined || !classNode.id) {
    return decline(reason ?? 'anonymous class');
  }
  if (classNode.typeParameters && classNode.typeParameters.params.length > 0) {
    return decline('generic class');
  }
  if (isFactoryNameTaken(classNode, factoryName, sourceCode)) {
    return decline('a member is named like the factory');
  }
  const constructorNode = getConstructor(classNode);
  const parameters = readParameters(constructorNode, sourceCode);
  if (!parameters) {
    return decline('destructured constructor parameter');
  }
  if (init.computed || init.key.type !== AST_NODE_TYPES.Identifier) {
    return decline('init method with a computed name');
  }
  if (!init.value.params.every(isOptionalParameter)) {
    return decline('init method takes arguments');
  }
  const initName = init.key.name;
  if (callsOutsideClass(classNode, initName, sourceCode)) {
    return decline('code outside the class calls the init');
  }

  const className = classNode.id.name;
  const isTypeScript = isTypeScriptSource(sourceCode, options.filename);
  // A `new Db()` the fix cannot make `await Db.create()` would no longer compile once the constructor is private.
  if (isTypeScript && findNewCalls(classNode, sourceCode).some(({ call }) => !isInAsyncFunction(call))) {
    return decline('a `new` outside async functions');
  }
  const anchor = constructorNode ?? getFirstMethod(classNode);
  if (!anchor) {
    return decline('no member to place the factory by');
  }
  const layout = getMemberLayout(classNode, anchor, sourceCode);
  const instance = pickInstanceName(className, parameters.names);
  const factory = writeMember(
    layout,
    `static async ${factoryName}(${parameters.declarations.join(', ')})${isTypeScript ? `: Promise<${className}>` : ''}`,
    [
      `const ${instance} = new ${className}(${parameters.names.join(', ')});`,
      `await ${instance}.${initName}();`,
      `return ${instance};`,
    ],
  );
  const edits: Edit[] = [];
  if (constructorNode) {
    if (isTypeScript) {
      edits.push(makePrivate(constructorNode, sourceCode));
    }
    edits.push(insertAfter(constructorNode, [factory], layout, sourceCode));
  } else {
    const members = isTypeScript ? [`${layout.memberIndent}private constructor() {}`, factory] : [factory];
    edits.push(insertBefore(anchor, members, layout, sourceCode));
  }
  edits.push(...rewriteCallSites(classNode, factoryName, sourceCode));
  return toFixer(edits);
}

/**
 * TypeScript: the fix that makes the constructor `private` (writing `private constructor() {}` when
 * the class declares none), for a class that already has a factory running the init; `null` where
 * that would break code of this file (a `new` outside the class, a subclass) or a base class would
 * need the constructor's parameters.
 */
export function createPrivateConstructorFix(classNode: ClassNode, sourceCode: SourceCode, filename?: string): Fixer | null {
  if (!isTypeScriptSource(sourceCode, filename) || getCommonDeclineReason(classNode, sourceCode) !== undefined) {
    return null;
  }
  if (findNewCalls(classNode, sourceCode).length > 0) {
    return null;
  }
  const constructorNode = getConstructor(classNode);
  if (constructorNode) {
    return toFixer([makePrivate(constructorNode, sourceCode)]);
  }
  const anchor = getFirstMethod(classNode);
  if (!anchor) {
    return null;
  }
  const layout = getMemberLayout(classNode, anchor, sourceCode);
  return toFixer([insertBefore(anchor, [`${layout.memberIndent}private constructor() {}`], layout, sourceCode)]);
}

function getCommonDeclineReason(classNode: ClassNode, sourceCode: SourceCode): string | undefined {
  if ((classNode.decorators?.length ?? 0) > 0) {
    return 'decorated class';
  }
  if (classNode.type === AST_NODE_TYPES.ClassDeclaration && classNode.abstract) {
    return 'abstract class';
  }
  if (hasConstructorOverloads(classNode)) {
    return 'constructor overloads';
  }
  const constructorNode = getConstructor(classNode);
  if (constructorNode?.value.params.some((param) => (param.decorators?.length ?? 0) > 0)) {
    return 'parameter decorators';
  }
  if (!constructorNode && classNode.superClass) {
    return 'derived class without a constructor';
  }
  return isExtendedInFile(classNode, sourceCode) ? 'class extended in this file' : undefined;
}

/** `x?: T`, `x = 1`, `...rest`: a parameter the factory's `init()` call can leave out. */
function isOptionalParameter(param: TSESTree.Parameter): boolean {
  return (
    param.type === AST_NODE_TYPES.AssignmentPattern ||
    param.type === AST_NODE_TYPES.RestElement ||
    (param.type === AST_NODE_TYPES.Identifier && param.optional === true)
  );
}

/** The factory's parameter list (modifiers of parameter properties dropped) and the `new` call's arguments. */
function readParameters(
  constructorNode: ConstructorNode | undefined,
  sourceCode: SourceCode,
): { declarations: string[]; names: string[] } | undefined {
  const declarations: string[] = [];
  const names: string[] = [];
  for (const param of constructorNode?.value.params ?? []) {
    const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const binding = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    if (binding.type === AST_NODE_TYPES.Identifier) {
      names.push(binding.name);
    } else if (binding.type === AST_NODE_TYPES.RestElement && binding.argument.type === AST_NODE_TYPES.Identifier) {
      names.push(`...${binding.argument.name}`);
    } else {
      return undefined;
    }
    declarations.push(sourceCode.getText(inner));
  }
  return { declarations, names };
}

/** `\.connect(` anywhere in the file outside the class (comments included: declining costs less than a double init). */
function callsOutsideClass(classNode: ClassNode, initName: string, sourceCode: SourceCode): boolean {
  const pattern = new RegExp(`\\.\\s*${initName.replace(/\$/gu, '\\$')}\\b`, 'gu');
  for (const match of sourceCode.text.matchAll(pattern)) {
    if (match.index < classNode.range[0] || match.index >= classNode.range[1]) {
      return true;
    }
  }
  return false;
}

function getFirstMethod(classNode: ClassNode): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find((member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition);
}

interface MemberLayout {
  /** `\n` or `\r\n`. */
  newline: string;
  /** The anchor member shares its line with other code: the new code is written on one line too. */
  inline: boolean;
  memberIndent: string;
  bodyIndent: string;
}

/**
 * The layout around `anchor` (the member the new code is placed by): its line's indentation, and one
 * level more for bodies, the level taken from the first method body statement of the class that
 * starts its own line.
 */
function getMemberLayout(classNode: ClassNode, anchor: TSESTree.MethodDefinition, sourceCode: SourceCode): MemberLayout {
  const newline = getNewline(sourceCode);
  const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
  const memberIndent = /^[ \t]*/u.exec(line)?.[0] ?? '';
  const inline = line.slice(0, anchor.loc.start.column).trim() !== '';
  let unit: string | undefined;
  for (const member of classNode.body.body) {
    if (unit !== undefined || member.type !== AST_NODE_TYPES.MethodDefinition || !member.value.body) {
      continue;
    }
    const memberLine = sourceCode.lines[member.loc.start.line - 1] ?? '';
    const ownIndent = /^[ \t]*/u.exec(memberLine)?.[0] ?? '';
    for (const statement of member.value.body.body) {
      const statementLine = sourceCode.lines[statement.loc.start.line - 1] ?? '';
      const indent = /^[ \t]*/u.exec(statementLine)?.[0] ?? '';
      if (indent.length === statement.loc.start.column && indent.startsWith(ownIndent) && indent.length > ownIndent.length) {
        unit = indent.slice(ownIndent.length);
        break;
      }
    }
  }
  unit ??= memberIndent.includes('\t') ? '\t' : '  ';
  return { newline, inline, memberIndent: inline ? '' : memberIndent, bodyIndent: inline ? '' : memberIndent + unit };
}

/** A member's text: `header {`, the body lines, `}`, on one line when the layout is inline. */
function writeMember(layout: MemberLayout, header: string, body: readonly string[]): string {
  if (layout.inline) {
    return `${header} { ${body.join(' ')} }`;
  }
  return [`${layout.memberIndent}${header} {`, ...body.map((line) => layout.bodyIndent + line), `${layout.memberIndent}}`].join(layout.newline);
}

/** New members after `member` (after a comment on its last line), a blank line before each. */
function insertAfter(member: TSESTree.Node, members: readonly string[], layout: MemberLayout, sourceCode: SourceCode): Edit {
  let end = member.range[1];
  for (const comment of sourceCode.getCommentsAfter(member)) {
    if (comment.loc.start.line === member.loc.end.line) {
      end = comment.range[1];
    }
  }
  const separator = layout.inline ? ' ' : layout.newline + layout.newline;
  return { range: [end, end], text: members.map((text) => separator + text).join('') };
}

/** New members before `member` and its leading comments, a blank line after each. */
function insertBefore(member: TSESTree.Node, members: readonly string[], layout: MemberLayout, sourceCode: SourceCode): Edit {
  const [firstComment] = sourceCode.getCommentsBefore(member);
  const start = firstComment ?? member;
  if (layout.inline) {
    return { range: [start.range[0], start.range[0]], text: members.map((text) => `${text} `).join('') };
  }
  const lineStart = start.range[0] - start.loc.start.column;
  return { range: [lineStart, lineStart], text: members.map((text) => text + layout.newline + layout.newline).join('') };
}

/** `constructor(` → `private constructor(`; `public constructor(` → `private constructor(`. */
function makePrivate(constructorNode: ConstructorNode, sourceCode: SourceCode): Edit {
  const first = sourceCode.getFirstToken(constructorNode);
  if (constructorNode.accessibility && first && first.value === constructorNode.accessibility) {
    return { range: first.range, text: 'private' };
  }
  return { range: [constructorNode.key.range[0], constructorNode.key.range[0]], text: 'private ' };
}

const RESERVED = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval export extends ' +
    'false finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
);

/** `db` for `Db`, unless a parameter is named so (or it is a keyword): `instance`, `instance2`, … */
function pickInstanceName(className: string, parameterNames: readonly string[]): string {
  const taken = new Set([className, ...parameterNames.map((name) => name.replace(/^\.\.\./u, ''))]);
  const preferred = className.charAt(0).toLowerCase() + className.slice(1);
  if (!taken.has(preferred) && !RESERVED.has(preferred)) {
    return preferred;
  }
  let candidate = 'instance';
  for (let index = 2; taken.has(candidate); index++) {
    candidate = `instance${index}`;
  }
  return candidate;
}

/** `new Db(…)` of this file, outside the class, with `Db` written right after `new` (no comment between). */
function findNewCalls(classNode: ClassNode, sourceCode: SourceCode): { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] {
  const variables = [...sourceCode.getDeclaredVariables(classNode)];
  if (classNode.parent.type === AST_NODE_TYPES.VariableDeclarator) {
    variables.push(...sourceCode.getDeclaredVariables(classNode.parent));
  }
  const calls: { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] = [];
  for (const reference of variables.flatMap((variable) => variable.references)) {
    const callee = reference.identifier;
    const call = callee.parent;
    if (
      callee.type !== AST_NODE_TYPES.Identifier ||
      call?.type !== AST_NODE_TYPES.NewExpression ||
      call.callee !== callee ||
      (call.range[0] >= classNode.range[0] && call.range[1] <= classNode.range[1]) ||
      calls.some((entry) => entry.call === call)
    ) {
      continue;
    }
    const newToken = sourceCode.getFirstToken(call);
    if (newToken && sourceCode.getTokenAfter(newToken)?.range[0] === callee.range[0] && !sourceCode.commentsExistBetween(newToken, callee)) {
      calls.push({ call, callee });
    }
  }
  return calls;
}

/** `new Db(…)` in an async function becomes `await Db.create(…)` (no second `await` when already awaited). */
function rewriteCallSites(classNode: ClassNode, factoryName: string, sourceCode: SourceCode): Edit[] {
  return findNewCalls(classNode, sourceCode)
    .filter(({ call }) => isInAsyncFunction(call))
    .flatMap(({ call, callee }): Edit[] => {
      const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression;
      const parenthesize = !awaited && needsParentheses(call);
      const edits: Edit[] = [
        { range: [call.range[0], callee.range[1]], text: `${parenthesize ? '(' : ''}${awaited ? '' : 'await '}${callee.name}.${factoryName}` },
      ];
      const suffix = `${sourceCode.getLastToken(call)?.value === ')' ? '' : '()'}${parenthesize ? ')' : ''}`;
      if (suffix) {
        edits.push({ range: [call.range[1], call.range[1]], text: suffix });
      }
      return edits;
    });
}
