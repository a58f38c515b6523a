/** `tsx apps/server/src/main.ts`: start the web process with configuration from the environment. */
import { loadConfig, startServer } from "./index.ts";

const server = await startServer(loadConfig());
console.log(`Kexin is running at ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.stop().then(() => process.exit(0)));
}
