import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getClassName,
  getConstructor,
  getPropertyName,
  getSameFileAncestors,
  isAmbientClass,
  isFunctionNode,
  walk,
  type ClassNode,
} from '../utils/ast.js';
import {
  createDisposableClassListeners,
  findDisposeMember,
  getAsyncOnlyFields,
  getConstructorAccess,
  getInstanceType,
  getStaticFactories,
  isAwaitableClass,
  isAwaitableClassByType,
  walkSameThis,
  type DisposeKind,
  type DisposeMember,
} from '../analysis/async-class.js';
import { collectConstructionWork } from '../analysis/construction-work.js';
import { createRule } from '../utils/create-rule.js';
import { shareFix } from '../utils/shared-fix.js';
import { createFactoryFix } from '../fixes/static-factory.js';
import { isTypeScriptSource } from '../fixes/plan/layout.js';
import { getTypeTier, type TypeTier } from '../analysis/types.js';

export type Options = [
  {
    checkAwaitableConstructor?: boolean;
    checkDisposeReads?: boolean;
  },
];

export type MessageIds = 'publicAwaitableConstructor' | 'unguardedDisposeRead' | 'guardRead' | 'suggestFactory';

export default createRule<Options, MessageIds>({
  name: 'async-dispose-requires-init',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow disposable classes whose asynchronous initialisation can be skipped before disposal',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      publicAwaitableConstructor:
        '`{{className}}` is awaitable and disposable, and its constructor is public: `{{using}} x = new {{className}}()` enters the scope before its initialisation ran, because `{{using}}` awaits only the disposal. Make the constructor private and create instances in a static async factory.',
      unguardedDisposeRead:
        '`{{dispose}}` reads `this.{{field}}`, which only `{{initMethod}}()` assigns: when that initialisation was skipped or failed, disposal throws at scope exit and hides the real error. Guard the read.',
      guardRead: 'Guard the read: `this.{{field}}?.`',
      suggestFactory:
        "Move the constructor's async work into `static async create()` behind a private constructor (call sites use `await {{className}}.create(…)`)",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkAwaitableConstructor: {
            type: 'boolean',
            description:
              'Report awaitable disposable classes whose constructor is public, so `await using x = new C()` can skip the initialisation.',
          },
          checkDisposeReads: {
            type: 'boolean',
            description:
              'Report reads in the dispose method of fields that only an async init method assigns, when they are not guarded.',
          },
        },
      },
    ],
    defaultOptions: [{ checkAwaitableConstructor: true, checkDisposeReads: true }],
  },
  defaultOptions: [{ checkAwaitableConstructor: true, checkDisposeReads: true }],
  create(context, [options]) {
    const { sourceCode } = context;
    const types = getTypeTier(context);
    const checkConstructor = options.checkAwaitableConstructor !== false;
    const checkReads = options.checkDisposeReads !== false;

    function checkClass(node: ClassNode): void {
      if (isAmbientClass(node)) {
        return;
      }
      const own = findDisposeMember(node, sourceCode, types);
      const disposeKind = own?.kind ?? findInheritedDisposeKind(node, sourceCode, types);
      if (!disposeKind) {
        return;
      }
      const constructorAccess = getConstructorAccess(node);
      if (checkConstructor && constructorAccess === 'public') {
        const awaitable = isAwaitableClass(node, sourceCode) || (types !== undefined && isAwaitableClassByType(node, types));
        if (awaitable) {
          context.report({
            node: getConstructor(node)?.key ?? node.id ?? sourceCode.getFirstToken(node) ?? node,
            messageId: 'publicAwaitableConstructor',
            data: { className: getClassName(node) ?? 'this class', using: disposeKind === 'asyncDispose' ? 'await using' : 'using' },
          });
        }
      }
      if (!checkReads || !own?.fn) {
        return;
      }
      const reads = findDereferencedFields(own.fn);
      // A private constructor behind a static async factory: instances exist only once initialised.
      if (reads.length === 0 || (constructorAccess !== 'public' && getStaticFactories(node, sourceCode).length > 0)) {
        return;
      }
      // Only the fields dispose dereferences are looked for in the rest of the class.
      const asyncOnly = getAsyncOnlyFields(node, sourceCode, new Set(reads.map(({ field }) => field)));
      const disposeName = `[${sourceCode.getText(own.member.key)}]`;
      let factory: TSESLint.ReportFixFunction | null | undefined;
      for (const { read, field } of reads) {
        const method = asyncOnly.get(field);
        if (method && !isGuarded(read, field, own.fn.body, sourceCode.visitorKeys)) {
          if (factory === undefined) {
            // One plan for the class, run once: every unguarded read offers it (`shareFix`).
            factory = shareFix(createDisposeFactoryFix(node), sourceCode);
          }
          context.report({
            node: read,
            messageId: 'unguardedDisposeRead',
            data: { dispose: disposeName, field, initMethod: method.name },
            suggest: [
              ...(isMechanicalGuard(getAsserted(read), own.fn)
                ? [{ messageId: 'guardRead' as const, data: { field }, fix: (fixer: TSESLint.RuleFixer) => guardFix(fixer, read) }]
                : []),
              ...(factory ? [{ messageId: 'suggestFactory' as const, data: { className: getClassName(node) ?? 'this class' }, fix: factory }] : []),
            ],
          });
        }
      }
    }

    /**
     * no-async-constructor's factory transform, where it makes the class fine for this rule: the
     * constructor (or a field initialiser) starts the async init, the file is TypeScript (the
     * constructor becomes `private`; in JS the class would stay reported), and the class is not
     * awaitable (`return instance` from the factory would run its `then`).
     */
    function createDisposeFactoryFix(node: ClassNode): ReturnType<typeof createFactoryFix> {
      if (
        !isTypeScriptSource(sourceCode, context.filename) ||
        isAwaitableClass(node, sourceCode) ||
        (types !== undefined && isAwaitableClassByType(node, types))
      ) {
        return null;
      }
      const found = collectConstructionWork(node, { sourceCode, types, checkFieldInitializers: true });
      if (found.length === 0) {
        return null;
      }
      return createFactoryFix(
        node,
        found,
        sourceCode,
        { factoryName: 'create', constructorVisibility: 'private', filename: context.filename },
      );
    }

    /** `this.f.x`, `this.f()`, `this.f!.x` in the dispose function (and arrow functions in it). */
    function findDereferencedFields(fn: NonNullable<DisposeMember['fn']>): { read: TSESTree.MemberExpression; field: string }[] {
      const reads: { read: TSESTree.MemberExpression; field: string }[] = [];
      walkSameThis(fn.body, sourceCode, (node) => {
        if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
          const field = getPropertyName(node);
          if (field !== undefined && isDereferenced(getAsserted(node))) {
            reads.push({ read: node, field });
          }
        }
      });
      return reads;
    }

    /** `this.f.x` -> `this.f?.x`, `this.f()` -> `this.f?.()`, `this.f!.x` -> `this.f?.x` (the assertion becomes the guard). */
    function guardFix(fixer: TSESLint.RuleFixer, read: TSESTree.MemberExpression): TSESLint.RuleFix {
      const asserted = getAsserted(read);
      if (asserted !== read) {
        const bang = sourceCode.getLastToken(asserted)!;
        const next = sourceCode.getTokenAfter(asserted, ASTUtils.isNotClosingParenToken)!;
        return fixer.replaceText(bang, next.value === '.' ? '?' : '?.');
      }
      const next = sourceCode.getTokenAfter(read, ASTUtils.isNotClosingParenToken)!;
      return next.value === '.' ? fixer.replaceText(next, '?.') : fixer.insertTextBefore(next, '?.');
    }

    return createDisposableClassListeners(sourceCode, types, checkClass);
  },
});

