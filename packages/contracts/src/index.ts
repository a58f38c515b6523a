export * from "./auth.ts";
export * from "./common.ts";
export * from "./customers.ts";
export * from "./dashboard.ts";
export * from "./errors.ts";
export * from "./imports.ts";
