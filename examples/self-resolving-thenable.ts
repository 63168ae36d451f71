// A connection pool that "awaits itself": `then` fulfils with the pool. TypeScript's own check (error
// 1062, a type referenced in the fulfilment callback of its own `then`) was silenced by typing the
// value `Omit<Pool, 'then'>`, but at run time the pool still has its `then`, so `await new Pool(url)`
// unwraps it again and again: the process spins at 100% CPU and no timer or I/O callback ever runs.

interface Connection {
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

declare function connect(url: string): Promise<Connection>;

export class Pool {
  #connection: Promise<Connection> | undefined;

  constructor(readonly url: string) {}

  then<T = Omit<Pool, 'then'>, E = never>(
    onfulfilled?: ((pool: Omit<Pool, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#connection ??= connect(this.url);
    return this.#connection.then(() => this as Omit<Pool, 'then'>).then(onfulfilled, onrejected);
  }

  async query(sql: string): Promise<unknown[]> {
    this.#connection ??= connect(this.url);
    return (await this.#connection).query(sql);
  }

  // Awaiting this hangs the same way: it fulfils with the pool, whose `then` fulfils with the pool.
  async reconnect(): Promise<Omit<this, 'then'>> {
    const old = this.#connection;
    this.#connection = connect(this.url);
    await (await old)?.close();
    return this;
  }
}

// The short form of the same mistake: `then` waits for the ready promise, then fulfils with the
// replica itself. Here the fix is a suggestion: a `then` that runs once and settles.
export class Replica {
  constructor(
    readonly url: string,
    private readonly ready: Promise<void>,
  ) {}

  then<T = Omit<Replica, 'then'>, E = never>(
    onfulfilled?: ((replica: Omit<Replica, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    return this.ready.then(() => this as Omit<Replica, 'then'>).then(onfulfilled, onrejected);
  }
}

export async function main(): Promise<void> {
  const pool = await new Pool('postgres://localhost/app');
  console.log(await pool.query('select now()'));
}
