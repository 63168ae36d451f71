import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  getAnonymousClassBinding,
  getConstructor,
  getOutermostWrapper,
  getSameFileAncestors,
  getThisOwner,
  hasConstructorOverloads,
  isClassNode,
  isFunctionNode,
  isSubscribeMethodName,
  skipTypeWrappers,
  walk,
  type ClassNode,
  type ConstructorNode,
} from '../utils/ast.js';
import type { ConstructionWork } from '../analysis/construction-work.js';

/**
 * What both quick fixes of `no-async-constructor` share: which statements leave the constructor,
 * with their comments, how the file is laid out, and what must not be touched. A plan exists only
 * when every reported expression of the class can move: the transforms move all of a class's
 * reported statements together, so the class they produce never trips the rule again.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A text edit on the original source (an insertion when the range is empty). */
export interface Edit {
  range: [number, number];
  text: string;
}

/** How a moved statement is rewritten once it can be awaited. */
export type MoveForm =
  /** `work;` becomes `await work;` */
  | { type: 'await' }
  /** `void work;` becomes `await work;` (the `void` token is replaced). */
  | { type: 'void'; operator: TSESTree.Token }
  /** `this.ready = work;` stays, followed by `await this.ready;`. */
  | { type: 'ready'; field: TSESTree.MemberExpression; fieldName: string };

export interface MovedStatement {
  statement: TSESTree.ExpressionStatement;
  form: MoveForm;
  /** From the first leading comment to the last comment on the statement's last line. */
  range: [number, number];
}

/** The file's layout around the constructor: the text the transforms write follows it. */
export interface Layout {
  /** `\n` or `\r\n`; a space when the constructor is written on one line. */
  newline: string;
  /** The indentation of class members. */
  memberIndent: string;
  /** The indentation of statements in a method body. */
  bodyIndent: string;
  /** One level: `bodyIndent` minus `memberIndent`. */
  indentUnit: string;
  /** The constructor is written on one line: so is the new code. */
  inline: boolean;
}

export interface MovePlan {
  classNode: ClassNode;
  /** The class's name; empty for an anonymous class (which has no factory). */
  className: string;
  constructorNode: ConstructorNode;
  isTypeScript: boolean;
  layout: Layout;
  moved: MovedStatement[];
  /** `this` expressions of the moved code that mean the object under construction. */
  thisNodes: TSESTree.ThisExpression[];
  /** Constructor parameters the moved code reads (references inside it). */
  parameterReads: TSESTree.Identifier[];
  /** The moved code uses `super` for the object under construction. */
  usesSuper: boolean;
  /** Edits that take the moved statements out of the constructor (or empty its body). */
  removals: Edit[];
  /** No statement or comment is left in the constructor's body once the moved code is out. */
  bodyLeftEmpty: boolean;
  /** TypeScript: `ready!` for ready-promise fields no longer assigned in the constructor. */
  definiteAssignments: Edit[];
}

/**
 * Plans moving every reported expression of a class out of its constructor, or returns
 * `undefined` when that cannot be made right (the report then has no fix):
 * - the class has decorators or parameter decorators;
 * - a reported expression is not a whole top-level statement of the constructor (`work;`,
 *   `void work;`, `this.field = work;`): inside a branch, a loop, a callback, a declaration, a
 *   field initialiser, a `return`;
 * - the moved code reads a constructor local, `arguments`, `new.target`, or a parameter the
 *   constructor reassigns;
 * - the constructor reads a ready-promise field (`this.ready`) the moved code would assign later.
 */
export function planMove(
  classNode: ClassNode,
  reportNodes: readonly TSESTree.Node[],
  sourceCode: SourceCode,
  filename?: string,
): MovePlan | undefined {
  const constructorNode = getConstructor(classNode);
  if (
    !constructorNode ||
    reportNodes.length === 0 ||
    hasDecorators(classNode) ||
    constructorNode.value.params.some(hasDecorators)
  ) {
    return undefined;
  }
  const body = constructorNode.value.body;
  const moved: MovedStatement[] = [];
  for (const node of reportNodes) {
    const statement = getMovableStatement(node, body, sourceCode);
    if (!statement || moved.some((entry) => entry.statement === statement.statement)) {
      return undefined;
    }
    moved.push(statement);
  }
  moved.sort((a, b) => a.range[0] - b.range[0]);
  for (let index = 1; index < moved.length; index++) {
    if (moved[index]!.range[0] < moved[index - 1]!.range[1]) {
      return undefined;
    }
  }

  const constructorFunction = constructorNode.value;
  const thisNodes: TSESTree.ThisExpression[] = [];
  let usesSuper = false;
  let readsUnmovable = false;
  for (const { statement } of moved) {
    walk(statement, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression && getThisOwner(node) === constructorFunction) {
        thisNodes.push(node);
      } else if (node.type === AST_NODE_TYPES.Super && getThisOwner(node) === constructorFunction) {
        usesSuper = true;
      } else if (node.type === AST_NODE_TYPES.MetaProperty && getThisOwner(node) === constructorFunction) {
        readsUnmovable = true;
      }
    });
  }
  const parameterReads = findParameterReads(constructorFunction, moved, sourceCode);
  if (
    readsUnmovable ||
    parameterReads === undefined ||
    readsReadyFieldEarly(body, moved, sourceCode.visitorKeys) ||
    !isInertAfterMovedWork(classNode, body, moved, sourceCode.visitorKeys) ||
    hasOwnReturn(constructorFunction, sourceCode.visitorKeys) ||
    moved.some(({ statement }) => waitsForAnEvent(statement, sourceCode.visitorKeys))
  ) {
    return undefined;
  }

  const layout = getLayout(constructorNode, sourceCode);
  const isTypeScript = isTypeScriptSource(sourceCode, filename);
  // A `readonly` ready-promise field can only be assigned in the constructor: it stays there, recorded.
  if (isTypeScript && moved.some(({ form }) => form.type === 'ready' && isReadonlyField(classNode, constructorNode, form.fieldName))) {
    return undefined;
  }
  const { removals, bodyLeftEmpty } = planRemovals(body, moved, sourceCode);
  return {
    classNode,
    className: classNode.id?.name ?? '',
    constructorNode,
    isTypeScript,
    layout,
    moved,
    thisNodes,
    parameterReads,
    usesSuper,
    removals,
    bodyLeftEmpty,
    definiteAssignments: isTypeScript ? planDefiniteAssignments(classNode, moved) : [],
  };
}

