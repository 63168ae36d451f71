import { spawnSync } from 'node:child_process';
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

/** Transpiles TypeScript or JavaScript to an ES2022 module, types dropped, without type-checking. */
export function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: false,
  }).outputText;
}

/** Writes `text` to a fresh `.mjs` file in this test file's temporary directory; returns its path. */
export function writeTempModule(text: string, prefix = 'module'): string {
  tempDir ??= mkdtempSync(path.join(os.tmpdir(), 'async-init-run-'));
  const file = path.join(tempDir, `${prefix}-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, text);
  return file;
}

/** Transpiles `source` (TypeScript or JavaScript) to an ES module and imports it. */
export async function importTranspiled<T = Record<string, unknown>>(source: string): Promise<T> {
  const file = writeTempModule(transpile(source));
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
  return typeCheckModules({ [fileName]: source })[fileName] ?? [];
}

/**
 * Type-checks several independent TypeScript modules (file name to source) in one program under
 * `--strict`; returns each file's diagnostics as text.
 */
export function typeCheckModules(modules: Readonly<Record<string, string>>): Record<string, string[]> {
  const host = ts.createCompilerHost(checkOptions);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const sources = new Map(Object.entries(modules).map(([name, source]) => [path.resolve(name), source]));
  host.fileExists = (name) => sources.has(path.resolve(name)) || ts.sys.fileExists(name);
  host.readFile = (name) => sources.get(path.resolve(name)) ?? readFile(name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const source = sources.get(path.resolve(name));
    return source === undefined
      ? getSourceFile(name, languageVersion, ...rest)
      : ts.createSourceFile(name, source, languageVersion, true);
  };
  const program = ts.createProgram([...sources.keys()], checkOptions, host);
  const result: Record<string, string[]> = {};
  for (const name of Object.keys(modules)) {
    const file = program.getSourceFile(path.resolve(name));
    result[name] = file
      ? ts
          .getPreEmitDiagnostics(program, file)
          .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)
      : ['not in the program'];
  }
  return result;
}

/** Settles `promise` or fails after `ms` milliseconds: nothing a fixed class does may hang. */
export function withTimeout<T>(promise: PromiseLike<T>, ms = 2000, what = 'the awaited work'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms (hang)`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `source` (transpiled as above) in a child Node process with `probe` appended: top-level code
 * over the module's bindings that ends by printing one JSON line. A hang (a thenable that unwraps
 * itself forever blocks the event loop, so no in-process timer could catch it) fails the test:
 * the child is killed after `timeoutMs`. The probe's own `setTimeout` guard catches deadlocks.
 */
export function runInChild<T>(source: string, probe: string, timeoutMs = 10_000): T {
  const file = writeTempModule(`${transpile(source)}\n${probe}\n`, 'child');
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (child.signal === 'SIGKILL') {
    throw new Error(`the run hung: killed after ${timeoutMs} ms (a spinning await blocks every timer)`);
  }
  if (child.status !== 0) {
    throw new Error(`the run failed (exit ${String(child.status)}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? 'null') as T;
}
