// The page's linter, in a worker: ESLint, typescript-eslint's parser, TypeScript and the rules load
// and run here, so the page shows the editor before they have loaded and stays responsive while a
// long file is linted.
import type { Linter } from 'eslint';

import { lint, type LintResult } from './lint.js';
import type { Language } from './rules-info.js';

export interface LintRequest {
  id: number;
  code: string;
  language: Language;
  rules: Linter.RulesRecord;
}

export interface LintResponse {
  id: number;
  /** The code the result is for. */
  code: string;
  result: LintResult;
}

/** The worker's global scope, as far as this worker uses it (the DOM lib types `self` as a window). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

scope.onmessage = ({ data: { id, code, language, rules } }) => {
  let result: LintResult;
  try {
    result = lint(code, language, rules);
  } catch (error) {
    // lint() turns ESLint's errors into results; anything else still gets an answer, never silence.
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage({ id, code, result });
};