/** A dispose member from a same-file ancestor, or (type tier) from any ancestor. */
function findInheritedDisposeKind(
  node: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  types: TypeTier | undefined,
): DisposeKind | undefined {
  for (const ancestor of getSameFileAncestors(node, sourceCode)) {
    const found = findDisposeMember(ancestor, sourceCode, types);
    if (found) {
      return found.kind;
    }
  }
  if (!types || !node.superClass) {
    return undefined;
  }
  const instance = getInstanceType(node, types);
  let kind: DisposeKind | undefined;
  for (const property of instance?.getProperties() ?? []) {
    const name = property.escapedName as string;
    if (name.startsWith('__@asyncDispose@')) {
      return 'asyncDispose';
    }
    if (name.startsWith('__@dispose@')) {
      kind = 'dispose';
    }
  }
  return kind;
}

/** `this.f!` (a non-null assertion, as TypeScript makes people write for a field set later): the assertion; else the read. */
function getAsserted(read: TSESTree.MemberExpression): TSESTree.MemberExpression | TSESTree.TSNonNullExpression {
  return read.parent.type === AST_NODE_TYPES.TSNonNullExpression && read.parent.expression === read ? read.parent : read;
}

/** `this.f.x`, `this.f[x]`, `this.f()`: a use that throws when `f` is `undefined`. */
function isDereferenced(read: TSESTree.MemberExpression | TSESTree.TSNonNullExpression): boolean {
  const parent = read.parent;
  return (
    (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === read && !parent.optional) ||
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === read && !parent.optional)
  );
}

