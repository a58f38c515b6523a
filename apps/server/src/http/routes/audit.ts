import { AuditList, AuditQuery } from "@kexin/contracts";
import { listAudit } from "../../domain/audit/list-audit.ts";
import { defineRoute } from "../route.ts";

export const auditRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/audit",
    summary: "The organisation's audit trail, newest first",
    tags: ["audit"],
    access: "audit.read",
    query: AuditQuery,
    response: AuditList,
    handler: ({ db, actor, query }) => listAudit({ db, actor, input: query }),
  }),
];
