// An async-disposable resource. `await using` awaits only `[Symbol.asyncDispose]` at scope exit, never
// the initialisation, so the resource is built by a static async factory and its dispose guards.

interface Socket {
  send(data: string): Promise<void>;
  end(): Promise<void>;
}

declare function dial(host: string): Promise<Socket>;

export class Channel implements AsyncDisposable {
  #socket: Socket | undefined;

  private constructor(readonly host: string) {}

  static async open(host: string): Promise<Channel> {
    const channel = new Channel(host);
    channel.#socket = await dial(host);
    return channel;
  }

  send(data: string): Promise<void> {
    if (!this.#socket) {
      throw new Error('channel is closed');
    }
    return this.#socket.send(data);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#socket?.end();
    this.#socket = undefined;
  }
}

export async function main(): Promise<void> {
  await using channel = await Channel.open('example.test');
  await channel.send('hello');
}
