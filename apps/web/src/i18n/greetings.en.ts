/** English for the greetings & letters pages. */
import type { GreetingsMessages } from "./greetings.zh-CN.ts";

export const greetingsEn: GreetingsMessages = {
  title: "Greetings & letters",
};
