/**
 * Complaints (投诉), SLAs and recovery. Reading needs complaint.read, working a ticket complaint.write, settings and
 * the on-demand escalation sweep complaint.admin. A complaint of another store answers 404 to store-bound staff.
 */
import {
  Complaint,
  ComplaintCreate,
  ComplaintEscalationResult,
  ComplaintEscalationRun,
  ComplaintList,
  ComplaintListQuery,
  ComplaintNoteCreate,
  ComplaintQrQuery,
  ComplaintReopen,
  ComplaintReplyCreate,
  ComplaintReport,
  ComplaintReportQuery,
  ComplaintResolve,
  ComplaintSettings,
  ComplaintStoreLinks,
  ComplaintUpdate,
  Id,
} from "@kexin/contracts";
import { z } from "zod";
import { invalid } from "../../domain/app-error.ts";
import { addComplaintNote } from "../../domain/complaints/add-complaint-note.ts";
import { closeComplaint } from "../../domain/complaints/close-complaint.ts";
import { listComplaintStoreLinks, renderComplaintStoreQr } from "../../domain/complaints/complaint-store-links.ts";
import { createComplaint } from "../../domain/complaints/create-complaint.ts";
import { escalateComplaints } from "../../domain/complaints/escalate-complaints.ts";
import { getComplaint } from "../../domain/complaints/get-complaint.ts";
import { getComplaintReport } from "../../domain/complaints/get-complaint-report.ts";
import { getComplaintSettings } from "../../domain/complaints/get-complaint-settings.ts";
import { listComplaints } from "../../domain/complaints/list-complaints.ts";
import { reopenComplaint } from "../../domain/complaints/reopen-complaint.ts";
import { replyToComplaint } from "../../domain/complaints/reply-to-complaint.ts";
import { resolveComplaint } from "../../domain/complaints/resolve-complaint.ts";
import { startComplaint } from "../../domain/complaints/start-complaint.ts";
import { updateComplaint } from "../../domain/complaints/update-complaint.ts";
import { updateComplaintSettings } from "../../domain/complaints/update-complaint-settings.ts";
import { defineRoute } from "../route.ts";
import { sendFile } from "../send-file.ts";

const IdParams = z.object({ id: Id });
const StoreParams = z.object({ storeId: Id });
const tags = ["complaints"];

