import { describe, expect, it } from 'vitest';

import { buildInitField, buildSettledThen } from '../../src/fixes/settle-then.js';
import { importTranspiled, typeCheck, withTimeout } from '../helpers/run-code.js';

const tsThen = buildSettledThen({
  indent: '  ',
  indentUnit: '  ',
  isTypeScript: true,
  initField: '#init',
  initializerCall: 'this.#initialize()',
});

/** A class written with the builder's output, as the fixes and `no-self-resolving-thenable` write it. */
function awaitableClass(isTypeScript: boolean): string {
  const then = isTypeScript
    ? tsThen
    : buildSettledThen({ indent: '  ', indentUnit: '  ', isTypeScript, initField: '#init', initializerCall: 'this.#initialize()' });
  const field = buildInitField({ indent: '  ', isTypeScript, initField: '#init' });
  const types = (text: string): string => (isTypeScript ? text : '');
  return [
    `export const log${types(': string[]')} = [];`,
    `export class Client {`,
    field,
    `  token = '';`,
    `  constructor(${types('readonly ')}url${types(': string')}, ${types('private readonly ')}fail${types('?: Error')}) {`,
    ...(isTypeScript ? [] : ['    this.url = url;', '    this.fail = fail;']),
    `  }`,
    `  async #initialize()${types(': Promise<void>')} {`,
    `    log.push('init ' + this.url);`,
    `    await new Promise((resolve) => setTimeout(resolve, 1));`,
    `    if (this.fail) throw this.fail;`,
    `    this.token = 'token for ' + this.url;`,
    `  }`,
    then,
    `}`,
    `export async function use()${types(': Promise<string>')} {`,
    `  const client = await new Client('a');`,
    `  return client.token;`,
    `}`,
  ].join('\n');
}

describe('buildSettledThen', () => {
  it('writes the TypeScript member with the given indentation', () => {
    expect(tsThen).toBe(
      [
        "  then<T = Omit<this, 'then'>, E = never>(",
        "    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,",
        '    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,',
        '  ): Promise<T | E> {',
        '    this.#init ??= this.#initialize().then(() => {',
        "      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });",
        '    });',
        "    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);",
        '  }',
      ].join('\n'),
    );
  });

  it('writes JavaScript with JSDoc types, tabs, another field and initialiser, and CRLF', () => {
    expect(
      buildSettledThen({
        indent: '\t',
        indentUnit: '\t',
        isTypeScript: false,
        initField: '_ready',
        initializerCall: 'this.load()',
        newline: '\r\n',
      }),
    ).toBe(
      [
        '\t/**',
        '\t * @param {((value: this) => unknown) | null} [onfulfilled]',
        '\t * @param {((reason: unknown) => unknown) | null} [onrejected]',
        '\t */',
        '\tthen(onfulfilled, onrejected) {',
        '\t\tthis._ready ??= this.load().then(() => {',
        "\t\t\tObject.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });",
        '\t\t});',
        '\t\treturn this._ready.then(() => this).then(onfulfilled, onrejected);',
        '\t}',
      ].join('\r\n'),
    );
    expect(buildInitField({ indent: '\t', isTypeScript: false, initField: '#init' })).toBe('\t/** @type {Promise<void> | undefined} */\n\t#init;');
    expect(buildInitField({ indent: '  ', isTypeScript: true, initField: '#init' })).toBe('  #init: Promise<void> | undefined;');
  });

  it('type-checks under --strict, and `await` gives the instance type without `then`', () => {
    const source = `${awaitableClass(true)}
export async function typed(): Promise<void> {
  const client = await new Client('b');
  const token: string = client.token;
  // @ts-expect-error the awaited instance is not a thenable any more
  client.then;
  void token;
}`;
    expect(typeCheck(source)).toEqual([]);
  });

  for (const isTypeScript of [true, false]) {
    describe(isTypeScript ? 'TypeScript output, transpiled and run' : 'JavaScript output, run', () => {
      interface Module {
        log: string[];
        Client: new (url: string, fail?: Error) => PromiseLike<{ token: string; then?: unknown }>;
        use(): Promise<string>;
      }

      it('runs the work once, fulfils with the instance itself, and stops being thenable', async () => {
        const { log, Client, use } = await importTranspiled<Module>(awaitableClass(isTypeScript));
        const client = new Client('x');
        const first = await withTimeout(client);
        const second = await withTimeout(client);
        expect(first).toBe(client);
        expect(second).toBe(client);
        expect(first.token).toBe('token for x');
        expect(first.then).toBeUndefined();
        expect(log).toEqual(['init x']);
        expect(await withTimeout(use())).toBe('token for a');
        expect(log).toEqual(['init x', 'init a']);
      });

      it("rejects every await with the initialiser's error and runs the work once", async () => {
        const { log, Client } = await importTranspiled<Module>(awaitableClass(isTypeScript));
        const failure = new Error('handshake failed');
        const client = new Client('y', failure);
        await expect(withTimeout(client)).rejects.toBe(failure);
        await expect(withTimeout(client)).rejects.toBe(failure);
        expect(log).toEqual(['init y']);
      });

      it('runs the work once when awaited twice at the same time', async () => {
        const { log, Client } = await importTranspiled<Module>(awaitableClass(isTypeScript));
        const client = new Client('z');
        const [a, b] = await withTimeout(Promise.all([client, client]));
        expect(a).toBe(client);
        expect(b).toBe(client);
        expect(log).toEqual(['init z']);
      });
    });
  }
});