/**
 * Whether the file is written in TypeScript, so new code may carry types: by its name (`.ts`,
 * `.mts`, `.cts`, `.tsx` yes; `.js` and friends no, whatever parsed them), else (a virtual name
 * such as `<input>`) by its parser: typescript-eslint gives parser services with node maps.
 */
export function isTypeScriptSource(sourceCode: SourceCode, filename?: string): boolean {
  if (filename !== undefined && /\.[cm]?tsx?$/u.test(filename)) {
    return true;
  }
  if (filename !== undefined && /\.[cm]?jsx?$/u.test(filename)) {
    return false;
  }
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: unknown } | undefined;
  return services?.esTreeNodeToTSNodeMap !== undefined;
}

/** The statement a reported expression stands for, when it is one the transforms can move. */
function getMovableStatement(
  node: TSESTree.Node,
  body: TSESTree.BlockStatement,
  sourceCode: SourceCode,
): MovedStatement | undefined {
  const parent = node.parent;
  let statement: TSESTree.Node | undefined;
  let form: MoveForm | undefined;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    statement = parent;
    form = { type: 'await' };
  } else if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') {
    statement = parent.parent;
    const operator = sourceCode.getFirstToken(parent);
    form = operator ? { type: 'void', operator } : undefined;
  } else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === node
  ) {
    const left = skipTypeWrappers(parent.left);
    if (
      left.type === AST_NODE_TYPES.MemberExpression &&
      left.object.type === AST_NODE_TYPES.ThisExpression &&
      !left.computed &&
      !left.optional
    ) {
      statement = parent.parent;
      form = { type: 'ready', field: left, fieldName: sourceCode.getText(left.property) };
    }
  }
  if (
    !form ||
    statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
    statement.parent !== body ||
    // A directive (`'use strict'`) is not work. (oxlint writes `directive: null` on other statements.)
    typeof statement.directive === 'string'
  ) {
    return undefined;
  }
  return { statement, form, range: getStatementRange(statement, sourceCode) };
}

/** The statement with the comments that belong to it: own-line comments before, same-line after. */
function getStatementRange(statement: TSESTree.Node, sourceCode: SourceCode): [number, number] {
  let start = statement.range[0];
  const previous = sourceCode.getTokenBefore(statement, { includeComments: false });
  for (const comment of sourceCode.getCommentsBefore(statement)) {
    if (!previous || comment.loc.start.line > previous.loc.end.line) {
      start = Math.min(start, comment.range[0]);
    }
  }
  let end = statement.range[1];
  const next = sourceCode.getTokenAfter(statement, { includeComments: false });
  for (const comment of sourceCode.getCommentsAfter(statement)) {
    if (comment.loc.start.line === statement.loc.end.line && (!next || comment.loc.start.line < next.loc.start.line)) {
      end = Math.max(end, comment.range[1]);
    }
  }
  return [start, end];
}

/**
 * The constructor parameters the moved code reads. `undefined` when it reads something that
 * cannot come along: a constructor local, `arguments`, or a parameter the constructor reassigns.
 */
function findParameterReads(
  constructorFunction: TSESTree.FunctionExpression,
  moved: readonly MovedStatement[],
  sourceCode: SourceCode,
): TSESTree.Identifier[] | undefined {
  const reads: TSESTree.Identifier[] = [];
  const inMoved = (node: TSESTree.Node): boolean =>
    moved.some(({ statement }) => node.range[0] >= statement.range[0] && node.range[1] <= statement.range[1]);
  const functionScope = sourceCode.scopeManager?.acquire(constructorFunction);
  if (!functionScope) {
    return undefined;
  }
  const parameterVariables = new Set(
    sourceCode.getDeclaredVariables(constructorFunction).filter((variable) =>
      variable.defs.some((definition) => definition.type === 'Parameter'),
    ),
  );
  // Every scope inside the constructor (the function's own, blocks, callbacks...).
  const scopes = [functionScope];
  for (let index = 0; index < scopes.length; index++) {
    scopes.push(...scopes[index]!.childScopes);
  }
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      const isParameter = parameterVariables.has(variable);
      const isReassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
      for (const reference of variable.references) {
        if (!inMoved(reference.identifier)) {
          continue;
        }
        // A variable declared inside the moved code itself moves with it.
        const declaredInMoved = variable.defs.every((definition) => inMoved(definition.name));
        if (declaredInMoved) {
          continue;
        }
        if (!isParameter || isReassigned || variable.name === 'arguments') {
          return undefined;
        }
        reads.push(reference.identifier as TSESTree.Identifier);
      }
    }
  }
  // `arguments` of the constructor is an implicit variable with no definitions.
  const argumentsVariable = functionScope.set.get('arguments');
  if (argumentsVariable?.references.some((reference) => inMoved(reference.identifier))) {
    return undefined;
  }
  return reads;
}

