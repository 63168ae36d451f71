import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  getClassName,
  getMemberName,
  getSameFileAncestors,
  isAmbientClass,
  isClassNode,
  isFunctionNode,
  type ClassNode,
  type FunctionNode,
} from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { createSettleThenFix } from '../fixes/settle-then.js';
import {
  findDethenable,
  findMethodSelfFulfilments,
  findSelfFulfilments,
  getThenFunction,
  isOwnThen,
  thenWaitsOn,
  type SelfScope,
  type ThenableContainer,
  type ThenFunction,
} from '../analysis/thenable.js';

export type Options = [];

export type MessageIds =
  | 'selfResolvingThen'
  | 'selfResolvingMethod'
  | 'methodThenWaitsOn'
  | 'thenableMethodResult'
  | 'settleThen';

export default createRule<Options, MessageIds>({
  name: 'no-self-resolving-thenable',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow thenables that fulfil with themselves, which makes `await` on them never settle',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      selfResolvingThen:
        '`await` on {{subject}} never settles: `{{owner}}.then` fulfils with `this`, which is still thenable, so the await calls `then` again, forever (CPU spins and timers never fire, or the work reruns endlessly). Shadow `then` with an own `then: undefined` before fulfilling.',
      selfResolvingMethod:
        '`await` on the result of `{{owner}}.{{method}}` never settles: it fulfils with `this`, whose `then` fulfils with `this` too, so the await calls `then` again, forever.',
      methodThenWaitsOn:
        '`await` on the result of `{{owner}}.{{method}}` never settles: it fulfils with `this`, so the await calls `{{owner}}.then`, which waits on `{{method}}` itself.',
      thenableMethodResult:
        '`{{owner}}.{{method}}` fulfils with `this`, which is thenable: awaiting its result runs `{{owner}}.then` and gives what that fulfils with, not the `{{owner}}`.',
      settleThen:
        'Rewrite `then` to run its work once, shadow itself with an own `then: undefined`, then fulfil with the instance.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;

    function check(container: ThenableContainer, then: ThenFunction, scope: SelfScope, owner: string, subject: string): void {
      const dethenable = findDethenable(scope.containers, scope, isOwnThen(then));
      const [site] = findSelfFulfilments(then.fn, scope, [then.fn]);
      const isSelfResolving = !dethenable && site !== undefined;
      // An inherited `then` is reported where it is declared.
      if (isSelfResolving && isMemberOf(then.member, container)) {
        const fix = container.type === AST_NODE_TYPES.ObjectExpression ? null : createSettleThenFix(container, then, scope, context.filename);
        context.report({
          node: site,
          messageId: 'selfResolvingThen',
          data: { owner, subject },
          suggest: fix ? [{ messageId: 'settleThen', fix }] : [],
        });
      }
      for (const { name, fn } of getOtherMethods(container)) {
        const [site] = findMethodSelfFulfilments(fn, scope);
        if (!site || findDethenable([fn], scope, isOwnThen(then))) {
          continue;
        }
        const data = { owner, method: name };
        if (isSelfResolving) {
          context.report({ node: site, messageId: 'selfResolvingMethod', data });
        } else if (thenWaitsOn(then.fn, name, scope)) {
          context.report({ node: site, messageId: 'methodThenWaitsOn', data });
        } else if (!dethenable) {
          // A settled `then` (it shadows itself) gives the instance itself: only this case is a surprise.
          context.report({ node: site, messageId: 'thenableMethodResult', data });
        }
      }
    }

    function checkClass(node: ClassNode): void {
      if (isAmbientClass(node)) {
        return;
      }
      const chain = [node, ...getSameFileAncestors(node, sourceCode)];
      for (const [index, cls] of chain.entries()) {
        const then = getThenFunction(cls);
        if (then === 'unknown') {
          return;
        }
        if (then) {
          const owner = getClassName(node) ?? 'this class';
          const scope = { containers: chain.slice(0, index + 1), sourceCode };
          check(node, then, scope, owner, `an instance of \`${owner}\``);
          return;
        }
      }
    }

    const checked = new WeakSet<TSESTree.Node>();

    function checkObject(node: TSESTree.ObjectExpression): void {
      const then = getThenFunction(node);
      if (!then || then === 'unknown') {
        return;
      }
      const name = getBindingName(node);
      check(node, then, { containers: [node], sourceCode }, name ?? 'this object', name ? `\`${name}\`` : 'this object');
    }

    /** Each container once, whichever of its members led here. */
    function checkOnce(node: TSESTree.Node): void {
      if (checked.has(node)) {
        return;
      }
      checked.add(node);
      if (isClassNode(node)) {
        checkClass(node);
      } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
        checkObject(node);
      }
    }

    // Listen to `then` keys only (esquery filters them before any of this runs), and to classes that
    // extend another, which may inherit a `then`.
    return {
      [THEN_CLASS_MEMBER](member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition) {
        checkOnce(member.parent.parent);
      },
      'ClassDeclaration[superClass], ClassExpression[superClass]': checkOnce,
      [THEN_PROPERTY](property: TSESTree.Property) {
        checkOnce(property.parent);
      },
    };
  },
});

const THEN_KEYS = ['[key.name="then"]', '[key.value="then"]', '[key.type="TemplateLiteral"]'];
const THEN_CLASS_MEMBER = ['MethodDefinition', 'PropertyDefinition'].flatMap((type) => THEN_KEYS.map((key) => type + key)).join(', ');
const THEN_PROPERTY = THEN_KEYS.map((key) => `ObjectExpression > Property${key}`).join(', ');

function isMemberOf(member: ThenFunction['member'], container: ThenableContainer): boolean {
  return container.type === AST_NODE_TYPES.ObjectExpression ? member.parent === container : member.parent.parent === container;
}

/** Instance methods, getters and function-valued fields other than `then`, with their names. */
function getOtherMethods(container: ThenableContainer): { name: string; fn: FunctionNode }[] {
  const members = container.type === AST_NODE_TYPES.ObjectExpression ? container.properties : container.body.body;
  const methods: { name: string; fn: FunctionNode }[] = [];
  for (const member of members) {
    const name = getMemberName(member);
    if (name === undefined || name === 'then') {
      continue;
    }
    let fn: TSESTree.Node | null = null;
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && (member.kind === 'method' || member.kind === 'get')) {
      fn = member.value;
    } else if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static) {
      fn = member.value;
    } else if (member.type === AST_NODE_TYPES.Property && member.kind !== 'set') {
      fn = member.value;
    }
    if (isFunctionNode(fn)) {
      methods.push({ name, fn });
    }
  }
  return methods;
}

/** The name an object literal is bound to: `const db = { … }`. */
function getBindingName(node: TSESTree.ObjectExpression): string | undefined {
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}
