/**
 * Background jobs: for administrators, what ran and what failed, and retrying a failed one; for whoever asked for
 * work on demand ("recompute now"), that one job, polled until it is done.
 */
import { Id, JobEntry, JobList, JobListQuery } from "@kexin/contracts";
import { z } from "zod";
import { getJob } from "../../domain/jobs/get-job.ts";
import { listJobs } from "../../domain/jobs/list-jobs.ts";
import { retryJob } from "../../domain/jobs/retry-job.ts";
import { defineRoute } from "../route.ts";

const tags = ["jobs"];

export const jobRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/jobs",
    summary: "The organisation's background jobs, latest first, with counts per status",
    tags,
    access: "audit.read",
    query: JobListQuery,
    response: JobList,
    handler: ({ db, actor, query }) => listJobs({ db, actor, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/jobs/:id",
    summary: "One job's status and result, to poll after asking for work on demand (a recompute needs value.read)",
    tags,
    access: "value.read",
    params: z.object({ id: Id }),
    response: JobEntry,
    handler: ({ db, actor, params }) => getJob({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/jobs/:id/retry",
    summary: "Put a failed job back on the queue, due now",
    tags,
    access: "audit.read",
    params: z.object({ id: Id }),
    response: null,
    handler: async ({ db, actor, params }) => {
      await retryJob({ db, actor, id: params.id });
    },
  }),
];
