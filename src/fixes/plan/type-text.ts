/** How a type is written where a fix declares a field: as the checker names it, when that needs no import and means the same in this file. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * With type information: the type of `node` as the checker writes it (`Promise<string[]>`,
 * `number`), when it is plain (no `any`, no `import(…)`) and every name in it means the same here:
 * a built-in type, or one this module declares or imports. `'any'` when the checker says `any`.
 */
export function getTypeText(node: TSESTree.Node, sourceCode: SourceCode): string | undefined {
  const services = sourceCode.parserServices as
    | { program?: { getTypeChecker(): ts.TypeChecker } | null; esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined } }
    | undefined;
  const checker = services?.program?.getTypeChecker();
  const tsNode = services?.esTreeNodeToTSNodeMap?.get(node);
  if (!checker || !tsNode) {
    return undefined;
  }
  const text = checker.typeToString(checker.getTypeAtLocation(tsNode));
  if (text === 'any') {
    return 'any';
  }
  if (!/^[\w$<>[\], |.{}:;?()=]+$/u.test(text) || /\b(?:any|import)\b/u.test(text) || text.includes('...')) {
    return undefined;
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((scope) => scope.type === 'module') ?? globalScope;
  // Property names (`{ lazy?: boolean }`) are no names to resolve.
  const names = text.replace(/[\w$]+\??:/gu, ':').match(/[A-Za-z_$][\w$]*/gu) ?? [];
  return names.every((name) => BUILT_IN_TYPES.has(name) || moduleScope?.set.has(name) || globalScope?.set.has(name)) ? text : undefined;
}

/** Whether the program knows `node`'s type (a typed lint). */
export function hasTypes(sourceCode: SourceCode): boolean {
  const services = sourceCode.parserServices as { program?: unknown } | undefined;
  return Boolean(services?.program);
}

const BUILT_IN_TYPES = new Set([
  'Promise',
  'PromiseLike',
  'Array',
  'ReadonlyArray',
  'Map',
  'Set',
  'Record',
  'string',
  'number',
  'boolean',
  'bigint',
  'void',
  'undefined',
  'null',
  'unknown',
  'never',
  'object',
  'true',
  'false',
]);

/**
 * With type information: `node` reads a member of an `any` value (`this.options.lazyConnect` where
 * `options` is untyped JavaScript). Evaluated twice (a repeated guard), typed linting would count
 * its `no-unsafe-member-access` twice.
 */
export function readsMemberOfAny(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  if (!hasTypes(sourceCode)) {
    return false;
  }
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'MemberExpression' && getTypeText(current.object, sourceCode) === 'any') {
      return true;
    }
    for (const key of sourceCode.visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
  return false;
}
