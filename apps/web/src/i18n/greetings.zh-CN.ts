/** 简体中文 for the greetings & letters pages; the shape the other two languages must match. */
export const greetingsZhCN = {
  title: "问候与信函",
};
export type GreetingsMessages = typeof greetingsZhCN;