/** The constructor reads a field the moved code assigns (`this.ready`): it would be unset then. */
function readsReadyFieldEarly(
  body: TSESTree.BlockStatement,
  moved: readonly MovedStatement[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  const readyFields = new Set(moved.flatMap(({ form }) => (form.type === 'ready' ? [form.fieldName] : [])));
  if (readyFields.size === 0) {
    return false;
  }
  let found = false;
  for (const statement of body.body) {
    if (moved.some((entry) => entry.statement === statement)) {
      continue;
    }
    walk(statement, visitorKeys, (node) => {
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        (node.computed || readyFields.has(node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : (node.property as TSESTree.Identifier).name))
      ) {
        found = true;
      }
    });
  }
  return found;
}

/**
 * The moved work runs after the whole constructor. That is safe when what the constructor does
 * after it only stores values the work cannot see: a local, or a field (`this.cache = new Map()`)
 * that neither the moved code nor any other member of the class reads. A call there
 * (`client.close()`, `this.emit('started')`) would now run before the work instead of after its
 * start, and a field the work may read (`this.mode = 'ready'`) would now be set when it reads it;
 * the work then stays in place, recorded.
 */
function isInertAfterMovedWork(
  classNode: ClassNode,
  body: TSESTree.BlockStatement,
  moved: readonly MovedStatement[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  const first = body.body.findIndex((statement) => moved.some((entry) => entry.statement === statement));
  let isRead: ((field: string) => boolean) | undefined;
  return body.body.slice(first + 1).every((statement) => {
    if (moved.some((entry) => entry.statement === statement) || statement.type === AST_NODE_TYPES.EmptyStatement) {
      return true;
    }
    const isStore =
      (statement.type === AST_NODE_TYPES.ExpressionStatement &&
        statement.expression.type === AST_NODE_TYPES.AssignmentExpression) ||
      statement.type === AST_NODE_TYPES.VariableDeclaration;
    if (!isStore) {
      return false;
    }
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const target = skipTypeWrappers(statement.expression.left);
      const field =
        target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression && !target.computed
          ? getFieldName(target)
          : undefined;
      // A store to anything but a field of the instance (a module variable, an option) may be read by the work.
      if (field === undefined) {
        return false;
      }
      isRead ??= findFieldReads(classNode, moved, visitorKeys);
      if (isRead(field)) {
        return false;
      }
    }
    let calls = false;
    walk(statement, visitorKeys, (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
        node.type === AST_NODE_TYPES.ImportExpression
      ) {
        // A call inside a function that is only defined here runs later: still a store.
        calls ||= !isInsideFunction(node, statement);
      }
    });
    return !calls;
  });
}

function getFieldName(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier
    ? `#${member.property.name}`
    : member.property.type === AST_NODE_TYPES.Identifier
      ? member.property.name
      : undefined;
}

/**
 * Fields (`this.x`) read by the moved code or by any member of the class other than the
 * constructor: what the work may read while it runs. A computed read (`this[key]`) reads them all.
 */
function findFieldReads(
  classNode: ClassNode,
  moved: readonly MovedStatement[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): (field: string) => boolean {
  const fields = new Set<string>();
  const visit = (root: TSESTree.Node): void => {
    walk(root, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = node.computed ? '*' : getFieldName(node);
        if (name !== undefined) {
          fields.add(name);
        }
      }
    });
  };
  for (const { statement } of moved) {
    visit(statement);
  }
  for (const member of classNode.body.body) {
    if (!(member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor')) {
      visit(member);
    }
  }
  return (field) => fields.has('*') || fields.has(field);
}

/** The constructor has a `return` of its own: work after it may not run, so it cannot move. */
function hasOwnReturn(constructorFunction: TSESTree.FunctionExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(constructorFunction.body, visitorKeys, (node) => {
    if (found || isFunctionNode(node) || isClassNode(node)) {
      return 'skip';
    }
    found = node.type === AST_NODE_TYPES.ReturnStatement;
    return undefined;
  });
  return found;
}

/**
 * `new Promise((resolve) => { emitter.once('ready', resolve); … })`: the promise settles on an
 * event, which may only come once the caller uses the object. Awaiting it in the factory or the
 * initialiser could wait forever, so such work does not move.
 */
