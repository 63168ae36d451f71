// The same database class as a static async factory: construction is synchronous and private,
// `create()` awaits the connection, so callers only ever see a connected `Db`.

interface Connection {
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

declare function openConnection(url: string): Promise<Connection>;

export class Db {
  private constructor(
    readonly url: string,
    private readonly connection: Connection,
  ) {}

  static async create(url: string): Promise<Db> {
    const connection = await openConnection(url);
    const db = new Db(url, connection);
    await db.query('select 1');
    return db;
  }

  query(sql: string): Promise<unknown[]> {
    return this.connection.query(sql);
  }
}

export async function main(): Promise<void> {
  const db = await Db.create('postgres://localhost/app');
  console.log(await db.query('select now()'));
}
