import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  getClassName,
  getOutermostWrapper,
  getPropertyName,
  isAmbientClass,
  isGlobalReference,
  skipTypeWrappers,
  type ClassNode,
} from '../utils/ast.js';
import {
  canAwaitAt,
  declaresThenMember,
  describeExpression,
  getDeclaredFactory,
  getFactoryInit,
  isAwaitableClass,
  isAwaitableNew,
  isPromiseExpression,
  resolveConstructedClass,
  type FactoryInit,
} from '../analysis/async-class.js';
import { getDeclaredClass } from '../analysis/declaring-file.js';
import { createHeldLocalTracker, type HeldLocalFinding } from '../analysis/held-locals.js';
import { findUnawaitedFields, getHeldField } from '../analysis/held-fields.js';
import { awaitGivesInstance, awaitedValueFits, getHeldClass, mayConstructThenable, type HeldClass } from '../analysis/held-uses.js';
import { createRule } from '../utils/create-rule.js';
import { getTypeTier } from '../analysis/types.js';
import { willGetFactory, writeFactoryCall } from '../fixes/factory-call.js';

export type Options = [
  {
    checkUnawaitedNew?: boolean;
    checkHeldInstances?: boolean;
    autofix?: boolean;
    checkFactoryMigration?: boolean;
    factoryName?: string;
  },
];

export type MessageIds =
  | 'awaitableInUsing'
  | 'promiseInUsing'
  | 'discardedAwaitable'
  | 'memberBeforeInit'
  | 'heldBeforeAwait'
  | 'heldInCallback'
  | 'fieldNeverAwaited'
  | 'insertAwait'
  | 'awaitWhereCreated'
  | 'constructedWithoutFactory'
  | 'constructedBeforeFactory'
  | 'awaitFactory'
  | 'useFactory';

const DEFAULT_OPTIONS: Options[0] = { checkUnawaitedNew: true, checkHeldInstances: true, autofix: false, checkFactoryMigration: false, factoryName: 'create' };

/** An instance member named `then` (`then()`, `'then'()`, `then = …`): its class is awaitable. */
const THEN_MEMBER =
  ':matches(MethodDefinition, PropertyDefinition, AccessorProperty, TSAbstractMethodDefinition, TSAbstractPropertyDefinition)[static=false]:matches([computed=false][key.name="then"], [key.value="then"])';

/**
 * Whether text may declare an instance member `then` (`then(`, `async then<T>(`, `then = `,
 * `'then'(`, `['then']`), not call one (`.then(`): without types, a file without it has no
 * awaitable class. A scan from one `then` to the next, since a regular expression that starts with
 * an alternation tries every position of the file. The scan looks for `hen` and then for the `t`
 * before it: a search stops at every place its first character occurs, and `t` is about three times
 * as common in code as `h` (9 MB of typescript.js: 1.8 ms, was 5 ms).
 */
function mayDeclareThen(text: string): boolean {
  for (let hen = text.indexOf('hen', 1); hen !== -1; hen = text.indexOf('hen', hen + 3)) {
    if (text.charCodeAt(hen - 1) !== 0x74) {
      continue;
    }
    const at = hen - 1;
    const before = at > 0 ? text.charCodeAt(at - 1) : NaN;
    const quoted = isQuote(before) && isQuote(text.charCodeAt(at + 4));
    if (!quoted && (before === 0x2e || isWordCode(before))) {
      continue;
    }
    let next = quoted ? at + 5 : at + 4;
    while (next < text.length && /\s/u.test(text[next]!)) {
      next++;
    }
    if ((quoted ? '(]=' : '?!:(<=').includes(text[next] ?? '\0')) {
      return true;
    }
  }
  return false;
}

/** `'`, `"` or a backtick. */
function isQuote(code: number): boolean {
  return code === 0x27 || code === 0x22 || code === 0x60;
}

/** `[\w$]`: a letter, digit, `_` or `$` (ASCII, as `\w` is). */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24;
}

