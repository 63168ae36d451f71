import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll } from 'vitest';

/**
 * Runs code that may hang in a child Node process, so the test survives it. A thenable that
 * resolves to itself keeps the microtask queue busy forever: the child's own timers never fire,
 * and only the parent's timeout (which kills the child) ends it.
 */

let tempDir: string | undefined;
let counter = 0;

afterAll(() => {
  if (tempDir) {
    rmSync(tempDir, { recursive: true, force: true });
  }
});

/** How an `await` in the child ended. */
export type AwaitOutcome =
  /** The await fulfilled with the value the probe expected (the instance, mostly). */
  | 'fulfilled with the expected value'
  /** The await fulfilled, with something else. */
  | 'fulfilled with another value'
  /** The await rejected. */
  | 'rejected'
  /** The child's own timer fired while the await was pending: nothing will ever settle it (a deadlock). */
  | 'pending while timers run'
  /** The child was killed by the parent's timeout: its own timer never fired (a spin). */
  | 'killed: timers never fired';

/**
 * Transpiles `source` (TypeScript or JavaScript, an ES module) and appends a probe: it sets a
 * timer, runs `probe` (an async expression over the module's bindings that gives
 * `[awaitedValue, expectedValue]`), and prints how the await ended. Runs it in a child Node
 * process with a `timeoutMs` limit (generous: the machine may be loaded, and a child that settles never
 * waits for it).
 */
export async function runAwait(
  source: string,
  probe: string,
  { timerMs = 1000, timeoutMs = 5000 } = {},
): Promise<AwaitOutcome> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: false,
  });
  const program = [
    outputText,
    `const __timer = setTimeout(() => { console.log('pending while timers run'); process.exit(0); }, ${timerMs});`,
    'try {',
    `  const [__value, __expected] = await (async () => ${probe})();`,
    "  console.log(__value === __expected ? 'fulfilled with the expected value' : 'fulfilled with another value');",
    '} catch {',
    "  console.log('rejected');",
    '}',
    'clearTimeout(__timer);',
  ].join('\n');
  tempDir ??= mkdtempSync(path.join(os.tmpdir(), 'async-init-isolated-'));
  const file = path.join(tempDir, `probe-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, program);
  const child = spawn(process.execPath, [file], { timeout: timeoutMs, killSignal: 'SIGKILL' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, closeSignal) => resolve([code, closeSignal]));
  });
  if (signal === 'SIGKILL') {
    return 'killed: timers never fired';
  }
  if (status !== 0) {
    throw new Error(`the probe failed (exit ${String(status)}): ${stderr}`);
  }
  return stdout.trim().split('\n').at(-1) as AwaitOutcome;
}
