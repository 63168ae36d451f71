// A class that starts its initialisation in the constructor. Every marked line is a finding:
// `new Db(url)` returns before the connection exists, and a failed connect is an unhandled rejection.

interface Connection {
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

declare function openConnection(url: string): Promise<Connection>;

export class Db {
  connection: Connection | undefined;
  ready: Promise<void>;

  constructor(readonly url: string) {
    this.ready = this.connect(); // the "ready promise": only safe if every caller remembers it
    this.warmUp().catch((error: unknown) => console.error(error)); // handled, but still not awaited
    void this.loadSchema(); // fire and forget
  }

  async connect(): Promise<void> {
    this.connection = await openConnection(this.url);
  }

  async warmUp(): Promise<void> {
    await this.connection?.query('select 1');
  }

  async loadSchema(): Promise<void> {
    await this.connection?.query('select * from schema');
  }
}

export class Cache {
  entries = new Map<string, string>();

  constructor(private readonly source: URL) {
    (async () => {
      const response = await fetch(this.source);
      for (const [key, value] of Object.entries((await response.json()) as Record<string, string>)) {
        this.entries.set(key, value);
      }
    })();
  }
}

export class Session {
  // An injected client whose connect() returns a promise: found with type information only.
  constructor(client: { connect(): Promise<void> }) {
    client.connect();
  }
}
