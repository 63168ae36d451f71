import type { JSONSchema } from '@typescript-eslint/utils';

import { getClassName, isAmbientClass, type ClassNode } from '../utils/ast.js';
import { collectConstructionWork } from '../analysis/construction-work.js';
import { createRule } from '../utils/create-rule.js';
import { shareFix } from '../utils/shared-fix.js';
import { isReadyPromiseAssignment, matchesKnownSafeCall, type KnownSafeCall } from '../analysis/async-work.js';
import { getTypeTier } from '../analysis/types.js';
import { isAwaitedByOwnInit } from '../analysis/awaited-by-class.js';
import { getSelfCaughtErrors, type CaughtErrors } from '../analysis/caught-errors.js';
import { createFactoryTransform, type ConstructorVisibility } from '../fixes/static-factory.js';
import { createThenableTransform } from '../fixes/awaitable-class.js';
import { createExplicitStartFix } from '../fixes/explicit-start.js';

export type Options = [
  {
    checkFieldInitializers?: boolean;
    allowReadyPromise?: boolean;
    allowForKnownSafeCalls?: KnownSafeCall[];
    factoryName?: string;
    constructorVisibility?: ConstructorVisibility;
    autofix?: false | 'factory' | 'thenable';
  },
];

export type MessageIds =
  | 'asyncWork'
  | 'backgroundWork'
  | 'returnsPromise'
  | 'suggestFactory'
  | 'suggestFactoryRecorded'
  | 'suggestStart'
  | 'suggestThenable'
  | 'suggestThenableRecorded';

const DEFAULT_OPTIONS: Options[0] = {
  checkFieldInitializers: true,
  allowReadyPromise: false,
  allowForKnownSafeCalls: [],
  factoryName: 'create',
  constructorVisibility: 'unchanged',
  autofix: false,
};

const NAME_SCHEMA: JSONSchema.JSONSchema4 = {
  oneOf: [
    { type: 'string', minLength: 1, description: 'The function or method name.' },
    {
      type: 'array',
      items: { type: 'string', minLength: 1, description: 'A function or method name.' },
      minItems: 1,
      uniqueItems: true,
      description: 'Several function or method names.',
    },
  ],
  description: 'The function or method name(s).',
};