export const complaintRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/complaints",
    summary: "Complaints, newest first, with their SLA timers; filter by status, severity, category, store, breach…",
    tags,
    access: "complaint.read",
    query: ComplaintListQuery,
    response: ComplaintList,
    handler: ({ db, actor, query }) => listComplaints({ db, actor, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints",
    summary: "File a complaint (dashboard or another system); the customer is found by id, email or phone",
    tags,
    access: "complaint.write",
    body: ComplaintCreate,
    response: Complaint,
    status: 201,
    handler: ({ db, actor, body }) => createComplaint({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/report",
    summary: "Complaint rates per store and staff, SLA attainment, time to resolve, top reasons, repeat complainers",
    tags,
    access: "complaint.read",
    query: ComplaintReportQuery,
    response: ComplaintReport,
    handler: ({ db, actor, query }) => getComplaintReport({ db, actor, input: query }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/settings",
    summary: "Business hours, SLA policies, the recovery survey and the staff KPI threshold",
    tags,
    access: "complaint.read",
    response: ComplaintSettings,
    handler: ({ db, actor }) => getComplaintSettings({ db, actor }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/complaints/settings",
    summary: "Replace the business hours, SLA policies, recovery survey and staff KPI threshold",
    tags,
    access: "complaint.admin",
    body: ComplaintSettings,
    response: ComplaintSettings,
    handler: ({ db, actor, body }) => updateComplaintSettings({ db, actor, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/escalation-runs",
    summary: "Run the escalation sweep now (the every-minute job's work); `now` only with KEXIN_TEST_HOOKS=true",
    tags,
    access: "complaint.admin",
    body: ComplaintEscalationRun,
    response: ComplaintEscalationResult,
    handler: ({ db, actor, body, services }) => {
      if (body.now && !services.config.isTestHooksEnabled) {
        throw invalid("complaint.clock_not_allowed", "now: a chosen clock is only for test servers (KEXIN_TEST_HOOKS=true)", "now");
      }
      return escalateComplaints({
        db,
        mailer: services.mailer,
        publicUrl: services.config.publicUrl,
        orgId: actor.orgId,
        now: body.now ? new Date(body.now) : new Date(),
      });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/store-links",
    summary: "Each store's public complaint page (/c/<slug>), for a link or a QR code at the counter",
    tags,
    access: "complaint.read",
    response: ComplaintStoreLinks,
    handler: ({ db, actor, services }) => listComplaintStoreLinks({ db, actor, publicUrl: services.config.publicUrl }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/store-links/:storeId/qr.svg",
    summary: "A store's complaint page as a QR code (SVG, for print)",
    tags,
    access: "complaint.read",
    params: StoreParams,
    response: null,
    status: 200,
    handler: async ({ db, actor, params, services, reply }) =>
      sendFile(reply, await renderComplaintStoreQr({ db, actor, storeId: params.storeId, format: "svg", publicUrl: services.config.publicUrl })),
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/store-links/:storeId/qr.png",
    summary: "A store's complaint page as a QR code (PNG of ?size= pixels)",
    tags,
    access: "complaint.read",
    params: StoreParams,
    query: ComplaintQrQuery,
    response: null,
    status: 200,
    handler: async ({ db, actor, params, query, services, reply }) =>
      sendFile(
        reply,
        await renderComplaintStoreQr({ db, actor, storeId: params.storeId, format: "png", size: query.size, publicUrl: services.config.publicUrl }),
      ),
  }),
  defineRoute({
    method: "GET",
    url: "/api/complaints/:id",
    summary: "One complaint with its timers and history",
    tags,
    access: "complaint.read",
    params: IdParams,
    response: Complaint,
    handler: ({ db, actor, params }) => getComplaint({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/complaints/:id",
    summary: "Triage: category, severity (recomputes the timers), store, assignee, staff involved, customer",
    tags,
    access: "complaint.write",
    params: IdParams,
    body: ComplaintUpdate,
    response: Complaint,
    handler: ({ db, actor, params, body }) => updateComplaint({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/start",
    summary: "Take an open complaint on: in progress, assigned to you if nobody has it",
    tags,
    access: "complaint.write",
    params: IdParams,
    response: Complaint,
    handler: ({ db, actor, params }) => startComplaint({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/notes",
    summary: "An internal note (never sent to the customer)",
    tags,
    access: "complaint.write",
    params: IdParams,
    body: ComplaintNoteCreate,
    response: Complaint,
    status: 201,
    handler: ({ db, actor, params, body }) => addComplaintNote({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/replies",
    summary: "Answer the customer: sent by email (ticket number in the subject), or a call/visit/message recorded",
    tags,
    access: "complaint.write",
    params: IdParams,
    body: ComplaintReplyCreate,
    response: Complaint,
    status: 201,
    handler: ({ db, actor, params, body, services }) => replyToComplaint({ db, actor, mailer: services.mailer, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/resolve",
    summary: "Resolve: how it was put right and the compensation given",
    tags,
    access: "complaint.write",
    params: IdParams,
    body: ComplaintResolve,
    response: Complaint,
    handler: ({ db, actor, params, body }) => resolveComplaint({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/close",
    summary: "Close a resolved complaint and invite the customer to the recovery survey",
    tags,
    access: "complaint.write",
    params: IdParams,
    response: Complaint,
    handler: ({ db, actor, params, services }) =>
      closeComplaint({ db, actor, mailer: services.mailer, publicUrl: services.config.publicUrl, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/complaints/:id/reopen",
    summary: "Reopen a resolved or closed complaint, with a fresh resolution timer",
    tags,
    access: "complaint.write",
    params: IdParams,
    body: ComplaintReopen,
    response: Complaint,
    handler: ({ db, actor, params, body }) => reopenComplaint({ db, actor, id: params.id, input: body }),
  }),
];
