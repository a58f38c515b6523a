/** 繁體中文 for the greetings & letters pages. */
import type { GreetingsMessages } from "./greetings.zh-CN.ts";

export const greetingsZhTW: GreetingsMessages = {
  title: "問候與信函",
};
