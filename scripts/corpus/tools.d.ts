/** The oxlint the benchmark and the integration tests use. */
export declare const OXLINT_VERSION: string;

/**
 * Installs oxlint@OXLINT_VERSION once per machine, outside the repository, and returns the path of
 * its bin (see tools.js).
 */
export declare function ensureOxlint(log: (line: string) => void): string;
