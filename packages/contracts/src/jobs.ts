/** Background jobs as an administrator sees them: what ran, when, how often it was tried, and why it failed. */
import { z } from "zod";
import { Id, IsoDateTime } from "./common.ts";

export const JobStatus = z.enum(["queued", "running", "done", "failed"]);

export const JobEntry = z.object({
  id: Id,
  kind: z.string(),
  key: z.string(),
  status: JobStatus,
  runAt: IsoDateTime,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
});
export type JobEntry = z.infer<typeof JobEntry>;

/**
 * Work asked for on demand ("recompute now") and left to the worker: the job that will do it, which is the one
 * already queued or running when there is one (`isNew` false). Poll GET /api/jobs/:id until it is done or failed.
 */
export const JobRequested = z.object({ job: JobEntry, isNew: z.boolean() });
export type JobRequested = z.infer<typeof JobRequested>;

export const JobListQuery = z.object({
  status: JobStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobListQuery = z.input<typeof JobListQuery>;

export const JobList = z.object({
  items: z.array(JobEntry),
  total: z.number().int(),
  /** Jobs per status over the whole list, for the tabs. */
  counts: z.record(JobStatus, z.number().int()),
});
export type JobList = z.infer<typeof JobList>;
