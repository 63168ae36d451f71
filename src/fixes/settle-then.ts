import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findMembers,
  getMemberName,
  getPropertyName,
  getSameFileAncestors,
  isFunctionNode,
  isGlobalReference,
  skipTypeWrappers,
  walk,
  type ClassNode,
  getNewline,
} from '../utils/ast.js';
import { isTypeScriptSource } from './plan/layout.js';
import { getValueParameters, isSelf, type SelfScope, type ThenFunction } from '../analysis/thenable.js';

/**
 * The suggestion for a self-resolving `then`: replace it with the settled `then` of the awaitable-class
 * transform ({@link buildSettledThen}), which waits on the same promise, then shadows itself with an
 * own `then: undefined` and fulfils with the instance. Made only when the old `then` is one statement
 * whose meaning the new one keeps: fulfil with `this` at once (`resolve(this)`,
 * `return Promise.resolve(this).then(onfulfilled, onrejected)`, `async then() { return this }`), or
 * once a promise has fulfilled (`return this.ready.then(() => this)`,
 * `this.ready.then(() => resolve(this), reject)`, `async then() { await this.ready; return this }`).
 */

/** What {@link buildSettledThen} needs to know about the class it writes into. */
export interface SettledThenOptions {
  /** The indentation of the member itself (the class body's members), e.g. two spaces. */
  indent: string;
  /** One level of indentation, added for the member's body, e.g. two spaces or a tab. */
  indentUnit: string;
  /** Write TypeScript (generic, typed parameters); otherwise plain JavaScript. */
  isTypeScript: boolean;
  /**
   * The field that remembers the initialisation promise, as written after `this.`:
   * `#init` (a private name the class must declare: see {@link buildInitField}).
   */
  initField: string;
  /** The call that starts the initialisation and returns its promise: `this.#initialize()`. */
  initializerCall: string;
  /** The line break to use (take it from the file); default `\n`. A space writes it all on one line. */
  newline?: string;
}

/**
 * The source text of a `then` member that runs the initialisation once, fulfils with the instance
 * itself, and stops being a thenable once the work has fulfilled. Every line starts with
 * `options.indent`; there is no trailing line break.
 *
 * TypeScript output (with `indent: '  '`, `initField: '#init'`, `initializerCall: 'this.#initialize()'`):
 *
 * ```ts
 *   then<T = Omit<this, 'then'>, E = never>(
 *     onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
 *     onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
 *   ): Promise<T | E> {
 *     this.#init ??= this.#initialize().then(() => {
 *       Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
 *     });
 *     return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
 *   }
 * ```
 *
 * The fulfilled value is typed `Omit<this, 'then'>`: typing it `this` makes TypeScript reject the
 * member (error 1062, a `then` whose callback receives a thenable), and it is also the truth:
 * the awaited instance no longer has a `then`. JavaScript output is the same without the types.
 */
export function buildSettledThen(options: SettledThenOptions): string {
  const { indent, indentUnit, isTypeScript, initField, initializerCall } = options;
  const inner = indent + indentUnit;
  const field = `this.${initField}`;
  const newline = options.newline ?? '\n';
  const fulfilled = "onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null";
  const rejected = 'onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null';
  const typeParameters = "<T = Omit<this, 'then'>, E = never>";
  let lines: string[];
  if (!isTypeScript) {
    // JSDoc types, so that typed linting of JavaScript (allowJs) reads no `any` here.
    const fulfilledDoc = '@param {((value: this) => unknown) | null} [onfulfilled]';
    const rejectedDoc = '@param {((reason: unknown) => unknown) | null} [onrejected]';
    lines = newline.includes('\n')
      ? [`${indent}/**`, `${indent} * ${fulfilledDoc}`, `${indent} * ${rejectedDoc}`, `${indent} */`, `${indent}then(onfulfilled, onrejected) {`]
      : [`${indent}/** ${fulfilledDoc} ${rejectedDoc} */ then(onfulfilled, onrejected) {`];
  } else if (newline.includes('\n')) {
    lines = [
      `${indent}then${typeParameters}(`,
      `${inner}${fulfilled},`,
      `${inner}${rejected},`,
      `${indent}): Promise<T | E> {`,
    ];
  } else {
    // Written on one line (the class is): no padding around the parameters.
    lines = [`${indent}then${typeParameters}(${fulfilled}, ${rejected}): Promise<T | E> {`];
  }
  lines.push(
    `${inner}${field} ??= ${initializerCall}.then(() => {`,
    `${inner}${indentUnit}Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });`,
    `${inner}});`,
    `${inner}return ${field}.then(() => this${isTypeScript ? " as Omit<this, 'then'>" : ''}).then(onfulfilled, onrejected);`,
    `${indent}}`,
  );
  return lines.join(newline);
}

