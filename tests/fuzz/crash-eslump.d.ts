// Types for eslump 3 (it ships none): the one function the crash fuzzer calls.
declare module 'eslump' {
  export interface GenerateOptions {
    sourceType?: 'module' | 'script';
    /** How deep shift-fuzzer nests nodes (7 when omitted). */
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }
  /** A random, syntactically valid (by shift-parser's ES2017 grammar) program. Draws from `Math.random`. */
  export function generateRandomJS(options?: GenerateOptions): string;
}