export default createRule<Options, MessageIds>({
  name: 'no-async-constructor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting asynchronous work while an object is being constructed',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    fixable: 'code',
    messages: {
      asyncWork:
        '{{where}} starts {{work}}, which nothing can await: callers get a half-initialised `{{className}}`{{errors}}. Start it in a static async factory or make `{{className}}` awaitable.',
      backgroundWork:
        '{{where}} starts {{work}}, background work that runs until `{{className}}` is closed: nothing can await it, stop it before it starts, or catch its failure. Start it from an explicit method such as `start()`.',
      returnsPromise:
        "`{{className}}`'s constructor returns {{work}}: `new {{className}}()` then gives a promise instead of a `{{className}}`, and subclasses and `instanceof` break. Use a static async factory instead.",
      suggestFactory:
        "Move the constructor's async work into `static async {{factoryName}}()` and await it there (call sites use `await {{className}}.{{factoryName}}(…)`)",
      suggestFactoryRecorded:
        'Add `static async {{factoryName}}()` that awaits the async work the constructor still starts (call sites use `await {{className}}.{{factoryName}}(…)`)',
      suggestStart: 'Move the start of {{work}} into an explicit `start()` method that callers run after construction',
      suggestThenable:
        'Make `{{className}}` awaitable: move the async work into `#initialize()`, run once by `await new {{className}}(…)`',
      suggestThenableRecorded:
        'Make `{{className}}` awaitable: `await new {{className}}(…)` waits for the async work the constructor still starts',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkFieldInitializers: {
            type: 'boolean',
            description: 'Also check instance field initialisers (`ready = this.init()`), which run during construction.',
          },
          allowReadyPromise: {
            type: 'boolean',
            description:
              'Allow async work whose promise is stored on `this` (`this.ready = this.init()`), for code that awaits that "ready promise" on purpose.',
          },
          allowForKnownSafeCalls: {
            type: 'array',
            description:
              'Calls known to be safe to start in a constructor: a name (`"warmUp"`, `"this.cache.warm"`) or, with type information, a specifier naming where the function is declared.',
            items: {
              oneOf: [
                { type: 'string', description: 'A function or method name, or the callee as written (`this.cache.warm`).' },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'name'],
                  description: 'With type information: a function or method declared in a file of this project.',
                  properties: {
                    from: { type: 'string', enum: ['file'], description: 'Declared in a file of this project.' },
                    name: NAME_SCHEMA,
                    path: {
                      type: 'string',
                      description: 'The file, relative to the project root (the directory of the tsconfig); any project file when omitted.',
                    },
                  },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'name'],
                  description: 'With type information: a function or method declared in a TypeScript lib (`fetch`).',
                  properties: {
                    from: { type: 'string', enum: ['lib'], description: 'Declared in a TypeScript lib.' },
                    name: NAME_SCHEMA,
                  },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'name', 'package'],
                  description: 'With type information: a function or method declared in a package.',
                  properties: {
                    from: { type: 'string', enum: ['package'], description: 'Declared in a package.' },
                    name: NAME_SCHEMA,
                    package: { type: 'string', minLength: 1, description: 'The package name (`ioredis`, `@aws-sdk/client-s3`).' },
                  },
                },
              ],
            },
          },
          factoryName: {
            type: 'string',
            pattern: '^[A-Za-z_$][\\w$]*$',
            description: 'The name of the static async factory the quick fix writes (`static async create()`).',
          },
          constructorVisibility: {
            type: 'string',
            enum: ['unchanged', 'private', 'protected'],
            description:
              'TypeScript: make the constructor `private` or `protected` when the factory quick fix moves its work out, so only the factory constructs; `unchanged` leaves it.',
          },
          autofix: {
            oneOf: [
              { type: 'boolean', enum: [false], description: 'Suggestions only (the default).' },
              { type: 'string', enum: ['factory', 'thenable'], description: 'The transform `--fix` applies.' },
            ],
            description:
              'Apply a quick fix with `eslint --fix` (a codemod): `"factory"` or `"thenable"`. `false` keeps the fixes as editor suggestions, because they change the class\'s API.',
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
    const checkFields = options.checkFieldInitializers !== false;
    const allowReadyPromise = options.allowReadyPromise === true;
    const knownSafe = options.allowForKnownSafeCalls ?? [];
    const factoryName = options.factoryName ?? 'create';
    const constructorVisibility = options.constructorVisibility ?? 'unchanged';

    function checkClass(node: ClassNode): void {
      if (isAmbientClass(node)) {
        return;
      }
      const className = getClassName(node) ?? '(anonymous class)';
      // Collected first: the quick fixes move all of a class's reported work together.
      const found = collectConstructionWork(node, {
        sourceCode,
        types,
        checkFieldInitializers: checkFields,
        isAllowed: (work) =>
          (allowReadyPromise && isReadyPromiseAssignment(work.node)) ||
          isAwaitedByOwnInit(work, node, sourceCode) ||
          (work.callee !== undefined && matchesKnownSafeCall(work.callee, knownSafe, sourceCode, types)),
      });
      if (found.length === 0) {
        return;
      }
      // Background work is never awaited by a transform: the transforms move the rest.
      const initialisation = found.filter((entry) => !entry.background);
      // Planned once per class, and run once: every report of the class offers the same edits (`shareFix`).
      const shared = <T extends { fix: NonNullable<Parameters<typeof shareFix>[0]> }>(transform: T | null): T | null =>
        transform && { ...transform, fix: shareFix(transform.fix, sourceCode) ?? transform.fix };
      const factory =
        initialisation.length > 0
          ? shared(createFactoryTransform(node, initialisation, sourceCode, { factoryName, constructorVisibility, filename: context.filename }))
          : null;
      const thenable = initialisation.length > 0 ? shared(createThenableTransform(node, initialisation, sourceCode, { filename: context.filename })) : null;
      const data = { className, factoryName };
      const autofixWith = (options.autofix === 'factory' ? factory : options.autofix === 'thenable' ? thenable : null)?.fix;
      // The titles say what each edit does: moves the work, or awaits the work the constructor still starts.
      const suggestions = [
        ...(factory ? [{ messageId: factory.form === 'moved' ? ('suggestFactory' as const) : ('suggestFactoryRecorded' as const), data, fix: factory.fix }] : []),
        ...(thenable ? [{ messageId: thenable.form === 'moved' ? ('suggestThenable' as const) : ('suggestThenableRecorded' as const), data, fix: thenable.fix }] : []),
      ];
      for (const entry of found) {
        const { work } = entry;
        const where = entry.via ? `${entry.via.path} (called by ${lowerFirst(entry.where)})` : entry.where;
        if (entry.background) {
          const start = createExplicitStartFix(node, work.node, sourceCode, context.filename);
          context.report({
            node: work.node,
            messageId: 'backgroundWork',
            data: { where, work: work.label, className },
            suggest: start ? [{ messageId: 'suggestStart', data: { work: work.label }, fix: start }] : [],
          });
          continue;
        }
        context.report({
          node: work.node,
          messageId: work.returned ? 'returnsPromise' : 'asyncWork',
          data: {
            where,
            work: work.label,
            className,
            errors: describeErrors(entry.errorsHandled === true, getSelfCaughtErrors(work.callee, node, sourceCode)),
          },
          ...(autofixWith && { fix: autofixWith }),
          suggest: suggestions,
        });
      }
    }

    return {
      ClassDeclaration: checkClass,
      ClassExpression: checkClass,
    };
  },
});

/** Where the work's errors go: its chain's handler, the `catch` of the method it runs, or nowhere the caller sees. */
function describeErrors(handled: boolean, caught: CaughtErrors | undefined): string {
  if (handled) {
    return ', and its errors go to its handler, not to them';
  }
  if (caught) {
    const where = caught.handler === undefined ? 'which discards them' : `which calls \`${caught.handler}\``;
    return `, and its errors go to \`${caught.method}()\`'s own \`catch\`, ${where}, not to them`;
  }
  return ' and cannot catch its errors';
}

/** "`Db`'s constructor" stays; "The initialiser of `Db.ready`" becomes "the initialiser of `Db.ready`". */
function lowerFirst(text: string): string {
  return text.startsWith('The ') || text.startsWith('A ') ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
