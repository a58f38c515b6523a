/**
 * A problem with what the user gave the command (a file, a flag, a model). The CLI prints its message to stderr
 * and exits with code 2, so scripts can tell bad input (2) from a failure of Kexin itself (1).
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_BAD_INPUT = 2;
