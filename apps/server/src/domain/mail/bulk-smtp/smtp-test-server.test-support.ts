/**
 * A real smtp-server for the bulk sender's tests, configurable per test (no PIPELINING, STARTTLS, AUTH, implicit
 * TLS, refusals), that records each message with its envelope and the connections it saw, and can cut a client's
 * socket the way a crashing relay would.
 */
import net, { type AddressInfo, type Socket } from "node:net";
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
  /** Which connection (1, 2, …) carried it. */
  connection: number;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  messages: ReceivedMessage[];
  /** Connections opened so far. */
  connectionCount: number;
  /** Connections open right now. */
  openConnections(): number;
  /** Destroys the TCP socket that carries `session`, as if the server crashed mid-conversation. */
  cutConnection(session: SMTPServerSession): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(
  options: SMTPServerOptions = {},
  listenHost = "127.0.0.1",
): Promise<TestSmtpServer> {
  const sockets = new Map<string, Socket>();
  const connectionIds = new Map<string, number>();
  const state: TestSmtpServer = {
    url: "",
    port: 0,
    messages: [],
    connectionCount: 0,
    openConnections: () => sockets.size,
    cutConnection(session) {
      sockets.get(`${session.remoteAddress}:${session.remotePort}`)?.destroy();
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, received ${state.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    closeTimeout: 500,
    ...options,
    // A test's own onData (e.g. one that refuses the message) replaces the recording one.
    onData: options.onData ?? ((stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        state.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
          connection: connectionIds.get(`${session.remoteAddress}:${session.remotePort}`) ?? 0,
        });
        callback();
      });
    }),
  });
  server.on("error", () => {});
  server.server.on("connection", (socket: Socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(key, socket);
    connectionIds.set(key, ++state.connectionCount);
    socket.on("close", () => sockets.delete(key));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, listenHost, () => resolve());
  });
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `${options.secure ? "smtps" : "smtp"}://127.0.0.1:${state.port}`;
  return state;
}

/** A TCP server that accepts connections and then says nothing (or only `script`'s replies), for timeouts. */
export async function startSilentServer(
  script: (socket: Socket) => void = () => {},
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    script(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A scripted SMTP peer on a plain socket: greets, then answers each command line with `answer(line)` (nothing when
 * it returns undefined), recording every line it hears. For replies smtp-server cannot be made to give.
 */
export function startScriptedServer(
  answer: (line: string) => string | undefined,
  heard: string[] = [],
): Promise<{ url: string; close(): Promise<void> }> {
  return startSilentServer((socket) => {
    socket.write("220 scripted ESMTP\r\n");
    let buffered = "";
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      for (let end = buffered.indexOf("\r\n"); end !== -1; end = buffered.indexOf("\r\n")) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        heard.push(line);
        const reply = answer(line);
        if (reply !== undefined) socket.write(`${reply}\r\n`);
      }
    });
  });
}