function waitsForAnEvent(statement: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(statement, visitorKeys, (node) => {
    if (
      found ||
      node.type !== AST_NODE_TYPES.NewExpression ||
      node.callee.type !== AST_NODE_TYPES.Identifier ||
      node.callee.name !== 'Promise' ||
      !isFunctionNode(node.arguments[0])
    ) {
      return;
    }
    const executor = node.arguments[0];
    const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
    const callsSettler = (root: TSESTree.Node): boolean => {
      let calls = false;
      walk(root, visitorKeys, (child) => {
        calls ||=
          child.type === AST_NODE_TYPES.CallExpression &&
          child.callee.type === AST_NODE_TYPES.Identifier &&
          settlers.has(child.callee.name);
      });
      return calls;
    };
    walk(executor.body, visitorKeys, (child) => {
      if (
        child.type === AST_NODE_TYPES.CallExpression &&
        child.callee.type === AST_NODE_TYPES.MemberExpression &&
        !child.callee.computed &&
        child.callee.property.type === AST_NODE_TYPES.Identifier &&
        isSubscribeMethodName(child.callee.property.name) &&
        child.arguments.some(
          (argument) =>
            (argument.type === AST_NODE_TYPES.Identifier && settlers.has(argument.name)) ||
            (isFunctionNode(argument) && callsSettler(argument.body)),
        )
      ) {
        found = true;
      }
    });
  });
  return found;
}

function isInsideFunction(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) {
    if (isFunctionNode(current)) {
      return true;
    }
  }
  return false;
}

function getLineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

function startsItsLine(sourceCode: SourceCode, node: { loc: TSESTree.SourceLocation }): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, node.loc.start.column).trim() === '';
}

/** The layout of a method (the constructor, or any method with a body): its members' and its body's indentation. */
export function getMemberLayout(
  constructorNode: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
  sourceCode: SourceCode,
): Layout {
  return getLayout(constructorNode, sourceCode);
}

function getLayout(constructorNode: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }, sourceCode: SourceCode): Layout {
  if (constructorNode.loc.start.line === constructorNode.loc.end.line) {
    return { newline: ' ', memberIndent: '', bodyIndent: '', indentUnit: '', inline: true };
  }
  const newline = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const memberIndent = getLineIndent(sourceCode, constructorNode.loc.start.line);
  const first = constructorNode.value.body.body.find((statement) => startsItsLine(sourceCode, statement));
  let bodyIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  if (!bodyIndent.startsWith(memberIndent) || bodyIndent.length <= memberIndent.length) {
    const unit = memberIndent.includes('\t') ? '\t' : '  ';
    bodyIndent = memberIndent + unit;
  }
  return { newline, memberIndent, bodyIndent, indentUnit: bodyIndent.slice(memberIndent.length), inline: false };
}

/** Edits that take the moved statements out, whole lines where they stand alone. */
function planRemovals(
  body: TSESTree.BlockStatement,
  moved: readonly MovedStatement[],
  sourceCode: SourceCode,
): { removals: Edit[]; bodyLeftEmpty: boolean } {
  const inMoved = (range: readonly [number, number]): boolean =>
    moved.some((entry) => range[0] >= entry.range[0] && range[1] <= entry.range[1]);
  const remainingStatements = body.body.filter((statement) => !moved.some((entry) => entry.statement === statement));
  const remainingComments = sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] > body.range[0] && comment.range[1] < body.range[1] && !inMoved(comment.range));
  if (remainingStatements.length === 0 && remainingComments.length === 0) {
    return { removals: [{ range: body.range, text: '{}' }], bodyLeftEmpty: true };
  }
  const text = sourceCode.text;
  const removals = moved.map(({ range }): Edit => {
    const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
    const newlineAt = text.indexOf('\n', range[1]);
    const lineEnd = newlineAt === -1 ? text.length : newlineAt;
    if (text.slice(lineStart, range[0]).trim() === '' && text.slice(range[1], lineEnd).trim() === '' && newlineAt !== -1) {
      return { range: [lineStart, lineEnd + 1], text: '' };
    }
    // Shares its line with other code: take the statement and the blanks that separate it.
    const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';
    if (text.slice(lineStart, range[0]).trim() === '') {
      let end = range[1];
      while (isBlank(text[end])) {
        end++;
      }
      return { range: [range[0], end], text: '' };
    }
    let start = range[0];
    while (start > lineStart && isBlank(text[start - 1])) {
      start--;
    }
    return { range: [start, range[1]], text: '' };
  });
  return { removals, bodyLeftEmpty: false };
}

/** `readonly ready: Promise<void>;`, or a `readonly` parameter property of that name. */
function isReadonlyField(classNode: ClassNode, constructorNode: ConstructorNode, name: string): boolean {
  return (
    findMembers(classNode, name).some((member) => 'readonly' in member && member.readonly) ||
    constructorNode.value.params.some(
      (param) =>
        param.type === AST_NODE_TYPES.TSParameterProperty &&
        param.readonly &&
        (param.parameter.type === AST_NODE_TYPES.Identifier
          ? param.parameter.name
          : param.parameter.left.type === AST_NODE_TYPES.Identifier
            ? param.parameter.left.name
            : undefined) === name,
    )
  );
}

/**
 * `ready: Promise<void>;` is assigned in the constructor today; once the assignment moves out,
 * `--strictPropertyInitialization` wants `ready!: Promise<void>;`.
 */
function planDefiniteAssignments(classNode: ClassNode, moved: readonly MovedStatement[]): Edit[] {
  const edits: Edit[] = [];
  for (const { form } of moved) {
    if (form.type !== 'ready') {
      continue;
    }
    for (const member of findMembers(classNode, form.fieldName)) {
      if (
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.value &&
        !member.optional &&
        !member.definite &&
        !member.declare &&
        member.typeAnnotation &&
        !edits.some((edit) => edit.range[0] === member.key.range[1])
      ) {
        edits.push({ range: [member.key.range[1], member.key.range[1]], text: '!' });
      }
    }
  }
  return edits;
}

