// @ts-check
// Programs the benchmark runs that are not devDependencies: oxlint is installed on demand, pinned,
// into a folder outside the repository (the registry this project uses lacks most of oxlint's
// other-platform binding packages, so it cannot sit in package-lock.json: `npm ci` would fail).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** The oxlint the benchmark uses (the integration tests pin the same one). */
export const OXLINT_VERSION = '1.94.0';

/**
 * Installs oxlint@OXLINT_VERSION once into `<tmpdir>/eslint-plugin-async-init-tools/oxlint-<version>`
 * (reused when present) and returns the path of its bin.
 * @param {(line: string) => void} log
 */
export function ensureOxlint(log) {
  const dir = path.join(os.tmpdir(), 'eslint-plugin-async-init-tools', `oxlint-${OXLINT_VERSION}`);
  const bin = path.join(dir, 'node_modules', 'oxlint', 'bin', 'oxlint');
  if (!existsSync(bin)) {
    log(`installing oxlint@${OXLINT_VERSION} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(path.join(dir, 'package.json'))) {
      writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    }
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `oxlint@${OXLINT_VERSION}`], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
  }
  return bin;
}