/**
 * The declaration of the field {@link buildSettledThen} stores its promise in:
 * `#init: Promise<void> | undefined;` in TypeScript; in JavaScript `#init;` under a JSDoc
 * `@type` (on its own line, unless `newline` writes on one). Starts with `indent`.
 */
export function buildInitField({
  indent,
  isTypeScript,
  initField,
  newline = '\n',
}: Pick<SettledThenOptions, 'indent' | 'isTypeScript' | 'initField' | 'newline'>): string {
  if (isTypeScript) {
    return `${indent}${initField}: Promise<void> | undefined;`;
  }
  // A JSDoc type: typed linting of JavaScript (allowJs) would read `any` otherwise.
  const doc = '/** @type {Promise<void> | undefined} */';
  return newline.includes('\n') ? `${indent}${doc}${newline}${indent}${initField};` : `${indent}${doc} ${initField};`;
}

const INIT_FIELD = '#init';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The fix, or `null` when it cannot be made right. */
export function createSettleThenFix(
  container: ClassNode,
  then: ThenFunction,
  scope: SelfScope,
  filename: string,
): TSESLint.ReportFixFunction | null {
  const { sourceCode } = scope;
  const { member, fn } = then;
  if (
    member.type === AST_NODE_TYPES.Property ||
    member.parent.parent !== container ||
    findMembers(container, 'then').length !== 1 ||
    hasMemberNamed(container, INIT_FIELD) ||
    implementsPromiseLike(container) ||
    getSameFileAncestors(container, sourceCode).some((ancestor) => findMembers(ancestor, 'then').length > 0) ||
    hasModifiers(member) ||
    sourceCode.getCommentsInside(member).length > 0
  ) {
    return null;
  }
  const initializer = getSettledInitializer(fn, scope);
  const layout = getLayout(member, fn, sourceCode, filename);
  if (initializer === undefined || !layout) {
    return null;
  }
  const { indent, indentUnit, newline, isTypeScript } = layout;
  const field = buildInitField({ indent, isTypeScript, initField: INIT_FIELD, newline }) + newline;
  const settled = buildSettledThen({ indent, indentUnit, isTypeScript, initField: INIT_FIELD, initializerCall: initializer, newline });
  const lineStart = member.range[0] - indent.length;
  // The field goes above the comments that document `then`, so they stay with it.
  const fieldStart = getLeadingCommentsLineStart(member, sourceCode);
  if (fieldStart === undefined) {
    return (fixer) => fixer.replaceTextRange([lineStart, member.range[1]], field + settled);
  }
  return (fixer) => [
    fixer.insertTextBeforeRange([fieldStart, fieldStart], field),
    fixer.replaceTextRange([lineStart, member.range[1]], settled),
  ];
}

/** The start of the line of the first comment on its own line(s) right above `member`. */
function getLeadingCommentsLineStart(member: TSESTree.Node, sourceCode: SourceCode): number | undefined {
  const previous = sourceCode.getTokenBefore(member);
  const [first] = sourceCode
    .getCommentsBefore(member)
    .filter((comment) => !previous || comment.loc.start.line > previous.loc.end.line);
  if (!first) {
    return undefined;
  }
  const lineStart = sourceCode.text.lastIndexOf('\n', first.range[0] - 1) + 1;
  return /^[ \t]*$/.test(sourceCode.text.slice(lineStart, first.range[0])) ? lineStart : undefined;
}

/**
 * What the old `then` waited on before fulfilling with `this`, as source text for the new one's
 * initialiser (`this.ready`; `Promise.resolve()` when it fulfilled at once), or `undefined` when the
 * `then` is not one of the shapes this fix understands.
 */
