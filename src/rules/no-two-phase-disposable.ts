import {
  getClassName,
  getConstructor,
  getSameFileAncestors,
  isAmbientClass,
  type ClassNode,
} from '../utils/ast.js';
import {
  createDisposableClassListeners,
  findDisposeMember,
  getConstructorAccess,
  getStaticFactories,
  isAwaitableClass,
  isAwaitableClassByType,
  type DisposeKind,
} from '../analysis/async-class.js';
import { collectConstructionWork } from '../analysis/construction-work.js';
import { factoryCallsInit, findTwoPhaseInits, getInheritedDisposeKindByType, type TwoPhaseInit } from '../analysis/two-phase.js';
import { getTypeTier } from '../analysis/types.js';
import { createRule } from '../utils/create-rule.js';
import { recordDecline } from '../fixes/declines.js';
import { isTypeScriptSource } from '../fixes/plan/layout.js';
import { createInitFactoryFix, createPrivateConstructorFix } from '../fixes/init-factory.js';

export type Options = [
  {
    factoryName?: string;
  },
];

export type MessageIds = 'twoPhaseInit' | 'publicConstructor' | 'suggestFactory' | 'suggestPrivateConstructor';

const DEFAULT_OPTIONS: Options[0] = { factoryName: 'create' };

export default createRule<Options, MessageIds>({
  name: 'no-two-phase-disposable',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow disposable classes that are unusable until an async init method, which nothing calls, has run',
      recommended: 'strict',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      twoPhaseInit:
        "`{{className}}` is usable only after `{{init}}()` ran (`{{guard}}` {{exit}} until then), but its constructor is public and nothing calls `{{init}}()`: `{{using}} x = new {{className}}()` enters the scope with an unusable object. Create instances in a static async factory that calls `{{init}}()`{{behind}}.",
      publicConstructor:
        '`{{className}}` has a static async factory that calls `{{init}}()`, but its constructor is public: `{{using}} x = new {{className}}()` still enters the scope with an object `{{init}}()` never ran on. Make the constructor private.',
      suggestFactory:
        'Create instances in `static async {{factoryName}}()`, which calls `{{init}}()`{{behind}} (call sites use `await {{className}}.{{factoryName}}(…)`)',
      suggestPrivateConstructor: 'Make the constructor private (instances come from `{{factory}}()`)',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          factoryName: {
            type: 'string',
            minLength: 1,
            description: 'The name of the static async factory the suggestion writes.',
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
    const factoryName = options.factoryName ?? 'create';
    const isTypeScript = isTypeScriptSource(sourceCode, context.filename);

    function checkClass(node: ClassNode): void {
      if (isAmbientClass(node) || getConstructorAccess(node) !== 'public') {
        return;
      }
      const own = findDisposeMember(node, sourceCode, types);
      const disposeKind =
        own?.kind ?? findSameFileDisposeKind(node) ?? (types ? getInheritedDisposeKindByType(node, types) : undefined);
      if (!disposeKind) {
        return;
      }
      const inits = findTwoPhaseInits(node, sourceCode, types, new Set(own ? [own.member] : []));
      const [init] = inits;
      if (
        !init ||
        // async-dispose-requires-init reports awaitable disposable classes with a public constructor.
        isAwaitableClass(node, sourceCode) ||
        (types !== undefined && isAwaitableClassByType(node, types)) ||
        // Construction starts async work: no-async-constructor's report (and its fixes) come first.
        collectConstructionWork(node, { sourceCode, types, checkFieldInitializers: true }).length > 0
      ) {
        return;
      }
      const className = getClassName(node) ?? 'this class';
      const using = disposeKind === 'asyncDispose' ? 'await using' : 'using';
      const reportNode = getConstructor(node)?.key ?? node.id ?? sourceCode.getFirstToken(node) ?? node;
      const factories = getStaticFactories(node, sourceCode).filter((factory) => factoryCallsInit(factory, init.name, sourceCode));
      const [factory] = factories;
      if (factory) {
        // JavaScript has no private constructor: a factory that runs the init is the way in there.
        if (isTypeScript) {
          const fix = createPrivateConstructorFix(node, sourceCode, context.filename);
          context.report({
            node: reportNode,
            messageId: 'publicConstructor',
            data: { className, init: init.name, using },
            suggest: fix
              ? [{ messageId: 'suggestPrivateConstructor', data: { factory: `${className}.${sourceCode.getText(factory.key)}` }, fix }]
              : [],
          });
        }
        return;
      }
      const { guard, exit } = describeGuard(init);
      const behind = isTypeScript ? ', behind a private constructor' : '';
      let fix: ReturnType<typeof createInitFactoryFix> = null;
      if (inits.length === 1) {
        fix = createInitFactoryFix(node, init.method, sourceCode, { factoryName, filename: context.filename });
      } else {
        recordDecline(() => ({
          transform: 'init-factory',
          target: className,
          reason: 'several init methods',
          filename: context.filename,
          line: node.loc.start.line,
        }));
      }
      context.report({
        node: reportNode,
        messageId: 'twoPhaseInit',
        data: { className, init: init.name, guard, exit, using, behind },
        suggest: fix ? [{ messageId: 'suggestFactory', data: { className, init: init.name, factoryName, behind }, fix }] : [],
      });
    }

    function findSameFileDisposeKind(node: ClassNode): DisposeKind | undefined {
      for (const ancestor of getSameFileAncestors(node, sourceCode)) {
        const found = findDisposeMember(ancestor, sourceCode, types);
        if (found) {
          return found.kind;
        }
      }
      return undefined;
    }

    return createDisposableClassListeners(sourceCode, types, checkClass);
  },
});

/** The first guard, for the message: "`query()` throws", "`get socket` returns early". */
function describeGuard(init: TwoPhaseInit): { guard: string; exit: string } {
  const [guard] = init.guards;
  if (!guard) {
    return { guard: 'its methods', exit: 'fail' };
  }
  const member = guard.memberName.includes(' ') ? guard.memberName : `${guard.memberName}()`;
  return { guard: member, exit: guard.exit === 'throw' ? 'throws' : 'returns early' };
}