/** Applies edits that lie inside `[start, end)` to that slice of the source. */
export function applyEdits(text: string, start: number, end: number, edits: readonly Edit[]): string {
  let result = '';
  let position = start;
  // At the same position an insertion goes before a replacement (`await ` before `this` → `db`).
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (const edit of sorted) {
    if (edit.range[0] < position || edit.range[1] > end) {
      continue;
    }
    result += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return result + text.slice(position, end);
}

/**
 * The moved statements as they read in their new home, one entry per line group:
 * `await work;`, `await work;` for `void work;`, and `this.ready = work;` + `await this.ready;`.
 * `object` is how the instance is written there (`this` in a method, `db` in the factory).
 */
export function writeMovedStatements(
  plan: MovePlan,
  sourceCode: SourceCode,
  object: string,
  extraEdits: readonly Edit[] = [],
): string[] {
  const text = sourceCode.text;
  const thisEdits: Edit[] =
    object === 'this' ? [] : plan.thisNodes.map((node) => ({ range: node.range, text: object }));
  const lines: string[] = [];
  for (const { statement, form, range } of plan.moved) {
    const edits = [...thisEdits, ...extraEdits];
    if (form.type === 'await') {
      edits.push({ range: [statement.expression.range[0], statement.expression.range[0]], text: 'await ' });
    } else if (form.type === 'void') {
      edits.push({ range: form.operator.range, text: 'await' });
    }
    // A statement that relied on ASI (minified code: `…})}`) gets its `;`: the next line may share its line.
    if (sourceCode.getLastToken(statement)?.value !== ';') {
      edits.push({ range: [statement.range[1], statement.range[1]], text: ';' });
    }
    lines.push(plan.layout.bodyIndent + applyEdits(text, range[0], range[1], edits));
    if (form.type === 'ready') {
      const field = applyEdits(text, form.field.range[0], form.field.range[1], edits);
      lines.push(`${plan.layout.bodyIndent}await ${field};`);
    }
  }
  return lines;
}

/**
 * Where new members go and what happens to the constructor: when nothing is left of it (no
 * parameters, statements, comments or modifiers, no base class) it is replaced by the new
 * members; otherwise they follow it (after any comment on its last line).
 */
export function placeMembers(
  plan: MovePlan,
  sourceCode: SourceCode,
  members: readonly string[],
  keepConstructor: boolean,
): Edit[] {
  const { constructorNode, layout } = plan;
  const separator = layout.inline ? ' ' : layout.newline + layout.newline;
  const joined = members.join(separator);
  const removable =
    !keepConstructor &&
    plan.bodyLeftEmpty &&
    !hasConstructorOverloads(plan.classNode) &&
    constructorNode.value.params.length === 0 &&
    !constructorNode.accessibility &&
    !plan.classNode.superClass &&
    // Comments in the body are in moved statements (`bodyLeftEmpty`); any other one keeps it.
    sourceCode
      .getCommentsInside(constructorNode)
      .every((comment) => comment.range[0] > constructorNode.value.body.range[0]) &&
    !hasOwnLineCommentsAround(constructorNode, sourceCode);
  if (removable) {
    return [{ range: constructorNode.range, text: joined.slice(layout.memberIndent.length) }];
  }
  let end = constructorNode.range[1];
  for (const comment of sourceCode.getCommentsAfter(constructorNode)) {
    if (comment.loc.start.line === constructorNode.loc.end.line) {
      end = comment.range[1];
    }
  }
  return [
    ...plan.removals,
    { range: [end, end], text: (layout.inline ? ' ' : separator) + joined },
  ];
}

function hasOwnLineCommentsAround(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  return (
    sourceCode.getCommentsBefore(node).length > 0 ||
    sourceCode.getCommentsAfter(node).some((comment) => comment.loc.start.line === node.loc.end.line)
  );
}


/** A fixer function applying `edits` as one fix, or `null` when they overlap (never a broken edit). */
export function toFixer(edits: readonly Edit[]): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const sorted: Edit[] = [];
  // Insertions at one place become one edit, in the order they were planned.
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const last = sorted.at(-1);
    if (last && last.range[0] === last.range[1] && last.range[1] === edit.range[0]) {
      sorted[sorted.length - 1] = { range: [last.range[0], edit.range[1]], text: last.text + edit.text };
      continue;
    }
    sorted.push(edit);
  }
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.range[0] < sorted[index - 1]!.range[1]) {
      return null;
    }
  }
  return (fixer) => sorted.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

/** A method's text in the plan's layout: header line, body lines (already indented), closing brace. */
export function writeMethod(plan: { layout: Layout }, header: string, bodyLines: readonly string[]): string {
  const { layout } = plan;
  return [`${layout.memberIndent}${header} {`, ...bodyLines, `${layout.memberIndent}}`].join(layout.newline);
}

/** espree leaves `decorators` out where typescript-eslint gives an empty list. */
function hasDecorators(node: { decorators?: readonly TSESTree.Decorator[] | undefined }): boolean {
  return (node.decorators?.length ?? 0) > 0;
}

/**
 * Every reference to the class's name in this file: its outer and inner bindings, or the constant
 * binding of an anonymous class expression.
 */
