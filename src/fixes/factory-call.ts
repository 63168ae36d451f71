import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ClassNode } from '../utils/ast.js';
import { isAwaitedByOwnInit } from '../analysis/awaited-by-class.js';
import { collectConstructionWork } from '../analysis/construction-work.js';
import type { TypeTier } from '../analysis/types.js';
import { needsParentheses } from './plan/call-sites.js';
import { createFactoryFix } from './static-factory.js';

/**
 * The call-site transform: `new Db(url)` becomes `await Db.create(url)` (or `Db.create(url)` where
 * `await` cannot go), and the question it depends on across files: will the factory transform
 * rewrite a class that has no factory yet?
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The edit from `new X<T>(args)` to `await X.create<T>(args)` (`awaitIt`) or `X.create<T>(args)`,
 * keeping the user's callee, type arguments and arguments as written. `undefined` when a comment
 * sits between `new` and the callee (it would be lost). An already awaited `await new X()` keeps
 * its one `await`.
 */
export function writeFactoryCall(
  call: TSESTree.NewExpression,
  factoryName: string,
  sourceCode: SourceCode,
  awaitIt: boolean,
): { text: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | undefined {
  const newToken = sourceCode.getFirstToken(call);
  if (!newToken || newToken.value !== 'new' || sourceCode.commentsExistBetween(newToken, call.callee)) {
    return undefined;
  }
  // `new X(…)` / `new ns.X(…)` written right after `new`: not `new (class {…})()`, whose parentheses
  // the rewrite would split.
  const calleeToken = sourceCode.getTokenAfter(newToken);
  if (
    calleeToken?.range[0] !== call.callee.range[0] ||
    (call.callee.type !== AST_NODE_TYPES.Identifier && call.callee.type !== AST_NODE_TYPES.MemberExpression)
  ) {
    return undefined;
  }
  const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression;
  const addAwait = awaitIt && !awaited;
  const parenthesize = addAwait && needsParentheses(call);
  const callee = sourceCode.getText(call.callee);
  const head = `${parenthesize ? '(' : ''}${addAwait ? 'await ' : ''}${callee}.${factoryName}`;
  // `new X` without an argument list calls the factory with none.
  const tail = `${sourceCode.getLastToken(call)?.value === ')' ? '' : '()'}${parenthesize ? ')' : ''}`;
  const rest = sourceCode.text.slice(call.callee.range[1], call.range[1]);
  return {
    text: `${head}${rest}${tail}`,
    fix: (fixer) => [
      fixer.replaceTextRange([call.range[0], call.callee.range[1]], head),
      ...(tail ? [fixer.insertTextAfterRange(call.range, tail)] : []),
    ],
  };
}

/**
 * `no-async-constructor` with `autofix: "factory"` will move the construction-time work of `node`
 * into `static async <factoryName>()` in this run of `--fix`: it reports work there and its factory
 * transform accepts the class. Judged with that rule's default options on the file as the program
 * holds it.
 */
export function willGetFactory(
  node: ClassNode,
  sourceCode: SourceCode,
  types: TypeTier | undefined,
  factoryName: string,
  filename: string,
): boolean {
  // What no-async-constructor reports and hands the transform: work its own init does not await
  // already, and not background work, which no transform awaits.
  const works = collectConstructionWork(node, {
    sourceCode,
    types,
    checkFieldInitializers: true,
    isAllowed: (work) => isAwaitedByOwnInit(work, node, sourceCode),
  }).filter((entry) => !entry.background);
  return works.length > 0 && createFactoryFix(node, works, sourceCode, { factoryName, constructorVisibility: 'unchanged', filename }) !== null;
}
