import net from 'net';

/**
 * A TCP proxy in front of a database, to take it away from the plugin the
 * way an outage does without touching the server other tests share:
 * `stop()` refuses connections and cuts the open ones (a stopped or
 * crashed server), `freeze()` accepts and keeps connections but passes no
 * byte either way (a hung server, a partitioned network), `resume()`
 * brings it back.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private frozen = false;
  private readonly held: (() => void)[] = [];
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer(client => this.accept(client));
    await new Promise<void>(resolve =>
      this.server!.listen(this.port, '127.0.0.1', resolve),
    );
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', chunk => {
        if (this.frozen) this.held.push(() => to.write(chunk));
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Refuse new connections and cut the open ones. */
  async stop(): Promise<void> {
    await new Promise<void>(resolve => {
      this.server?.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    this.server = undefined;
  }

  /** Hold every byte until `resume()`. */
  freeze(): void {
    this.frozen = true;
  }

  /** Listen again (after `stop`) on the same port, and pass what was held (after `freeze`). */
  async resume(): Promise<void> {
    this.frozen = false;
    for (const write of this.held.splice(0)) write();
    if (!this.server) await this.start();
  }

  async close(): Promise<void> {
    await this.stop();
  }
}
