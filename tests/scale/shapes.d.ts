/** The size generator's shapes (see shapes.js): large valid programs, each a function of one size. */
export interface Shape {
  name: string;
  /** One line: what grows. */
  what: string;
  /** typescript-eslint's parser without a program (`scale.ts`) or espree (`scale.js`). */
  parser: 'ts' | 'js';
  /** The bench's n (it times n, 2n, 4n, 8n). */
  baseSize: number;
  /** The largest size the test runs (8n, or about four fifths of the parser's limit). */
  maxSize: number;
  /** The size is a nesting depth, bounded by the parsers. */
  nested?: boolean;
  /** The reports each rule gives at size n (rules not named give none). */
  expected(n: number): Record<string, number>;
  /** The program of size n. */
  generate(n: number): string;
}

export declare const SHAPES: Shape[];

/** The shape named `name` (throws for an unknown name). */
export declare function getShape(name: string): Shape;
