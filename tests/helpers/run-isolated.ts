import { spawn } from 'node:child_process';

import { transpile, writeTempModule } from './run-code.js';

/**
 * Runs code that may hang in a child Node process, so the test survives it. A thenable that
 * resolves to itself keeps the microtask queue busy forever: the child's own timers never fire,
 * and only the parent's timeout (which kills the child) ends it.
 */

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
 * For a run expected to end by itself (it settles, or its own timer reports it pending): a kill
 * limit generous enough for a loaded machine, which such a child never reaches.
 */
export const ENDS_BY_ITSELF = { timeoutMs: 30_000 } as const;

/**
 * Transpiles `source` (TypeScript or JavaScript, an ES module) and appends a probe: it sets a
 * `timerMs` timer, runs `probe` (an async expression over the module's bindings that gives
 * `[awaitedValue, expectedValue]`), and prints how the await ended. Runs it in a child Node
 * process, killed `timeoutMs` after it starts awaiting (short by default: a spinning child only ends
 * that way; pass {@link ENDS_BY_ITSELF} when the child should end on its own).
 */
export async function runAwait(
  source: string,
  probe: string,
  { timerMs = 500, timeoutMs = 2000 }: { timerMs?: number; timeoutMs?: number } = {},
): Promise<AwaitOutcome> {
  const program = [
    transpile(source),
    // The kill timer starts when the child says it got here, so a slow start is not a hang.
    "console.log('started');",
    `const __timer = setTimeout(() => { console.log('pending while timers run'); process.exit(0); }, ${timerMs});`,
    'try {',
    `  const [__value, __expected] = await (async () => ${probe})();`,
    "  console.log(__value === __expected ? 'fulfilled with the expected value' : 'fulfilled with another value');",
    '} catch {',
    "  console.log('rejected');",
    '}',
    'clearTimeout(__timer);',
  ].join('\n');
  const file = writeTempModule(program, 'probe');
  const child = spawn(process.execPath, [file]);
  let stdout = '';
  let stderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  let killed = false;
  // Only for a child that never even starts: a broken machine, not a result.
  const startTimer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!killTimer && stdout.startsWith('started\n')) {
      killTimer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, timeoutMs);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => {
    clearTimeout(startTimer);
    clearTimeout(killTimer);
  });
  if (killed) {
    return 'killed: timers never fired';
  }
  if (status !== 0 || !stdout.startsWith('started\n')) {
    throw new Error(`the probe failed (exit ${String(status)}): ${stderr}`);
  }
  return stdout.trim().split('\n').at(-1) as AwaitOutcome;
}
