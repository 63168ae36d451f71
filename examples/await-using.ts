// `await using` awaits only the disposal at the end of the scope, never the initialisation. Each marked
// line is a finding: of require-awaited-init at the use sites, of async-dispose-requires-init at the classes.

interface Connection {
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

declare function openConnection(url: string): Promise<Connection>;

// An awaitable, async-disposable client. Its constructor is public, so `await using c = new Client(url)`
// enters the scope unconnected (async-dispose-requires-init).
export class Client implements AsyncDisposable {
  #init: Promise<void> | undefined;
  #connection: Connection | undefined;

  constructor(readonly url: string) {}

  async #connect(): Promise<void> {
    this.#connection = await openConnection(this.url);
  }

  then<T = Omit<this, 'then'>, E = never>(
    onfulfilled?: ((value: Omit<this, 'then'>) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    this.#init ??= this.#connect().then(() => {
      Object.defineProperty(this, 'then', { value: undefined, configurable: true, writable: true });
    });
    return this.#init.then(() => this as Omit<this, 'then'>).then(onfulfilled, onrejected);
  }

  query(sql: string): Promise<unknown[]> {
    if (!this.#connection) {
      throw new Error(`${this.url}: not connected`);
    }
    return this.#connection.query(sql);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#connection?.close();
  }
}

// A session that connects in an async method: when `connect()` never ran or failed, disposal throws
// at scope exit and hides the real error (async-dispose-requires-init, with a "guard the read" suggestion).
export class Session implements AsyncDisposable {
  connection?: Connection;

  async connect(url: string): Promise<void> {
    this.connection = await openConnection(url);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.connection!.close();
  }
}

export class Pool implements AsyncDisposable {
  private constructor(readonly connections: Connection[]) {}

  static async create(url: string, size: number): Promise<Pool> {
    const connections = await Promise.all(Array.from({ length: size }, () => openConnection(url)));
    return new Pool(connections);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.close()));
  }
}

export async function report(url: string): Promise<unknown[]> {
  await using client = new Client(url); // never awaited: `client.query` throws "not connected"
  const version = await new Client(url).query('select version()'); // queried before it connects
  // @ts-expect-error -- TypeScript flags this one too; in JavaScript nothing does.
  await using pool = Pool.create(url, 4); // a promise, not the pool: TypeError, the pool leaks
  return [version, await client.query('select 1'), pool];
}

export async function fixed(url: string): Promise<unknown[]> {
  await using client = await new Client(url);
  await using pool = await Pool.create(url, 4);
  return [await client.query('select 1'), pool.connections.length];
}
