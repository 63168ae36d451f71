import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * A small JSON-RPC client for a language server on stdio: `Content-Length` framed messages, requests
 * with ids, notifications, and handlers for the requests the server sends to the client. Enough to play
 * the editor's part in a test, with nothing mocked on the server's side.
 */

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

export class LspClient {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  readonly #handlers = new Map<string, RequestHandler>();
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  #exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Every notification the server sent, in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every request the server sent, in order (including those with a handler). */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** What the server wrote to stderr. */
  stderr = '';

  constructor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.#child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.#child.on('exit', (code, signal) => {
      this.#exited = { code, signal };
      for (const { reject, method } of this.#pending.values()) {
        reject(new Error(`the server exited (${code ?? signal}) before answering ${method}\n${this.stderr}`));
      }
      this.#pending.clear();
    });
  }

  /** Answers the server's `method` requests with `handler`'s result (a thrown error becomes an error response). */
  onRequest(method: string, handler: RequestHandler): void {
    this.#handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.#exited) {
      return Promise.reject(new Error(`the server has exited; cannot send ${method}`));
    }
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.#pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** `shutdown`, `exit`, and wait for the process to end (killed if it does not). */
  async close(): Promise<void> {
    if (this.#exited) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 10_000);
      this.notify('exit', null);
    } catch {
      // Already gone or stuck: the kill below ends it.
    }
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) {
        return;
      }
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const length = /content-length: *(\d+)/i.exec(header)?.[1];
      if (length === undefined) {
        throw new Error(`a message without Content-Length: ${header}`);
      }
      const start = headerEnd + 4;
      const end = start + Number(length);
      if (this.#buffer.length < end) {
        return;
      }
      const message = JSON.parse(this.#buffer.subarray(start, end).toString('utf8')) as Message;
      this.#buffer = this.#buffer.subarray(end);
      this.#dispatch(message);
    }
  }

  #dispatch(message: Message): void {
    if (message.method === undefined) {
      const pending = this.#pending.get(Number(message.id));
      if (pending) {
        this.#pending.delete(Number(message.id));
        if (message.error) {
          pending.reject(new Error(`${pending.method} failed: ${message.error.message}`));
        } else {
          pending.resolve(message.result);
        }
      }
      return;
    }
    if (message.id === undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      return;
    }
    this.serverRequests.push({ method: message.method, params: message.params });
    const handler = this.#handlers.get(message.method);
    if (!handler) {
      this.#send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `the test client does not handle ${message.method}` } });
      return;
    }
    try {
      this.#send({ jsonrpc: '2.0', id: message.id, result: handler(message.params) ?? null });
    } catch (error) {
      this.#send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
    }
  }
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** The offset of an LSP position (UTF-16 code units, as JavaScript strings count). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) {
      return text.length;
    }
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits (non-overlapping, against the original text) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