function getClassReferences(classNode: ClassNode, sourceCode: SourceCode): TSESTree.Identifier[] {
  const references: TSESTree.Identifier[] = [];
  const binding = getAnonymousClassBinding(classNode, sourceCode);
  for (const variable of [...sourceCode.getDeclaredVariables(classNode), ...(binding ? [binding] : [])]) {
    for (const reference of variable.references) {
      if (
        reference.identifier.type === AST_NODE_TYPES.Identifier &&
        !reference.isWrite() &&
        !references.includes(reference.identifier)
      ) {
        references.push(reference.identifier);
      }
    }
  }
  return references;
}

/** A class in this file extends `classNode` (`class Child extends Db`). */
export function isExtendedInFile(classNode: ClassNode, sourceCode: SourceCode): boolean {
  return getClassReferences(classNode, sourceCode).some((reference) => {
    const parent = reference.parent;
    return isClassNode(parent) && parent.superClass === reference;
  });
}

/**
 * Same-file `new Db(…)` inside async functions (outside the constructor), where a transform can
 * make the caller await: the callee written right after `new`, with no comment between. A module's
 * top level is left alone although `require-awaited-init` (`canAwaitAt`) counts it as awaitable:
 * a fix has no types to tell an ES module from a CommonJS file that ESLint parses as one (its
 * default `sourceType` for `.js`), where a top-level `await` would not run. Those constructions stay,
 * so the transforms record the work instead of moving it (`hasUnrewrittenConstructions`).
 */
export function findCallSites(
  plan: { classNode: ClassNode; constructorNode?: ConstructorNode | undefined },
  sourceCode: SourceCode,
): { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] {
  const sites: { call: TSESTree.NewExpression; callee: TSESTree.Identifier }[] = [];
  const constructorRange = plan.constructorNode?.range ?? [0, 0];
  for (const callee of getClassReferences(plan.classNode, sourceCode)) {
    const call = callee.parent;
    if (
      call.type !== AST_NODE_TYPES.NewExpression ||
      call.callee !== callee ||
      (call.range[0] >= constructorRange[0] && call.range[1] <= constructorRange[1]) ||
      !isInAsyncFunction(call)
    ) {
      continue;
    }
    const newToken = sourceCode.getFirstToken(call);
    const calleeToken = newToken && sourceCode.getTokenAfter(newToken);
    if (newToken && calleeToken?.range[0] === callee.range[0] && !sourceCode.commentsExistBetween(newToken, callee)) {
      sites.push({ call, callee });
    }
  }
  return sites;
}

/**
 * Same-file `new Db(…)` outside the class that {@link findCallSites} leaves as they are (outside
 * async code, say): moving the work out of the constructor would leave those instances without it.
 */
export function hasUnrewrittenConstructions(
  plan: { classNode: ClassNode; constructorNode?: ConstructorNode | undefined },
  sourceCode: SourceCode,
): boolean {
  const rewritten = new Set(findCallSites(plan, sourceCode).map(({ call }) => call));
  const { classNode } = plan;
  return getClassReferences(classNode, sourceCode).some((callee) => {
    const call = callee.parent;
    return (
      call.type === AST_NODE_TYPES.NewExpression &&
      call.callee === callee &&
      !rewritten.has(call) &&
      !(call.range[0] >= classNode.range[0] && call.range[1] <= classNode.range[1])
    );
  });
}

/** Whether the class, or a static member of a same-file ancestor, already has a member named like the factory. */
export function isFactoryNameTaken(classNode: ClassNode, factoryName: string, sourceCode: SourceCode): boolean {
  return (
    findMembers(classNode, factoryName, true).length > 0 ||
    findMembers(classNode, factoryName, false).length > 0 ||
    getSameFileAncestors(classNode, sourceCode).some((ancestor) => findMembers(ancestor, factoryName, true).length > 0)
  );
}

/** Whether `node` runs in an async function, where it can be awaited (not in a field initialiser or static block). */
export function isInAsyncFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current.async;
    }
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return false;
    }
  }
  return false;
}

/** `await x` binds looser than member access, calls, `!` and the left side of `**`. */
export function needsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return false;
  }
}

/**
 * The names the recorded shape writes: the work the constructor starts is handed to
 * `this.#trackInit(work)` where it stands, which keeps it in `#pendingInit`; the factory or the
 * awaitable class's initialiser awaits `Promise.all(…#pendingInit)`. /work/notes/recorded-shape.md
 * and src/analysis/awaited-by-class.ts describe the same shape.
 */
export const PENDING_FIELD = '#pendingInit';
export const TRACK_METHOD = '#trackInit';

/**
 * Keeping the work where it is and recording the promise it starts: the plan for constructors
 * whose work cannot leave without changing what runs (a branch, a loop, a local, a later statement
 * that needs what the work set up, a field initialiser, several pieces of work).
 */
export interface RecordPlan {
  classNode: ClassNode;
  constructorNode: ConstructorNode | undefined;
  isTypeScript: boolean;
  layout: Layout;
  /** `this.#trackInit(` before and `)` after each piece of work. */
  wraps: Edit[];
}

/** A class's plan, made once and shared by both transforms. */
export interface ClassPlan {
  /** Every piece of work can leave the constructor (`undefined` when one cannot). */
  move: MovePlan | undefined;
  /** Every piece of work can be recorded where it stands, or why not. */
  record: RecordPlan | { decline: string };
}

