import { ensureOxlint as installOxlint, OXLINT_VERSION } from '../../scripts/corpus/tools.js';

/**
 * Programs the tests need but the repository cannot list as devDependencies. oxlint ships one native
 * binding package per platform; a registry that lacks some of them makes npm write a lockfile without
 * them, and `npm ci` then fails. So it is installed on demand, pinned, once per machine, into a cache
 * directory outside the repository, by the same installer the benchmark uses.
 */

export { OXLINT_VERSION };

/** The path of oxlint's bin, installing `oxlint@OXLINT_VERSION` first if this machine has not yet. */
export async function ensureOxlint(): Promise<string> {
  return installOxlint(() => {});
}
