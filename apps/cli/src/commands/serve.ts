import { loadConfig, startServer } from "@kexin/server";
import type { Command } from "commander";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("start the web dashboard and API (PORT, DATABASE_URL from the environment)")
    .option("-p, --port <port>", "port to listen on (default 3000 or PORT)")
    .action(async (options: { port?: string }) => {
      const config = loadConfig({ ...process.env, ...(options.port && { PORT: options.port }) });
      const server = await startServer(config);
      console.log(`Kexin is running at ${server.url.replace("127.0.0.1", "localhost")}`);
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => void server.stop().then(() => process.exit(0)));
      }
    });
}