/**
 * The read is guarded by a check on the field: inside `if (this.f)`, a conditional or `&&`/`??`
 * on it, after an early `if (!this.f) return`, or inside a `try` that catches.
 */
function isGuarded(read: TSESTree.Node, field: string, root: TSESTree.Node, visitorKeys: VisitorKeys): boolean {
  let child: TSESTree.Node = read;
  for (let parent = read.parent; parent && child !== root; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test && mentionsField(parent.test, field, visitorKeys)) {
          return true;
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && mentionsField(parent.left, field, visitorKeys)) {
          return true;
        }
        break;
      case AST_NODE_TYPES.TryStatement:
        if (child === parent.block && parent.handler) {
          return true;
        }
        break;
      case AST_NODE_TYPES.BlockStatement: {
        const earlyExit = getEarlyExits(parent, visitorKeys).get(field);
        if (earlyExit !== undefined && earlyExit < child.range[0]) {
          return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** Per block: each field an early exit tests (`if (!this.f) return;`), with the offset of the first such exit. */
const earlyExitsByBlock = new WeakMap<TSESTree.BlockStatement, Map<string, number>>();

/** The early exits of a block, read once per block: each read in it then costs the same, however many there are. */
function getEarlyExits(block: TSESTree.BlockStatement, visitorKeys: VisitorKeys): ReadonlyMap<string, number> {
  let exitsByField = earlyExitsByBlock.get(block);
  if (!exitsByField) {
    exitsByField = new Map();
    for (const statement of block.body) {
      if (statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent)) {
        for (const field of getMentionedFields(statement.test, visitorKeys)) {
          if (!exitsByField.has(field)) {
            exitsByField.set(field, statement.range[0]);
          }
        }
      }
    }
    earlyExitsByBlock.set(block, exitsByField);
  }
  return exitsByField;
}

/** `return`, `throw`, or a block that ends in one. */
function exits(statement: TSESTree.Statement): boolean {
  let current: TSESTree.Statement | undefined = statement;
  while (current?.type === AST_NODE_TYPES.BlockStatement) {
    current = current.body.at(-1);
  }
  return current?.type === AST_NODE_TYPES.ReturnStatement || current?.type === AST_NODE_TYPES.ThrowStatement;
}

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** Per test: the fields it mentions as `this.<field>`, read once (every read under it asks). */
const mentionedFieldsByTest = new WeakMap<TSESTree.Node, Set<string>>();

function getMentionedFields(test: TSESTree.Node, visitorKeys: VisitorKeys): ReadonlySet<string> {
  let fields = mentionedFieldsByTest.get(test);
  if (!fields) {
    const found = new Set<string>();
    walk(test, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
        const field = getPropertyName(node);
        if (field !== undefined) {
          found.add(field);
        }
      }
      return undefined;
    });
    fields = found;
    mentionedFieldsByTest.set(test, fields);
  }
  return fields;
}

function mentionsField(test: TSESTree.Node, field: string, visitorKeys: VisitorKeys): boolean {
  return getMentionedFields(test, visitorKeys).has(field);
}

/**
 * `this.f.close()` -> `this.f?.close()` keeps the meaning only where the chain's value is dropped
 * or handed back to the disposal: a statement, `await …;`, `void …`, or what the dispose method returns.
 */
function isMechanicalGuard(read: TSESTree.MemberExpression | TSESTree.TSNonNullExpression, fn: NonNullable<DisposeMember['fn']>): boolean {
  let top: TSESTree.Node = read;
  for (;;) {
    const parent: TSESTree.Node = top.parent!;
    // TypeScript's parser rejects `?.` before a private name anywhere in the chain (`this.f?.x.#y`:
    // "An optional chain cannot contain private identifiers"), so no guard is written there.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top && parent.property.type === AST_NODE_TYPES.PrivateIdentifier) {
      return false;
    }
    if (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === top) ||
      parent.type === AST_NODE_TYPES.ChainExpression
    ) {
      top = parent;
      continue;
    }
    break;
  }
  let context: TSESTree.Node = top.parent!;
  if (context.type === AST_NODE_TYPES.AwaitExpression) {
    top = context;
    context = context.parent;
  }
  switch (context.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return context.operator === 'void' && context.parent.type === AST_NODE_TYPES.ExpressionStatement;
    case AST_NODE_TYPES.ReturnStatement:
      return nearestFunction(context) === fn;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return context === fn && context.body === top;
    default:
      return false;
  }
}

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      return current;
    }
  }
  return undefined;
}
