/** The complaints' background job: escalation on breach, every minute, for each organisation. */
import type { JobDefinition } from "../../jobs/job-definition.ts";
import { escalateComplaints } from "./escalate-complaints.ts";

export const ESCALATE_COMPLAINTS_JOB = "complaints.escalate";

export const complaintJobDefinitions: JobDefinition[] = [
  {
    kind: ESCALATE_COMPLAINTS_JOB,
    every: "minute",
    async run(context) {
      const result = await escalateComplaints({
        db: context.db,
        mailer: context.mailer,
        publicUrl: context.config.publicUrl,
        orgId: context.orgId,
        now: context.now,
        deadline: context.deadline,
      });
      return { ...result };
    },
  },
];
