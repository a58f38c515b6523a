/** Complaints: list, one ticket, filing and working it, the report, the settings and the store pages' QR codes. */
import {
  Complaint,
  ComplaintEscalationResult,
  ComplaintList,
  ComplaintReport,
  ComplaintSettings,
  ComplaintStoreLinks,
  type ComplaintCreate,
  type ComplaintListQuery,
  type ComplaintReopen,
  type ComplaintReplyCreate,
  type ComplaintReportQuery,
  type ComplaintResolve,
  type ComplaintUpdate,
} from "@kexin/contracts";
import { downloadFile, requestJson } from "../api/client.ts";

const complaintPath = (id: string, action = "") => `/api/complaints/${encodeURIComponent(id)}${action}`;

export const listComplaints = (query: ComplaintListQuery) => requestJson(ComplaintList, "/api/complaints", { query });
export const getComplaint = (id: string) => requestJson(Complaint, complaintPath(id));
export const createComplaint = (input: ComplaintCreate) => requestJson(Complaint, "/api/complaints", { method: "POST", body: input });
export const updateComplaint = (id: string, change: ComplaintUpdate) => requestJson(Complaint, complaintPath(id), { method: "PATCH", body: change });
export const startComplaint = (id: string) => requestJson(Complaint, complaintPath(id, "/start"), { method: "POST" });
export const addComplaintNote = (id: string, body: string) => requestJson(Complaint, complaintPath(id, "/notes"), { method: "POST", body: { body } });
export const replyToComplaint = (id: string, input: ComplaintReplyCreate) =>
  requestJson(Complaint, complaintPath(id, "/replies"), { method: "POST", body: input });
export const resolveComplaint = (id: string, input: ComplaintResolve) => requestJson(Complaint, complaintPath(id, "/resolve"), { method: "POST", body: input });
export const closeComplaint = (id: string) => requestJson(Complaint, complaintPath(id, "/close"), { method: "POST" });
export const reopenComplaint = (id: string, input: ComplaintReopen) => requestJson(Complaint, complaintPath(id, "/reopen"), { method: "POST", body: input });
export const getComplaintReport = (query: ComplaintReportQuery) => requestJson(ComplaintReport, "/api/complaints/report", { query });
export const getComplaintSettings = () => requestJson(ComplaintSettings, "/api/complaints/settings");
export const saveComplaintSettings = (settings: ComplaintSettings) =>
  requestJson(ComplaintSettings, "/api/complaints/settings", { method: "PUT", body: settings });
export const runEscalation = () => requestJson(ComplaintEscalationResult, "/api/complaints/escalation-runs", { method: "POST", body: {} });
export const listComplaintStoreLinks = () => requestJson(ComplaintStoreLinks, "/api/complaints/store-links");
export const downloadStoreQr = (storeId: string, format: "svg" | "png") =>
  downloadFile(`/api/complaints/store-links/${encodeURIComponent(storeId)}/qr.${format}`, `kexin-complaints.${format}`);
/** The QR code's address, for an <img> (same origin, the session cookie goes along). */
export const storeQrUrl = (storeId: string) => `/api/complaints/store-links/${encodeURIComponent(storeId)}/qr.svg`;
