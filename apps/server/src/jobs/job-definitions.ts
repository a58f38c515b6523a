/** Every kind of background job, in one list: the scheduler enqueues the periodic ones, the worker runs them all. */
import { complaintJobDefinitions } from "../domain/complaints/complaint-jobs.ts";
import { greetingJobDefinitions } from "../domain/greetings/greeting-jobs.ts";
import { planJobDefinitions } from "../domain/plans/plan-jobs.ts";
import { valueJobDefinitions } from "../domain/value/value-jobs.ts";
import type { JobDefinition } from "./job-definition.ts";

export const jobDefinitions: JobDefinition[] = [...planJobDefinitions, ...greetingJobDefinitions, ...valueJobDefinitions, ...complaintJobDefinitions];

export function findJobDefinition(kind: string): JobDefinition | undefined {
  return jobDefinitions.find((definition) => definition.kind === kind);
}