/** Members that consume the awaitable itself: calling them is how it gets awaited. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

export default createRule<Options, MessageIds>({
  name: 'require-awaited-init',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require awaiting awaitable instances and promises before using or disposing them',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      awaitableInUsing:
        "{{className}} is awaitable, but `{{kind}}` does not await its initialiser: this scope works with a {{className}} whose initialisation has not run. Await the instance.",
      promiseInUsing:
        '`{{kind}}` is bound to a promise, {{expression}}, not to the resource it resolves to: a promise is not disposable, so the declaration throws a TypeError and the resource is never disposed. Await the promise.',
      discardedAwaitable:
        '{{expression}} is awaitable, but this statement never awaits it: its initialisation is not awaited and its failure goes unseen. Await it, or mark a deliberate fire-and-forget with `void`.',
      memberBeforeInit:
        '{{expression}} is awaitable, but `.{{member}}` is used before it is awaited: it runs on an instance whose initialisation has not completed. Await the instance first.',
      heldBeforeAwait:
        '`{{name}}` holds {{expression}}, which is awaitable, but `.{{member}}` is used on line {{line}} before `{{name}}` is awaited: it runs on an instance whose initialisation has not completed. Await the instance where it is created.',
      heldInCallback:
        '`{{name}}` holds {{expression}}, which is awaitable, but nothing awaits it, and a callback uses `.{{member}}` on line {{line}}: it runs on an instance whose initialisation has not run. Await the instance where it is created.',
      fieldNeverAwaited:
        '`this.{{field}}` holds {{expression}}, which is awaitable, but nothing in `{{className}}` awaits it, and {{where}} uses `.{{member}}`: it runs on an instance whose initialisation has not run. Await it before its first use, in a static async factory or an init method.',
      insertAwait: 'Insert `await`: `{{fixed}}`',
      awaitWhereCreated: 'Await it where it is created: `{{fixed}}`',
      constructedWithoutFactory:
        "`new {{className}}()` skips {{className}}'s initialisation, which runs in `{{className}}.{{factoryName}}()`: this instance is used before, or without, it. Construct it with `await {{className}}.{{factoryName}}(…)`.",
      constructedBeforeFactory:
        "{{className}}'s constructor starts async work that no-async-constructor's factory fix moves into `{{className}}.{{factoryName}}()`: once it has, `new {{className}}()` skips that initialisation. Construct it with `await {{className}}.{{factoryName}}(…)`.",
      awaitFactory: 'Construct it with `{{fixed}}`',
      useFactory: 'Construct it with `{{fixed}}`, a promise of the initialised instance: await it where the instance is used',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkUnawaitedNew: {
            type: 'boolean',
            description:
              'Also report `new C()` of an awaitable class used without being awaited: as a statement, or with a member access on it (`new C().query()`).',
          },
          checkHeldInstances: {
            type: 'boolean',
            description:
              'Also report an awaitable instance held in a variable (`const client = new Client()`) whose members are used before it is awaited, or in a field whose members the class uses while nothing in it awaits it.',
          },
          autofix: {
            type: 'boolean',
            description:
              'Apply fixes with `eslint --fix` (a codemod): in async code, the call-site fix (`new C()` becomes `await C.create(…)`) and the held-instance fix (`const client = new Client()` becomes `const client = await new Client()`). Off by default, so they stay editor suggestions: they change when the code runs.',
          },
          checkFactoryMigration: {
            type: 'boolean',
            description:
              'With type information: also report `new C()` of a class from another file whose constructor starts async work that no-async-constructor\'s factory transform moves (set it with that rule\'s `autofix: "factory"`, so one `eslint --fix` rewrites the class and its call sites in every file).',
          },
          factoryName: {
            type: 'string',
            pattern: '^[A-Za-z_$][\\w$]*$',
            description:
              'The factory name `checkFactoryMigration` assumes: no-async-constructor\'s `factoryName`. A class that has a factory is always called by its own name.',
          },
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  defaultOptions: [DEFAULT_OPTIONS],
  create(context, [options]) {
    const { sourceCode } = context;
    const types = getTypeTier(context);
    const checkUnawaitedNew = options.checkUnawaitedNew !== false;
    const autofix = options.autofix === true;
    const checkHeld = options.checkHeldInstances !== false;
    const checkFactoryMigration = options.checkFactoryMigration === true;
    const migrationFactoryName = options.factoryName ?? 'create';

    /**
     * Where `new X()` builds an instance whose initialisation lives in `X`'s factory: `X` of this
     * file (syntax), or, with types, of another file, a `.d.ts` or a package (and, with
     * `checkFactoryMigration`, a class the factory transform is about to give a factory).
     */
    function getFactoryCall(node: TSESTree.NewExpression): { className: string; factoryName: string; pending: boolean } | undefined {
      const callee = skipTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.ThisExpression) {
        return undefined;
      }
      const local = resolveConstructedClass(node, sourceCode);
      if (local) {
        if (isInside(node, local)) {
          return undefined;
        }
        const className = getClassName(local) ?? sourceCode.getText(callee);
        if (isAmbientClass(local)) {
          const factoryName = getDeclaredFactory(local);
          return factoryName === undefined ? undefined : { className, factoryName, pending: false };
        }
        const init = getFactoryInit(local, sourceCode);
        return init && asksForFactory(node, init) ? { className, factoryName: init.name, pending: false } : undefined;
      }
      if (!types || !isImported(callee)) {
        return undefined;
      }
      // Only a class with a static method that returns a promise can have a factory: the others cost no parse of their file.
      const declared = getDeclaredClass(
        callee,
        context,
        types,
        checkFactoryMigration ? undefined : (declaration) => declaresStaticPromiseMethod(declaration, types.ts),
      );
      if (!declared) {
        return undefined;
      }
      const className = sourceCode.getText(callee);
      if (declared.isExternal || isAmbientClass(declared.node)) {
        const factoryName = getDeclaredFactory(declared.node);
        return factoryName === undefined ? undefined : { className, factoryName, pending: false };
      }
      const init = getFactoryInit(declared.node, declared.sourceCode);
      if (init) {
        return asksForFactory(node, init) ? { className, factoryName: init.name, pending: false } : undefined;
      }
      if (
        checkFactoryMigration &&
        willGetFactory(declared.node, declared.sourceCode, declared.types, migrationFactoryName, declared.fileName)
      ) {
        return { className, factoryName: migrationFactoryName, pending: true };
      }
      return undefined;
    }

    /**
     * Whether `new X()` should be `await X.create()`: the caller does not run the initialisation
     * itself, and, for a constructor that starts and records its work, `await` can go there (outside
     * async code such a `new X()` runs the initialisation as it did before the factory was written).
     */
    function asksForFactory(node: TSESTree.NewExpression, init: FactoryInit): boolean {
      return !callerInitialises(node, init.awaited) && !(init.recordedOnly && !canAwaitAt(node, sourceCode, types));
    }

    /** Reports `node` when its class initialises in a factory; whether it did. */
    function checkFactoryCall(node: TSESTree.NewExpression): boolean {
      const found = getFactoryCall(node);
      if (!found) {
        return false;
      }
      const { className, factoryName, pending } = found;
      const inAsync = canAwaitAt(node, sourceCode, types);
      const call = writeFactoryCall(node, factoryName, sourceCode, inAsync);
      // A promise where the instance is used on the spot, or bound by `using`, is no fix.
      const usedOnTheSpot =
        (node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) ||
        (node.parent.type === AST_NODE_TYPES.VariableDeclarator && /using/u.test((node.parent.parent as TSESTree.VariableDeclaration).kind));
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (call && (inAsync || !usedOnTheSpot)) {
        suggest.push({ messageId: inAsync ? 'awaitFactory' : 'useFactory', data: { fixed: describeFix(call.text) }, fix: call.fix });
      }
      context.report({
        node,
        messageId: pending ? 'constructedBeforeFactory' : 'constructedWithoutFactory',
        data: { className, factoryName },
        ...(call && inAsync && autofix && { fix: call.fix }),
        suggest,
      });
      return true;
    }

    /** `import { X }` / `import * as ns`: the only callees the type tier is asked about. */
    function isImported(callee: TSESTree.Node): boolean {
      const root =
        callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? skipTypeWrappers(callee.object) : callee;
      if (root.type !== AST_NODE_TYPES.Identifier) {
        return false;
      }
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      return variable?.defs.length === 1 && variable.defs[0]?.type === 'ImportBinding';
    }

    /**
     * `const db = new Db(); await db.connect();`: the caller runs the initialisation the factory
     * would, so the factory would run it twice.
     */
    function callerInitialises(node: TSESTree.NewExpression, awaited: ReadonlySet<string>): boolean {
      const declarator = node.parent;
      if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) {
        return false;
      }
      const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
      return (variable?.references ?? []).some(({ identifier }) => {
        const access = identifier.parent;
        return (
          access?.type === AST_NODE_TYPES.MemberExpression &&
          access.object === identifier &&
          access.parent.type === AST_NODE_TYPES.CallExpression &&
          access.parent.callee === access &&
          awaited.has(getPropertyName(access) ?? '')
        );
      });
    }

    /** The `await` suggestion, where `await` is legal at `site`; otherwise none. */
    function suggestAwait(
      site: TSESTree.Node,
      target: TSESTree.Node,
      wrapForMember: boolean,
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!canAwaitAt(site, sourceCode, types)) {
        return [];
      }
      const text = sourceCode.getText(target);
      // Already in parentheses, `await` goes inside them: `(await open())`.
      const parenthesized = ASTUtils.isParenthesized(target, sourceCode);
      let before = 'await ';
      let after = '';
      if (!parenthesized && wrapForMember) {
        // `new C().query()` -> `(await new C()).query()`
        before = '(await ';
        after = ')';
      } else if (!parenthesized && !bindsTighterThanAwait(target)) {
        // `a ?? b` -> `await (a ?? b)`: `await a ?? b` would await only `a`.
        before = 'await (';
        after = ')';
      }
      const shown = parenthesized ? `(${before}${text}${after})` : `${before}${text}${after}`;
      return [
        {
          messageId: 'insertAwait',
          data: { fixed: describeFix(shown) },
          *fix(fixer) {
            yield fixer.insertTextBefore(target, before);
            if (after) {
              yield fixer.insertTextAfter(target, after);
            }
          },
        },
      ];
    }

    function checkUsing(node: TSESTree.VariableDeclaration): void {
      for (const declarator of node.declarations) {
        const init = declarator.init;
        if (!init) {
          continue;
        }
        const expression = skipTypeWrappers(init);
        if (expression.type === AST_NODE_TYPES.AwaitExpression) {
          continue;
        }
        if (expression.type === AST_NODE_TYPES.NewExpression && isAwaitableNew(expression, sourceCode, types)) {
          context.report({
            node: init,
            messageId: 'awaitableInUsing',
            data: { kind: node.kind, className: describeExpression(expression.callee, sourceCode) },
            suggest: suggestAwait(node, init, false),
          });
        } else if (isPromiseExpression(init, sourceCode, types)) {
          context.report({
            node: init,
            messageId: 'promiseInUsing',
            data: { kind: node.kind, expression: describeExpression(init, sourceCode) },
            suggest: suggestAwait(node, init, false),
          });
        }
      }
    }

    /** `new X()` as a statement, or with a member access on it (not `.then()`/`.catch()`/`.finally()`). */
    function isSuspect(node: TSESTree.NewExpression): boolean {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
        return true;
      }
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) {
        return false;
      }
      const member = getPropertyName(parent);
      return member === undefined || !PROMISE_METHODS.has(member);
    }

    function checkNew(node: TSESTree.NewExpression): void {
      // Only now, for a suspect in one of the two places, is the class (or the checker) asked.
      if (!isAwaitableNew(node, sourceCode, types)) {
        return;
      }
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression) {
        const member = getPropertyName(parent);
        if (isFluentCall(node, parent)) {
          return;
        }
        context.report({
          node,
          messageId: 'memberBeforeInit',
          data: { expression: describeExpression(node, sourceCode), member: member ?? sourceCode.getText(parent.property) },
          suggest: suggestAwait(node, node, true),
        });
        return;
      }
      context.report({
        node,
        messageId: 'discardedAwaitable',
        data: { expression: describeExpression(node, sourceCode) },
        suggest: suggestAwait(node, node, false),
      });
    }

    /**
     * A builder whose methods return the instance (`new Query().where(…)`): the chain is the API and
     * is awaited at its end, so calling a member first is not a use of an uninitialised object.
     */
    function isFluentCall(node: TSESTree.NewExpression, access: TSESTree.MemberExpression): boolean {
      const call = access.parent;
      const name = getPropertyName(access);
      return (
        call.type === AST_NODE_TYPES.CallExpression &&
        call.callee === access &&
        name !== undefined &&
        heldClass(node).isFluent(name, call)
      );
    }

    const heldClasses = new Map<TSESTree.NewExpression, HeldClass>();
    function heldClass(node: TSESTree.NewExpression): HeldClass {
      let held = heldClasses.get(node);
      if (!held) {
        held = getHeldClass(node, sourceCode, types);
        heldClasses.set(node, held);
      }
      return held;
    }

    /**
     * `new X()` bound to a variable or a field gives an awaitable instance. A global class (`new Map()`,
     * `new URL()`) never does (`Promise` is a promise, not an instance with an initialisation), so
     * the checker is asked only about classes of this file that extend another, and imported ones.
     * Inside `X` itself (its factory, awaiting what the constructor recorded) the class knows its state.
     */
    function isHeldAwaitable(node: TSESTree.NewExpression, reported: ReadonlySet<TSESTree.Node>): boolean {
      return !reported.has(node) && mayBeHeldAwaitable(node) && isHeldAwaitableNew(node);
    }

    /** `new X()` gives an awaitable instance; with types, asked first of `X`'s declared type (a cheap no). */
    function isHeldAwaitableNew(node: TSESTree.NewExpression): boolean {
      return (!types || mayConstructThenable(node, types)) && isAwaitableNew(node, sourceCode, types);
    }

    /**
     * What can be known of `new X()` by syntax, while the file is traversed: without types `X` is a
     * class of this file with a `then`; with types, not a global class. Never `X` itself.
     */
    function mayBeHeldAwaitable(node: TSESTree.NewExpression): boolean {
      const callee = skipTypeWrappers(node.callee);
      const local = resolveConstructedClass(node, sourceCode);
      if (local) {
        return !isInside(node, local) && (types !== undefined || isAwaitableClass(local, sourceCode));
      }
      return types !== undefined && !(callee.type === AST_NODE_TYPES.Identifier && isGlobalReference(callee, callee.name, sourceCode));
    }

    function reportHeldLocal(finding: HeldLocalFinding): void {
      const { creation, variable, read } = finding;
      const fix = getHeldFix(finding);
      context.report({
        node: creation,
        messageId: finding.inCallback ? 'heldInCallback' : 'heldBeforeAwait',
        data: {
          name: variable.name,
          expression: describeExpression(creation, sourceCode),
          member: finding.member ?? sourceCode.getText(read.property),
          line: read.loc.start.line,
        },
        ...(fix && autofix && { fix: fix.fix }),
        suggest: fix ? [fix] : [],
      });
    }

    /**
     * `const client = await new Client()`: where `await` can go, when what it gives is the instance
     * itself (the class's `then` fulfils with it, settled) and, in TypeScript, still fits the
     * variable's type and where the variable goes. Code that calls the instance's own `then` would
     * find none on the awaited instance: no fix there.
     */
    function getHeldFix(finding: HeldLocalFinding): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const { creation, variable } = finding;
      if (finding.callsThen || !canAwaitAt(creation, sourceCode, types)) {
        return undefined;
      }
      const declared = variable.defs[0]?.name as TSESTree.Identifier | undefined;
      const isTypeScript = /\.[cm]?tsx?$/u.test(context.filename);
      if (
        !awaitGivesInstance(creation, finding.memberNames, sourceCode, types) ||
        (isTypeScript && !awaitedValueFits(creation, declared, finding.handedOn, types))
      ) {
        return undefined;
      }
      const [suggestion] = suggestAwait(creation, getOutermostWrapper(creation), false);
      return suggestion && { ...suggestion, messageId: 'awaitWhereCreated' };
    }

    function checkHeldFields(constructions: readonly TSESTree.NewExpression[], reported: ReadonlySet<TSESTree.Node>): void {
      const byClass = new Map<ClassNode, Map<string, TSESTree.NewExpression[]>>();
      for (const node of constructions) {
        const held = getHeldField(node);
        if (!held || !isHeldAwaitable(node, reported)) {
          continue;
        }
        let fields = byClass.get(held.cls);
        if (!fields) {
          fields = new Map();
          byClass.set(held.cls, fields);
        }
        fields.set(held.field, [...(fields.get(held.field) ?? []), node]);
      }
      for (const [cls, fields] of byClass) {
        for (const finding of findUnawaitedFields(cls, fields, heldClass, sourceCode)) {
          context.report({
            node: finding.creation,
            messageId: 'fieldNeverAwaited',
            data: {
              field: finding.field,
              expression: describeExpression(finding.creation, sourceCode),
              className: getClassName(cls) ?? 'this class',
              where: finding.where,
              member: finding.member ?? sourceCode.getText(finding.read.property),
            },
          });
        }
      }
    }

    // Classes may be declared after their use: `new` expressions are collected and judged once the
    // whole file is read. Without types only a class of this file with a `then` makes `new X()`
    // awaitable, and only one with a static async factory gives call sites to check.
    let hasThenClass = false;
    let hasStaticMethod = false;
    const constructions: TSESTree.NewExpression[] = [];
    // Without types only a class of this file can be awaitable: a file whose text declares no `then`
    // has none, and costs no listener. Where the text may (`then:` in an object or a comment), the
    // class scopes say whether a class has one, before the candidates are looked for.
    const heldLocals =
      checkHeld && (types || (mayDeclareThen(sourceCode.text) && declaresThenMember(sourceCode)))
        ? createHeldLocalTracker(sourceCode, {
            ...(!types && { awaitableClass: (node: ClassNode) => isAwaitableClass(node, sourceCode) }),
            mayBeAwaitable: mayBeHeldAwaitable,
            isAwaitable: isHeldAwaitableNew,
          })
        : undefined;
    const listeners: TSESLint.RuleListener = {
      'VariableDeclaration[kind=/using/]': checkUsing,
      'MethodDefinition[static=true][kind="method"]': () => {
        hasStaticMethod = true;
      },
      NewExpression: (node) => {
        constructions.push(node);
      },
      'Program:exit': () => {
        // The type tier asks about imported classes only (isImported), so it needs no static method here.
        const reported: ReadonlySet<TSESTree.Node> =
          types || hasStaticMethod ? new Set(constructions.filter(checkFactoryCall)) : new Set();
        if (!types && !hasThenClass) {
          return;
        }
        if (checkUnawaitedNew) {
          constructions.filter((node) => !reported.has(node) && isSuspect(node)).forEach(checkNew);
        }
        heldLocals
          ?.analyse(heldClass)
          .filter((finding) => !reported.has(finding.creation))
          .forEach(reportHeldLocal);
        if (checkHeld) {
          checkHeldFields(constructions, reported);
        }
      },
    };
    if (heldLocals) {
      Object.assign(listeners, heldLocals.listeners);
    }
    if (checkUnawaitedNew || checkHeld) {
      listeners[THEN_MEMBER] = () => {
        hasThenClass = true;
      };
    }
    return listeners;
  },
});

