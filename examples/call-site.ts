// A class whose constructor only sets it up: the connection is made by `Db.connect()`, its static
// async factory. `new Db(url)` still compiles (the constructor is public), and gives a `Db` that never
// connects: `main()`'s first query throws. The call site is a finding (require-awaited-init).

interface Connection {
  query(sql: string): Promise<unknown[]>;
}

declare function openConnection(url: string): Promise<Connection>;

export class Db {
  private connection: Connection | undefined;

  constructor(readonly url: string) {}

  static async connect(url: string): Promise<Db> {
    const db = new Db(url);
    await db.open();
    return db;
  }

  private async open(): Promise<void> {
    this.connection = await openConnection(this.url);
  }

  query(sql: string): Promise<unknown[]> {
    if (!this.connection) {
      throw new Error(`not connected to ${this.url}`);
    }
    return this.connection.query(sql);
  }
}

export async function main(): Promise<unknown[]> {
  const db = new Db('postgres://localhost/app');
  return db.query('select now()');
}
