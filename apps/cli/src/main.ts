/**
 * `kexin` — the command line. Each command lives in its own file and registers itself here.
 * Exit codes: 0 done, 1 Kexin failed, 2 the input was bad (message on stderr naming the cause).
 */
import { Command, CommanderError } from "commander";
import { registerClvCommand } from "./analyze/clv.ts";
import { registerKanoCommand } from "./analyze/kano.ts";
import { registerPlsCommand } from "./analyze/pls.ts";
import { registerRfmCommand } from "./analyze/rfm.ts";
import { EXIT_BAD_INPUT, UsageError } from "./analyze/usage-error.ts";
import { registerDataCommands } from "./commands/data.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerWorkerCommand } from "./commands/worker.ts";

const program = new Command()
  .name("kexin")
  .description("Kexin (客信): customer satisfaction, trust and loyalty")
  .exitOverride();

registerServeCommand(program);
registerWorkerCommand(program);
registerDataCommands(program);
const analyze = program.command("analyze").description("run an analysis on a file and print JSON to stdout");
registerPlsCommand(analyze);
registerClvCommand(analyze);
registerRfmCommand(analyze);
registerKanoCommand(analyze);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  } else if (error instanceof UsageError) {
    process.stderr.write(`kexin: ${error.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    process.stderr.write(`kexin: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