/** Expressions `await x` can take without parentheses (`await a || b` would await only `a`). */
function bindsTighterThanAwait(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return true;
    default:
      return false;
  }
}

/**
 * Whether a class declares what can be its factory, read off the TypeScript declaration: a static
 * method that is `async` (not a generator) or annotated to return `Promise`/`PromiseLike`, as
 * `getStaticFactories` and `getDeclaredFactory` read the ESTree. A class without one costs no parse
 * of its file (a module of utilities with one static helper was most of this rule's typed time).
 */
function declaresStaticPromiseMethod(declaration: ts.ClassDeclaration, typescript: typeof ts): boolean {
  return declaration.members.some((member) => {
    if (!typescript.isMethodDeclaration(member)) {
      return false;
    }
    const modifiers = typescript.getModifiers(member) ?? [];
    if (!modifiers.some((modifier) => modifier.kind === typescript.SyntaxKind.StaticKeyword)) {
      return false;
    }
    if (!member.asteriskToken && modifiers.some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword)) {
      return true;
    }
    const type = member.type;
    return (
      type !== undefined &&
      typescript.isTypeReferenceNode(type) &&
      typescript.isIdentifier(type.typeName) &&
      (type.typeName.text === 'Promise' || type.typeName.text === 'PromiseLike')
    );
  });
}

/** `node` is inside `cls` (its factory, its other members): the class may construct itself. */
function isInside(node: TSESTree.Node, cls: ClassNode): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current === cls) {
      return true;
    }
  }
  return false;
}

function describeFix(text: string): string {
  const folded = text.replace(/\s+/gu, ' ');
  return folded.length > 50 ? `${folded.slice(0, 49)}…` : folded;
}
