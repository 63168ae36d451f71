import { createRequire } from 'node:module';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as TsApiUtils from 'ts-api-utils';
import type * as ts from 'typescript';

/**
 * The type tier. It exists only when the file was parsed with a TypeScript program
 * (`projectService` or `project`); every rule works without it. TypeScript and ts-api-utils are
 * loaded on first use, so plain-JS users, oxlint and files outside a project never need them.
 */
export interface TypeTier {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly ts: typeof ts;
  readonly tsutils: typeof TsApiUtils;
  /** The TypeScript node behind an ESTree node. */
  tsNode(node: TSESTree.Node): ts.Node;
  /** The type of an expression. */
  getType(node: TSESTree.Node): ts.Type;
  /** The expression's type is (or may be, in a union) a thenable; `any`/`unknown` are not. */
  isThenable(node: TSESTree.Node): boolean;
  /** The type is `any` or `unknown`: nothing can be said of it. */
  isUnknown(type: ts.Type): boolean;
}

const require = createRequire(import.meta.url);
let modules: { ts: typeof ts; tsutils: typeof TsApiUtils } | undefined;

function loadModules(): { ts: typeof ts; tsutils: typeof TsApiUtils } {
  modules ??= {
    ts: require('typescript') as typeof ts,
    tsutils: require('ts-api-utils') as typeof TsApiUtils,
  };
  return modules;
}

/** The type tier for this file, or `undefined` when there is no program (never throws). */
export function getTypeTier(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeTier | undefined {
  const services = context.sourceCode.parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) {
    return undefined;
  }
  const { ts: typescript, tsutils } = loadModules();
  const checker = program.getTypeChecker();
  const tsNode = (node: TSESTree.Node): ts.Node => map.get(node as TSESTree.Node & { type: never });
  const getType = (node: TSESTree.Node): ts.Type => checker.getTypeAtLocation(tsNode(node));
  const isUnknown = (type: ts.Type): boolean => tsutils.isIntrinsicAnyType(type) || tsutils.isIntrinsicUnknownType(type);
  return {
    program,
    checker,
    ts: typescript,
    tsutils,
    tsNode,
    getType,
    isUnknown,
    isThenable(node) {
      const original = tsNode(node);
      const type = checker.getTypeAtLocation(original);
      return !isUnknown(type) && tsutils.isThenableType(checker, original, type);
    },
  };
}
