// @ts-check
// Programs the benchmark runs that are not devDependencies: oxlint is installed on demand, pinned,
// into a folder outside the repository (the registry this project uses lacks most of oxlint's
// other-platform binding packages, so it cannot sit in package-lock.json: `npm ci` would fail).
// The one installer: the benchmark and the integration tests (tests/integration/tools.ts, through
// tools.d.ts beside this file) share it, and so share one install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** The oxlint the benchmark uses (the integration tests pin the same one). */
export const OXLINT_VERSION = '1.94.0';

/**
 * Installs oxlint@OXLINT_VERSION once into `<tmpdir>/eslint-plugin-async-init-tools/oxlint-<version>`
 * (reused when present; installed in a staging folder and renamed into place, so concurrent
 * installs do not clash) and returns the path of its bin.
 * @param {(line: string) => void} log
 */
export function ensureOxlint(log) {
  const toolsDir = path.join(os.tmpdir(), 'eslint-plugin-async-init-tools');
  const target = path.join(toolsDir, `oxlint-${OXLINT_VERSION}`);
  const bin = path.join(target, 'node_modules', 'oxlint', 'bin', 'oxlint');
  if (existsSync(bin)) {
    return bin;
  }
  log(`installing oxlint@${OXLINT_VERSION} into ${target}`);
  mkdirSync(toolsDir, { recursive: true });
  const staging = mkdtempSync(path.join(toolsDir, `.oxlint-${OXLINT_VERSION}-`));
  try {
    writeFileSync(path.join(staging, 'package.json'), '{ "name": "async-init-tools-oxlint", "private": true }\n');
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', `oxlint@${OXLINT_VERSION}`], {
      cwd: staging,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another process put its install in place first: use that one.
      if (!existsSync(bin)) {
        throw error;
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!existsSync(bin)) {
    throw new Error(`oxlint@${OXLINT_VERSION} was installed into ${target}, but ${bin} is missing`);
  }
  return bin;
}
