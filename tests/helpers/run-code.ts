import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import ts from 'typescript';
import { afterAll } from 'vitest';

/**
 * Runs fixed code for real: transpile TypeScript with `transpileModule`, write it to a temporary
 * `.mjs` file and import it with Node's own loader. Also type-checks a snippet in memory.
 */

let tempDir: string | undefined;

afterAll(() => {
  if (tempDir) {
    rmSync(tempDir, { recursive: true, force: true });
  }
});

let counter = 0;

/** Transpiles `source` (TypeScript or JavaScript) to an ES module and imports it. */
export async function importTranspiled<T = Record<string, unknown>>(source: string): Promise<T> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: false,
  });
  tempDir ??= mkdtempSync(path.join(os.tmpdir(), 'async-init-run-'));
  const file = path.join(tempDir, `module-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, outputText);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}

const checkOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  strict: true,
  noEmit: true,
  types: [],
};

/** Type-checks one TypeScript module under `--strict`; returns the diagnostics as text. */
export function typeCheck(source: string, fileName = 'snippet.ts'): string[] {
  const host = ts.createCompilerHost(checkOptions);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const target = path.resolve(fileName);
  host.fileExists = (name) => path.resolve(name) === target || ts.sys.fileExists(name);
  host.readFile = (name) => (path.resolve(name) === target ? source : readFile(name));
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === target
      ? ts.createSourceFile(name, source, languageVersion, true)
      : getSourceFile(name, languageVersion, ...rest);
  const program = ts.createProgram([target], checkOptions, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

/** Settles `promise` or fails after `ms` milliseconds: nothing a fixed class does may hang. */
export function withTimeout<T>(promise: PromiseLike<T>, ms = 2000, what = 'the awaited work'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms (hang)`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}
