export * from "./definition.ts";
export * from "./answers.ts";
export * from "./api.ts";
