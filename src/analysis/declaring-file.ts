import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { isClassNode, type ClassNode } from '../utils/ast.js';
import { getTypeTier, type TypeTier } from './types.js';

/**
 * The type tier's view of a class declared in another file of the program: that file parsed to
 * ESTree by the parser that parsed this one, with the same program, so the syntax analyses (which
 * read ESTree) answer for it as they do for a class of this file.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A class of another file: its ESTree node, that file's `SourceCode` and type tier. */
export interface DeclaredClass {
  node: ClassNode;
  sourceCode: SourceCode;
  types: TypeTier | undefined;
  fileName: string;
  /** The file is a `.d.ts` or belongs to a package: only its declarations are there to read. */
  isExternal: boolean;
}

interface ParsedFile {
  sourceCode: SourceCode;
  types: TypeTier | undefined;
  /** The file's classes by the offset of their name. */
  classes: Map<number, ClassNode>;
}

/** One parse per version of a file: a program holds a new `SourceFile` when the text changes. */
const parsed = new WeakMap<ts.SourceFile, ParsedFile | null>();

interface ForeignParser {
  parseForESLint(
    text: string,
    options: Record<string, unknown>,
  ): { ast: TSESTree.Program; services?: unknown; scopeManager?: unknown; visitorKeys?: TSESLint.SourceCode.VisitorKeys };
}

type SourceCodeClass = new (config: {
  text: string;
  ast: TSESTree.Program;
  parserServices: unknown;
  scopeManager: unknown;
  visitorKeys: TSESLint.SourceCode.VisitorKeys | undefined;
}) => SourceCode;

/**
 * The class declaration a `new` expression's callee names, when the checker places it in another
 * file of the program. `undefined` when the callee is not a class, its file cannot be parsed, or
 * the linter gives no parser to parse it with (oxlint); never throws. `filter` looks at the
 * TypeScript declaration first, so that a class that cannot matter costs no parse.
 */
export function getDeclaredClass(
  callee: TSESTree.Node,
  context: Context,
  types: TypeTier,
  filter?: (declaration: ts.ClassDeclaration) => boolean,
): DeclaredClass | undefined {
  try {
    const { checker, ts: typescript } = types;
    let symbol = checker.getSymbolAtLocation(types.tsNode(callee));
    if (symbol && symbol.flags & typescript.SymbolFlags.Alias) {
      symbol = checker.getAliasedSymbol(symbol);
    }
    const declaration = symbol?.declarations?.find((candidate) => typescript.isClassDeclaration(candidate));
    if (!declaration?.name || (filter && !filter(declaration as ts.ClassDeclaration))) {
      return undefined;
    }
    const file = declaration.getSourceFile();
    if (file.fileName === context.filename) {
      return undefined;
    }
    const view = parseProgramFile(file, context, types);
    const node = view?.classes.get(declaration.name.getStart(file));
    if (!view || !node) {
      return undefined;
    }
    const isExternal =
      file.isDeclarationFile || types.program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/u.test(file.fileName);
    return { node, sourceCode: view.sourceCode, types: view.types, fileName: file.fileName, isExternal };
  } catch {
    // A parser or checker that does not answer as expected: no class, no report.
    return undefined;
  }
}

function parseProgramFile(file: ts.SourceFile, context: Context, types: TypeTier): ParsedFile | undefined {
  const cached = parsed.get(file);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const parser = (context.languageOptions as { parser?: Partial<ForeignParser> }).parser;
  let result: ParsedFile | null = null;
  if (typeof parser?.parseForESLint === 'function') {
    const { ast, services, scopeManager, visitorKeys } = parser.parseForESLint(file.text, {
      ...context.languageOptions.parserOptions,
      // The program this file was linted with already holds the other file: no second project.
      project: undefined,
      projectService: undefined,
      programs: [types.program],
      filePath: file.fileName,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    const SourceCodeClass = context.sourceCode.constructor as SourceCodeClass;
    const sourceCode = new SourceCodeClass({ text: file.text, ast, parserServices: services, scopeManager, visitorKeys });
    const classes = new Map<number, ClassNode>();
    setParents(ast, sourceCode.visitorKeys, classes);
    result = { sourceCode, types: getTypeTier({ sourceCode } as Context), classes };
  }
  parsed.set(file, result);
  return result ?? undefined;
}

/** ESLint sets `parent` while it traverses a file it lints; a file parsed here needs it set too. */
function setParents(ast: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys, classes: Map<number, ClassNode>): void {
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isClassNode(node) && node.id?.type === AST_NODE_TYPES.Identifier) {
      classes.set(node.id.range[0], node);
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child)) {
          (child as { parent: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
