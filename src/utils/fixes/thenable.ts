/**
 * The awaitable-class transform and the "settled `then`" it is built on.
 *
 * An awaitable class has a `then` member, so `await new Client(url)` calls it. The pattern:
 *
 * - the initialisation work lives in an initialiser (`async #initialize()`), started by the first
 *   `then` call and remembered in a promise field (`#init`), so awaiting twice runs it once;
 * - once that work has fulfilled, the instance shadows its `then` with an own `then: undefined`,
 *   so it is no longer a thenable: the await that resolves with the instance itself stops there
 *   (a thenable that resolves to itself is unwrapped again and again, forever);
 * - a failed initialisation rejects every await with the initialiser's error (and never resolves
 *   with the instance, so nothing loops either).
 */

/** What {@link buildSettledThen} needs to know about the class it writes into. */
export interface SettledThenOptions {
  /** The indentation of the member itself (the class body's members), e.g. two spaces. */
  indent: string;
  /** One level of indentation, added for the member's body, e.g. two spaces or a tab. */
  indentUnit: string;
  /** Write TypeScript (generic, typed parameters); otherwise plain JavaScript. */
  isTypeScript: boolean;
  /**
   * The field that remembers the initialisation promise, as written after `this.`:
   * `#init` (a private name the class must declare: see {@link buildInitField}).
   */
  initField: string;
  /** The call that starts the initialisation and returns its promise: `this.#initialize()`. */
  initializerCall: string;
  /** The line break to use (take it from the file); default `\n`. */
  newline?: string;
}

/**
 * The source text of a `then` member that runs the initialisation once, fulfils with the instance
 * itself, and stops being a thenable once the work has fulfilled. Every line starts with
 * `options.indent`; there is no trailing line break.
 *
 * TypeScript output (with `indent: '  '`, `initField: '#init'`, `initializerCall: 'this.#initialize()'`):
 *
 * ```ts
 *   then<T = Omit<this, 'then'>, E = never>(
 *     onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
 *     onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
 *   ): Promise<T | E> {
 *     this.#init ??= this.#initialize().then(() => {
 *       Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
 *     });
 *     return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
 *   }
 * ```
 *
 * The fulfilled value is typed `Omit<this, 'then'>`: typing it `this` makes TypeScript reject the
 * member (error 1062, a `then` whose callback receives a thenable), and it is also the truth:
 * the awaited instance no longer has a `then`. JavaScript output is the same without the types.
 */
export function buildSettledThen(options: SettledThenOptions): string {
  const { indent, indentUnit, isTypeScript, initField, initializerCall } = options;
  const inner = indent + indentUnit;
  const field = `this.${initField}`;
  const lines = isTypeScript
    ? [
        `${indent}then<T = Omit<this, 'then'>, E = never>(`,
        `${inner}onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,`,
        `${inner}onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,`,
        `${indent}): Promise<T | E> {`,
      ]
    : [`${indent}then(onfulfilled, onrejected) {`];
  lines.push(
    `${inner}${field} ??= ${initializerCall}.then(() => {`,
    `${inner}${indentUnit}Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });`,
    `${inner}});`,
    `${inner}return ${field}.then(() => this${isTypeScript ? " as Omit<this, 'then'>" : ''}).then(onfulfilled, onrejected);`,
    `${indent}}`,
  );
  return lines.join(options.newline ?? '\n');
}

/**
 * The declaration of the field {@link buildSettledThen} stores its promise in:
 * `#init: Promise<void> | undefined;` in TypeScript, `#init;` in JavaScript. Starts with `indent`.
 */
export function buildInitField({
  indent,
  isTypeScript,
  initField,
}: Pick<SettledThenOptions, 'indent' | 'isTypeScript' | 'initField'>): string {
  return `${indent}${initField}${isTypeScript ? ': Promise<void> | undefined' : ''};`;
}