function getSettledInitializer(fn: ThenFunction['fn'], scope: SelfScope): string | undefined {
  const params = getValueParameters(fn).map((param) => (param.type === AST_NODE_TYPES.Identifier ? param : undefined));
  if (params.length > 2 || params.some((param) => !param)) {
    return undefined;
  }
  const [onfulfilled, onrejected] = params;
  const isParam = (node: TSESTree.Node | undefined, param: TSESTree.Identifier | undefined): boolean =>
    param !== undefined && node?.type === AST_NODE_TYPES.Identifier && node.name === param.name;

  let statements: TSESTree.Node[];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    statements = fn.body.body;
  } else {
    statements = [fn.body];
  }
  if (fn.async) {
    // `async then() { return this }` / `async then() { await this.ready; return this }`
    const [first, second] = statements;
    const last = statements.length === 1 ? first : second;
    const returned = last?.type === AST_NODE_TYPES.ReturnStatement ? last.argument : fn.body === last ? last : undefined;
    if (statements.length > 2 || !isSelf(returned, scope)) {
      return undefined;
    }
    if (statements.length === 1) {
      return 'Promise.resolve()';
    }
    const awaited =
      first?.type === AST_NODE_TYPES.ExpressionStatement && first.expression.type === AST_NODE_TYPES.AwaitExpression
        ? first.expression.argument
        : undefined;
    return awaited && isSimplePromiseSource(awaited, params, scope) ? scope.sourceCode.getText(awaited) : undefined;
  }
  if (statements.length !== 1) {
    return undefined;
  }
  const [statement] = statements;
  let expression: TSESTree.Node | null | undefined =
    statement?.type === AST_NODE_TYPES.ReturnStatement
      ? statement.argument
      : statement?.type === AST_NODE_TYPES.ExpressionStatement
        ? statement.expression
        : statement;
  if (!expression) {
    return undefined;
  }
  expression = skipTypeWrappers(expression);
  // A trailing `.then(onfulfilled, onrejected)` passes the result on, as the new `then` does.
  if (isCallOf(expression, 'then') && isPassThrough(expression.arguments, onfulfilled, onrejected, isParam)) {
    expression = skipTypeWrappers((expression.callee as TSESTree.MemberExpression).object);
  }
  if (isFulfilWithSelf(expression, onfulfilled, scope, isParam)) {
    return 'Promise.resolve()';
  }
  // `ready.then(() => this)`, `ready.then(() => resolve(this), reject)`
  if (isCallOf(expression, 'then')) {
    const [callback, rejected] = expression.arguments;
    if (
      (rejected === undefined || isParam(rejected, onrejected)) &&
      callback &&
      isFunctionNode(callback) &&
      !callback.async &&
      callback.params.length === 0 &&
      fulfilsWithSelf(callback, onfulfilled, scope, isParam)
    ) {
      const source = skipTypeWrappers((expression.callee as TSESTree.MemberExpression).object);
      return isSimplePromiseSource(source, params, scope) ? scope.sourceCode.getText(source) : undefined;
    }
  }
  return undefined;
}

type IsParam = (node: TSESTree.Node | undefined, param: TSESTree.Identifier | undefined) => boolean;

/** `resolve(this)`, `resolve?.(this)`, `Promise.resolve(this)`. */
function isFulfilWithSelf(
  node: TSESTree.Node,
  onfulfilled: TSESTree.Identifier | undefined,
  scope: SelfScope,
  isParam: IsParam,
): boolean {
  const call = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || !isSelf(call.arguments[0], scope)) {
    return false;
  }
  const callee = call.callee;
  return (
    isParam(callee, onfulfilled) ||
    (callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(callee) === 'resolve' &&
      isGlobalReference(callee.object, 'Promise', scope.sourceCode))
  );
}

/** A callback that gives `this` (`() => this`, `() => { return this; }`) or fulfils the `then` with it. */
function fulfilsWithSelf(
  callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
  onfulfilled: TSESTree.Identifier | undefined,
  scope: SelfScope,
  isParam: IsParam,
): boolean {
  let body: TSESTree.Node | null | undefined = callback.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const [only] = body.body;
    if (body.body.length !== 1) {
      return false;
    }
    body = only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : undefined;
  }
  if (!body) {
    return false;
  }
  return isSelf(body, scope) || (onfulfilled !== undefined && isFulfilWithSelf(body, onfulfilled, scope, isParam));
}

function isPassThrough(
  args: readonly TSESTree.CallExpressionArgument[],
  onfulfilled: TSESTree.Identifier | undefined,
  onrejected: TSESTree.Identifier | undefined,
  isParam: IsParam,
): boolean {
  return args.length > 0 && isParam(args[0], onfulfilled) && (args.length === 1 || (args.length === 2 && isParam(args[1], onrejected)));
}

