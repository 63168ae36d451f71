// @ts-check
// TypeScript's own diagnostics of one file of a corpus package, with its text replaced by a fix's
// output: the check that an offered output type-checks (no diagnostic the original did not have).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');

/**
 * A language service over the package's generated tsconfig, in which one file at a time can be
 * given another text. Built on first use; the program is reused between checks (only the changed
 * file is parsed again).
 * @param {string} tsconfig
 */
export function createTypeChecker(tsconfig) {
  /** @type {Map<string, { text: string, version: number }>} */
  const overrides = new Map();
  /** @type {import('typescript').LanguageService | undefined} */
  let service;
  /** @type {Map<string, string[]>} */
  const cache = new Map();

  function languageService() {
    if (service) {
      return service;
    }
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!parsed) {
      throw new Error(`Cannot read ${tsconfig}`);
    }
    /** @type {import('typescript').LanguageServiceHost} */
    const host = {
      getCompilationSettings: () => parsed.options,
      getScriptFileNames: () => parsed.fileNames,
      getScriptVersion: (file) => String(overrides.get(path.resolve(file))?.version ?? 0),
      getScriptSnapshot: (file) => {
        const override = overrides.get(path.resolve(file));
        const text = override ? override.text : ts.sys.readFile(file);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => path.dirname(tsconfig),
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    service = ts.createLanguageService(host, ts.createDocumentRegistry());
    return service;
  }

  let version = 0;
  /**
   * The file's syntactic and semantic diagnostics with `text` as its content, as
   * `TS<code>: <message>` strings (no positions: a fix moves code).
   * @param {string} file
   * @param {string} text
   */
  function diagnostics(file, text) {
    const key = `${file}\0${text}`;
    const cached = cache.get(key);
    if (cached) {
      return cached;
    }
    const resolved = path.resolve(file);
    overrides.set(resolved, { text, version: ++version });
    const ls = languageService();
    const all = [...ls.getSyntacticDiagnostics(resolved), ...ls.getSemanticDiagnostics(resolved)];
    const messages = all.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    cache.set(key, messages);
    return messages;
  }

  return {
    /**
     * The diagnostics `output` has in `file` that `original` does not (counted: one more of the
     * same message is new).
     * @param {string} file
     * @param {string} original
     * @param {string} output
     */
    newDiagnostics(file, original, output) {
      const before = new Map();
      for (const message of diagnostics(file, original)) {
        before.set(message, (before.get(message) ?? 0) + 1);
      }
      /** @type {string[]} */
      const added = [];
      for (const message of diagnostics(file, output)) {
        const left = before.get(message) ?? 0;
        if (left > 0) {
          before.set(message, left - 1);
        } else {
          added.push(message);
        }
      }
      // Leave the file as it is on disk for the next check.
      overrides.delete(path.resolve(file));
      return added;
    },
    dispose() {
      service?.dispose();
      service = undefined;
      cache.clear();
    },
  };
}
