import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

const END_OF_DATA = '\r\n.\r\n';

/**
 * A TCP relay in front of an SMTP server that passes the conversation through until a client
 * has sent a whole message, then holds back the final `<CRLF>.<CRLF>`. The server has the
 * message but has not accepted it (SMTP accepts only at the end of data), and the client waits
 * for an answer that never comes: a sender caught mid-send.
 */
export class SmtpRelayThatStalls {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private stalledOnce?: () => void;
  /** Resolves when a client is held mid-send. */
  readonly stalled: Promise<void> = new Promise((resolve) => (this.stalledOnce = resolve));
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<string> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      let tail = '';
      let held = false;
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
        socket.on('error', () => undefined);
      }
      upstream.pipe(client);
      // Dot-stuffing keeps <CRLF>.<CRLF> out of everything but the end of a message's data, so
      // its first appearance in what the client sends is that end, wherever chunks split it.
      client.on('data', (chunk: Buffer) => {
        if (held) return;
        const text = chunk.toString('latin1');
        const end = (tail + text).indexOf(END_OF_DATA);
        if (end < 0) {
          tail = (tail + text).slice(-END_OF_DATA.length);
          upstream.write(chunk);
          return;
        }
        // The data's own last line ending goes through; the terminating dot does not.
        upstream.write(chunk.subarray(0, Math.max(0, end + 2 - tail.length)));
        held = true;
        this.stalledOnce?.();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
