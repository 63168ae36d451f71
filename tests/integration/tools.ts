import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { npmEnv, runOk } from './helpers.js';

/**
 * Programs the tests need but the repository cannot list as devDependencies. oxlint ships one native
 * binding package per platform; a registry that lacks some of them makes npm write a lockfile without
 * them, and `npm ci` then fails. So it is installed on demand, pinned, once per machine, into a cache
 * directory outside the repository, and reused from there.
 */

export const OXLINT_VERSION = '1.94.0';

const toolsDir = path.join(os.tmpdir(), 'eslint-plugin-async-init-tools');

/**
 * The path of oxlint's bin, installing `oxlint@OXLINT_VERSION` first if this machine has not yet.
 * Safe to call from several processes at once: each installs into its own directory and renames it
 * into place; the first rename wins and the others use its result.
 */
export async function ensureOxlint(): Promise<string> {
  const target = path.join(toolsDir, `oxlint-${OXLINT_VERSION}`);
  const bin = path.join(target, 'node_modules/oxlint/bin/oxlint');
  if (existsSync(bin)) {
    return bin;
  }
  mkdirSync(toolsDir, { recursive: true });
  const staging = mkdtempSync(path.join(toolsDir, `.oxlint-${OXLINT_VERSION}-`));
  try {
    writeFileSync(path.join(staging, 'package.json'), '{ "name": "async-init-tools-oxlint", "private": true }\n');
    await runOk(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', `oxlint@${OXLINT_VERSION}`],
      { cwd: staging, env: npmEnv },
    );
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