const classPlans = new WeakMap<ClassNode, { works: readonly ConstructionWork[]; plan: ClassPlan }>();

/**
 * Plans a class's fixes once: both transforms ask for the same class with the same work in one
 * lint, and get the same plan.
 */
export function planClass(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  filename?: string,
): ClassPlan {
  const cached = classPlans.get(classNode);
  if (cached && cached.works.length === works.length && cached.works.every((work, index) => work.work.node === works[index]?.work.node)) {
    return cached.plan;
  }
  const movable = works.every((work) => !work.background && (!work.via || work.via.returnsWork));
  const plan: ClassPlan = {
    move: movable ? planMove(classNode, works.map(({ work }) => work.node), sourceCode, filename) : undefined,
    record: planRecord(classNode, works, sourceCode, filename),
  };
  classPlans.set(classNode, { works, plan });
  return plan;
}

/**
 * Plans recording every piece of work where it stands, or says why it cannot be:
 * background work (never awaited), work one call away (the wrapper's result is not its promise),
 * the constructor's `return` of a promise, an async callback of an array method other than a
 * statement `items.forEach(async …)` / `items.map(async …)` (recorded as `Promise.all(items.map(…))`)
 * or `this.subs = items.map(async …)` (recorded as `Promise.all(this.subs = items.map(…))`), work where `this` is not the instance (a nested `function`, a parameter default,
 * before `super()`), a promise settled by an event (awaiting it could wait forever), decorators,
 * and a class that already uses the recorded shape's names.
 */
export function planRecord(
  classNode: ClassNode,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
  filename?: string,
): RecordPlan | { decline: string } {
  const constructorNode = getConstructor(classNode);
  if (works.length === 0) {
    return { decline: 'no work' };
  }
  if (hasDecorators(classNode) || constructorNode?.value.params.some(hasDecorators)) {
    return { decline: 'decorators' };
  }
  if ([PENDING_FIELD, TRACK_METHOD].some((name) => findMembers(classNode, name).length > 0 || findMembers(classNode, name, true).length > 0)) {
    return { decline: 'recorded-shape names taken' };
  }
  const superStatement = classNode.superClass && constructorNode ? findSuperStatement(constructorNode) : undefined;
  const wraps: Edit[] = [];
  for (const { work, background, via } of works) {
    const decline = background
      ? 'background work'
      : via && !via.returnsWork
        ? 'work one call away'
        : work.returned
          ? 'constructor returns a promise'
          : undefined;
    if (decline) {
      return { decline };
    }
    if (work.kind === 'asyncCallback') {
      // `items.forEach(async (item) => …);` → `this.#trackInit(Promise.all(items.map(async (item) => …)));`
      // `this.subs = items.map(async …);` → `this.#trackInit(Promise.all(this.subs = items.map(async …)));`
      const call = work.node.parent;
      const assignment =
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.parent.type === AST_NODE_TYPES.AssignmentExpression &&
        call.parent.operator === '=' &&
        call.parent.right === call &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        call.callee.property.type === AST_NODE_TYPES.Identifier &&
        call.callee.property.name === 'map'
          ? call.parent
          : undefined;
      const recorded: TSESTree.Node | undefined = assignment ?? call;
      const statement = recorded?.parent;
      if (
        !recorded ||
        call?.type !== AST_NODE_TYPES.CallExpression ||
        call.arguments[0] !== work.node ||
        call.callee.type !== AST_NODE_TYPES.MemberExpression ||
        call.callee.computed ||
        call.callee.property.type !== AST_NODE_TYPES.Identifier ||
        !['forEach', 'map'].includes(call.callee.property.name) ||
        statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
        getThisOwner(call) !== constructorNode?.value ||
        (classNode.superClass && (!superStatement || call.range[0] < superStatement.range[1]))
      ) {
        return { decline: 'async callback of an array method' };
      }
      wraps.push(
        { range: [recorded.range[0], recorded.range[0]], text: `this.${TRACK_METHOD}(Promise.all(` },
        ...(call.callee.property.name === 'forEach' ? [{ range: call.callee.property.range, text: 'map' } as Edit] : []),
        { range: [recorded.range[1], recorded.range[1]], text: '))' },
      );
      continue;
    }
    const owner = getThisOwner(work.node);
    const inConstructor = constructorNode !== undefined && owner === constructorNode.value;
    const inField =
      (owner?.type === AST_NODE_TYPES.PropertyDefinition || owner?.type === AST_NODE_TYPES.AccessorProperty) &&
      owner.parent === classNode.body &&
      !owner.static;
    if (!inConstructor && !inField) {
      return { decline: 'work inside a nested function' };
    }
    if (inConstructor && !isWithin(work.node, constructorNode.value.body)) {
      return { decline: 'work in a parameter default' };
    }
    if (inConstructor && classNode.superClass && (!superStatement || work.node.range[0] < superStatement.range[1])) {
      return { decline: 'work before super()' };
    }
    if (waitsForAnEvent(work.node, sourceCode.visitorKeys)) {
      return { decline: 'waits for an event' };
    }
    // `this.connect()!`, `client?.connect()`, `work as Promise<void>`: the whole expression is recorded.
    const target = getOutermostWrapper(work.node);
    wraps.push(
      { range: [target.range[0], target.range[0]], text: `this.${TRACK_METHOD}(` },
      { range: [target.range[1], target.range[1]], text: ')' },
    );
  }
  return {
    classNode,
    constructorNode,
    isTypeScript: isTypeScriptSource(sourceCode, filename),
    layout: getClassLayout(classNode, constructorNode, sourceCode),
    wraps,
  };
}

