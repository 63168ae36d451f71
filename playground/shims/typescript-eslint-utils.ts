// What the rules use of `@typescript-eslint/utils` at run time, without its `TSESLint` namespace.
//
// The package's entry re-exports `TSESLint`, whose classes extend ESLint's Node API (`ESLint`,
// `RuleTester`, `SourceCode` from `eslint`): bundling it would pull ESLint's file system, worker
// threads and config loader into the page. The rules only name `TSESLint` in types, so the
// playground's bundle resolves `@typescript-eslint/utils` here. A rule that starts using another
// value from the package fails the build ("No matching export"), never the page.
export * as ASTUtils from '@typescript-eslint/utils/ast-utils';
export * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
export { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
