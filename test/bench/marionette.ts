// A small client for Marionette, Firefox's own remote protocol, for the Firefox bench rows. WebDriver
// BiDi (what the Firefox suites use through puppeteer-core) refuses about:reader and cannot run code
// in the browser's own window, where Reader View's toolbar button lives; Marionette can do both
// (its "chrome" context, which Firefox allows with --remote-allow-system-access).
//
// The protocol, as Firefox's marionette server speaks it: every message is `<byte length>:<JSON>`,
// the length in decimal, counting the UTF-8 bytes of the JSON. On connecting, the server sends one
// greeting object ({ applicationType: 'gecko', marionetteProtocol: 3 }). A command is
// [0, id, name, parameters]; its response is [1, id, error | null, result | null].

import { Socket } from 'node:net';

/** One message framed for the wire. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]);
}

/**
 * Takes the bytes as they arrive (a message may be split anywhere, even inside a UTF-8 character,
 * and one chunk may hold several messages) and gives back each complete message, parsed.
 */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: unknown[] = [];
    for (;;) {
      const colon = this.buffered.indexOf(0x3a);
      if (colon < 0) {
        if (this.buffered.length > 20 || /[^0-9]/.test(this.buffered.toString('latin1'))) throw this.badLength();
        return messages;
      }
      const lengthText = this.buffered.subarray(0, colon).toString('latin1');
      if (!/^[0-9]{1,20}$/.test(lengthText)) throw this.badLength();
      const length = Number(lengthText);
      const end = colon + 1 + length;
      if (this.buffered.length < end) return messages;
      messages.push(JSON.parse(this.buffered.subarray(colon + 1, end).toString('utf8')));
      this.buffered = this.buffered.subarray(end);
    }
  }

  private badLength(): Error {
    return new Error(`marionette: a message does not start with "<length>:" (got ${JSON.stringify(this.buffered.subarray(0, 24).toString('latin1'))})`);
  }
}

export interface MarionetteError {
  error: string;
  message: string;
  stacktrace?: string;
}

/** What a response is: [1, id, error, result]. */
export function parseResponse(message: unknown): { id: number; error: MarionetteError | null; result: unknown } {
  if (!Array.isArray(message) || message.length !== 4 || message[0] !== 1 || typeof message[1] !== 'number') {
    throw new Error(`marionette: not a response: ${JSON.stringify(message).slice(0, 200)}`);
  }
  const error = message[2] as MarionetteError | null;
  return { id: message[1], error, result: message[3] };
}

export class Marionette {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; name: string }>();
  private readonly reader = new FrameReader();
  private greeting: Promise<unknown>;
  private closedError: Error | undefined;

  private constructor(private readonly socket: Socket) {
    let greet: (value: unknown) => void = () => undefined;
    let failGreeting: (error: Error) => void = () => undefined;
    this.greeting = new Promise((resolve, reject) => {
      greet = resolve;
      failGreeting = reject;
    });
    let greeted = false;
    socket.on('data', (chunk: Buffer) => {
      let messages: unknown[];
      try {
        messages = this.reader.push(chunk);
      } catch (error) {
        this.fail(error as Error);
        socket.destroy();
        return;
      }
      for (const message of messages) {
        if (!greeted) {
          greeted = true;
          greet(message);
          continue;
        }
        const { id, error, result } = parseResponse(message);
        const waiting = this.pending.get(id);
        if (!waiting) continue;
        this.pending.delete(id);
        if (error) waiting.reject(new Error(`marionette ${waiting.name}: ${error.error}: ${error.message}`));
        else waiting.resolve(result);
      }
    });
    socket.on('close', () => {
      const error = new Error('marionette: the connection closed');
      failGreeting(error);
      this.fail(error);
    });
    socket.on('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.closedError ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  static async connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.setNoDelay(true);
    const client = new Marionette(socket);
    const hello = (await client.greeting) as { marionetteProtocol?: number };
    if (hello.marionetteProtocol !== 3) throw new Error(`marionette: protocol ${String(hello.marionetteProtocol)}, expected 3`);
    return client;
  }

  command<T = unknown>(name: string, parameters: Record<string, unknown> = {}): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, name });
      this.socket.write(frame([0, id, name, parameters]));
    });
  }

  /** Runs `script` (a function body; `arguments` are `args`) in the current context; its return value. */
  async execute<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    const { value } = await this.command<{ value: T }>('WebDriver:ExecuteScript', { script, args });
    return value;
  }

  /** Like `execute`, but `script` ends by calling `arguments[arguments.length - 1](value)`. */
  async executeAsync<T = unknown>(script: string, args: unknown[] = [], timeoutMs = 120_000): Promise<T> {
    const { value } = await this.command<{ value: T }>('WebDriver:ExecuteAsyncScript', { script, args, scriptTimeout: timeoutMs });
    return value;
  }

  setContext(context: 'chrome' | 'content'): Promise<unknown> {
    return this.command('Marionette:SetContext', { value: context });
  }

  close(): void {
    this.socket.destroy();
  }
}