/** The constructor's top-level `super(…);`, after which `this` is the instance. */
function findSuperStatement(constructorNode: ConstructorNode): TSESTree.Statement | undefined {
  return constructorNode.value.body.body.find(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Super,
  );
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The layout of the class body: the constructor's when there is one, else its first member's. */
function getClassLayout(classNode: ClassNode, constructorNode: ConstructorNode | undefined, sourceCode: SourceCode): Layout {
  const body = classNode.body;
  if (body.loc.start.line === body.loc.end.line) {
    return { newline: ' ', memberIndent: '', bodyIndent: '', indentUnit: '', inline: true };
  }
  if (constructorNode && constructorNode.loc.start.line !== constructorNode.loc.end.line) {
    return getLayout(constructorNode, sourceCode);
  }
  const newline = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const first = body.body.find((member) => startsItsLine(sourceCode, member));
  const classIndent = getLineIndent(sourceCode, classNode.loc.start.line);
  let memberIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  if (!memberIndent.startsWith(classIndent) || memberIndent.length <= classIndent.length) {
    memberIndent = classIndent + (classIndent.includes('\t') ? '\t' : '  ');
  }
  const indentUnit = memberIndent.slice(classIndent.length);
  return { newline, memberIndent, bodyIndent: memberIndent + indentUnit, indentUnit, inline: false };
}

/** `#pendingInit: unknown[] = [];` (TypeScript) or `#pendingInit = [];`. */
export function writePendingField(plan: RecordPlan): string {
  return `${plan.layout.memberIndent}${PENDING_FIELD}${plan.isTypeScript ? ': unknown[]' : ''} = [];`;
}

/**
 * The method that records a piece of work and returns it unchanged (a stored promise keeps its
 * field): handled at once, so a caller that awaits late meets no unhandled rejection, while the
 * await of `awaitedBy` still rejects with the failure.
 */
export function writeTrackMethod(plan: RecordPlan, awaitedBy: string): string {
  const { layout, isTypeScript } = plan;
  return writeMethod(plan, `${TRACK_METHOD}${isTypeScript ? '<T>(work: T): T' : '(work)'}`, [
    // On one line (the class is written so) a line comment would swallow the rest of the class.
    layout.inline
      ? `/* Handled here so that a late await is no unhandled rejection; ${awaitedBy} still rejects with it. */`
      : `${layout.bodyIndent}// Handled here so that a late await is no unhandled rejection; ${awaitedBy} still rejects with it.`,
    `${layout.bodyIndent}Promise.resolve(work).catch(() => {});`,
    `${layout.bodyIndent}this.${PENDING_FIELD}.push(work);`,
    `${layout.bodyIndent}return work;`,
  ]);
}

/**
 * The edits of a recorded fix: the work wrapped where it stands, `lead` fields first in the class
 * body (`#pendingInit` must exist before any field initialiser records into it), `members` after
 * the constructor (or the fields, when there is none), and `#trackInit` last.
 */
export function placeRecordedMembers(
  plan: RecordPlan,
  sourceCode: SourceCode,
  lead: readonly string[],
  members: readonly string[],
  trackMethod: string,
): Edit[] {
  const { classNode, constructorNode, layout } = plan;
  const text = sourceCode.text;
  const body = classNode.body.body;
  const first = body[0]!;
  const last = body.at(-1)!;
  const edits: Edit[] = [...plan.wraps];
  const blank = layout.inline ? ' ' : layout.newline + layout.newline;
  if (layout.inline || !startsItsLine(sourceCode, first)) {
    edits.push({ range: [first.range[0], first.range[0]], text: lead.map((field) => field.trimStart()).join(' ') + ' ' });
  } else {
    const start = getLeadingCommentStart(first, sourceCode);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const separator = first.type === AST_NODE_TYPES.PropertyDefinition ? layout.newline : blank;
    edits.push({ range: [lineStart, lineStart], text: lead.join(layout.newline) + separator });
  }
  const anchor =
    constructorNode ??
    body.findLast((member) => member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) ??
    first;
  const anchorEnd = getTrailingCommentEnd(anchor, sourceCode);
  if (members.length > 0) {
    edits.push({ range: [anchorEnd, anchorEnd], text: blank + members.join(blank) });
  }
  const lastEnd = getTrailingCommentEnd(last, sourceCode);
  edits.push({ range: [lastEnd, lastEnd], text: blank + trackMethod });
  return edits;
}

function getLeadingCommentStart(node: TSESTree.Node, sourceCode: SourceCode): number {
  const previous = sourceCode.getTokenBefore(node);
  let start = node.range[0];
  for (const comment of sourceCode.getCommentsBefore(node)) {
    if (!previous || comment.loc.start.line > previous.loc.end.line) {
      start = Math.min(start, comment.range[0]);
    }
  }
  return start;
}

function getTrailingCommentEnd(node: TSESTree.Node, sourceCode: SourceCode): number {
  let end = node.range[1];
  for (const comment of sourceCode.getCommentsAfter(node)) {
    if (comment.loc.start.line === node.loc.end.line) {
      end = comment.range[1];
    }
  }
  return end;
}
