import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ESLint, Linter } from 'eslint';

/**
 * What the integration tests share: running the real programs (npm, the eslint CLI, oxlint, the
 * language server), packing the plugin as users get it, and one comparable shape for findings.
 */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The per-rule fixtures: `<rule>.js` (plain JS), `<rule>.ts` (typed; may import './deps.js'). */
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/integration');
export const examplesDir = path.join(repoRoot, 'examples');

/** npm, quiet and without network chatter; `logs_max=0` keeps it from writing log files. */
export const npmEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_loglevel: 'error',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
  npm_config_logs_max: '0',
};

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell) and resolves with its exit code and output, whatever the code. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? npmEnv, maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 300_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // Not an exit code: the program could not start, or was killed by the timeout.
          reject(new Error(`${file} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Like `run`, but a non-zero exit (other than those `allowed`) is an error that shows the output. */
export async function runOk(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number; allowed?: readonly number[] },
): Promise<RunResult> {
  const result = await run(file, args, options);
  if (result.code !== 0 && !(options.allowed ?? []).includes(result.code)) {
    throw new Error(
      `${path.basename(file)} ${args.join(' ')} exited with ${result.code} in ${options.cwd}\n${result.stdout.slice(0, 4000)}\n${result.stderr.slice(0, 4000)}`,
    );
  }
  return result;
}

/** A fresh directory outside the repository, removed by the returned function. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `async-init-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than src/ (`npm test` builds before vitest runs, so
 * this only matters when a test file is run alone).
 */
export async function ensureBuilt(): Promise<void> {
  const entry = path.join(repoRoot, 'dist/index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(repoRoot, 'src'))) {
    return;
  }
  await runOk(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
  });
}

/** `npm pack`s the built plugin into `destination` and returns the tarball's path. */
export async function packPlugin(destination: string): Promise<string> {
  await ensureBuilt();
  const { stdout } = await runOk('npm', ['pack', '--json', '--pack-destination', destination], { cwd: repoRoot });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  return path.join(destination, packed.filename);
}

/** One finding, in a shape the CLI's `--format json`, the Node API and other linters can all be reduced to. */
export interface Finding {
  /** Relative to the linted root, with `/`. */
  file: string;
  ruleId: string | null;
  messageId: string | undefined;
  message: string;
  severity: number;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  suggestions: { desc: string; messageId: string | undefined; fix: { range: [number, number]; text: string } }[];
}

/** ESLint's results (from the JSON formatter or the Node API), reduced and sorted. */
export function toFindings(results: readonly ESLint.LintResult[], root: string): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((message: Linter.LintMessage) => ({
        file: path.relative(root, result.filePath).split(path.sep).join('/'),
        ruleId: message.ruleId,
        messageId: message.messageId,
        message: message.message,
        severity: message.severity,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        suggestions: (message.suggestions ?? []).map((suggestion) => ({
          desc: suggestion.desc,
          messageId: suggestion.messageId,
          fix: { range: suggestion.fix.range, text: suggestion.fix.text },
        })),
      })),
    )
    .sort(compareFindings);
}

export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column'>, b: Pick<Finding, 'file' | 'line' | 'column'>): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** The short form the hand-written lists use: `file rule/messageId line:column`. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.file} ${(finding.ruleId ?? 'FATAL').replace(/^async-init\//, '')}/${finding.messageId ?? finding.message} ${finding.line}:${finding.column}`,
  );
}

/** Parses `eslint --format json` output; a crash or config error is not JSON and fails here with the output. */
export function parseEslintJson(stdout: string, stderr: string): ESLint.LintResult[] {
  try {
    return JSON.parse(stdout) as ESLint.LintResult[];
  } catch {
    throw new Error(`eslint did not print JSON results:\n${stdout.slice(0, 4000)}\n${stderr.slice(0, 4000)}`);
  }
}

/** The typed `eslint.config.js` the consumer and editor workspaces use: the project service, every rule. */
export const TYPED_CONFIG = `import asyncInit from 'eslint-plugin-async-init';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  asyncInit.configs.recommended,
  { rules: asyncInit.configs.all.rules },
];
`;
