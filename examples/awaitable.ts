// An awaitable class: `await new Client(url)` runs the initialisation exactly once and fulfils with
// the instance itself. `then` is removed once the work has settled, so the instance stops being a
// thenable and the await does not unwrap it again (which would never end).

declare function handshake(url: string): Promise<string>;

export class Client {
  #init: Promise<void> | undefined;
  token = '';

  constructor(readonly url: string) {}

  async #initialize(): Promise<void> {
    this.token = await handshake(this.url);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#initialize().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }
}

export async function main(): Promise<void> {
  const client = await new Client('wss://example.test');
  console.log(client.token);
}