function isCallOf(node: TSESTree.Node, method: string): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    !node.callee.optional &&
    getPropertyName(node.callee) === method
  );
}

/**
 * A promise the new `then` can start with `<text>.then(…)` and keep: a name, a member access or a
 * call (no operator that would need parentheses), that neither reads the old `then`'s parameters
 * nor the `then` itself.
 */
function isSimplePromiseSource(
  node: TSESTree.Node,
  params: readonly (TSESTree.Identifier | undefined)[],
  scope: SelfScope,
): boolean {
  if (
    node.type !== AST_NODE_TYPES.Identifier &&
    node.type !== AST_NODE_TYPES.MemberExpression &&
    node.type !== AST_NODE_TYPES.CallExpression
  ) {
    return false;
  }
  const names = new Set(params.map((param) => param?.name));
  let ok = true;
  walk(node, scope.sourceCode.visitorKeys, (current) => {
    if (
      (current.type === AST_NODE_TYPES.Identifier && names.has(current.name)) ||
      (current.type === AST_NODE_TYPES.MemberExpression && getPropertyName(current) === 'then' && isSelf(current.object, scope)) ||
      current.type === AST_NODE_TYPES.ChainExpression ||
      isFunctionNode(current)
    ) {
      ok = false;
    }
    return ok ? undefined : 'skip';
  });
  return ok;
}

/**
 * `implements PromiseLike<Db>`: the settled `then` fulfils with `Omit<this, 'then'>` (the truth: the
 * instance has no `then` by then), which that interface's `then` does not accept.
 */
function implementsPromiseLike(container: ClassNode): boolean {
  const { implements: clauses } = container as Partial<ClassNode>;
  return (clauses ?? []).some(
    (clause) =>
      clause.expression.type === AST_NODE_TYPES.Identifier && ['Promise', 'PromiseLike'].includes(clause.expression.name),
  );
}

function hasMemberNamed(container: ClassNode, name: string): boolean {
  return container.body.body.some((member) => getMemberName(member) === name);
}

function hasModifiers(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  // espree leaves the TypeScript-only properties out, oxlint sets them to `null`: compare with `!= null`.
  const { decorators, accessibility, override, optional } = member as Partial<typeof member>;
  if ((decorators?.length ?? 0) > 0 || accessibility != null || override === true || optional === true) {
    return true;
  }
  if (member.type !== AST_NODE_TYPES.PropertyDefinition) {
    return false;
  }
  const { readonly, definite, typeAnnotation } = member as Partial<TSESTree.PropertyDefinition>;
  return readonly === true || definite === true || typeAnnotation != null;
}

interface Layout {
  indent: string;
  indentUnit: string;
  newline: string;
  isTypeScript: boolean;
}

/**
 * The member's indentation (it must start its line), one indentation level (from its body, else
 * the member's own indentation, else two spaces), the file's line break, and whether to write
 * TypeScript (a `.ts` name, or parsed by typescript-eslint and not a `.js` name).
 */
function getLayout(
  member: ThenFunction['member'],
  fn: ThenFunction['fn'],
  sourceCode: SourceCode,
  filename: string,
): Layout | undefined {
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', member.range[0] - 1) + 1;
  const indent = text.slice(lineStart, member.range[0]);
  if (!/^[ \t]*$/.test(indent)) {
    return undefined;
  }
  let indentUnit = indent.startsWith('\t') ? '\t' : indent.length > 0 ? indent : '  ';
  const [first] = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
  if (first && first.loc.start.line > member.loc.start.line) {
    const firstIndent = sourceCode.lines[first.loc.start.line - 1]?.slice(0, first.loc.start.column) ?? '';
    if (/^[ \t]*$/.test(firstIndent) && firstIndent.startsWith(indent) && firstIndent.length > indent.length) {
      indentUnit = firstIndent.slice(indent.length);
    }
  }
  const newline = getNewline(sourceCode);
  // The name first (oxlint gives no parser services), then the transforms' own test.
  const isTypeScript = /\.[cm]?tsx?$/i.test(filename) || isTypeScriptSource(sourceCode, filename);
  return { indent, indentUnit, newline, isTypeScript };
}
