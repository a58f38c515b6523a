/** Every kind of background job, in one list: the scheduler enqueues the periodic ones, the worker runs them all. */
import type { JobDefinition } from "./job-definition.ts";

export const jobDefinitions: JobDefinition[] = [];

export function findJobDefinition(kind: string): JobDefinition | undefined {
  return jobDefinitions.find((definition) => definition.kind === kind);
}
