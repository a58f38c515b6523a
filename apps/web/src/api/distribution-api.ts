/** Handing a survey out: public and kiosk links with their QR codes, and personal email invitations. */
import {
  InvitationCreate,
  InvitationListQuery,
  InvitationSendResult,
  ReminderRequest,
  ReminderResult,
  SurveyInvitationList,
  SurveyLink,
  SurveyLinkList,
  SurveyVersionDetail,
  type SurveyLinkCreate,
  type SurveyLinkUpdate,
} from "@kexin/contracts";
import type { z } from "zod";
import { downloadFile, requestJson } from "./client.ts";

export type InvitationCreateInput = z.input<typeof InvitationCreate>;
export type InvitationSendResult = z.infer<typeof InvitationSendResult>;
export type InvitationListQueryInput = z.input<typeof InvitationListQuery>;
export type SurveyInvitationList = z.infer<typeof SurveyInvitationList>;
export type ReminderRequestInput = z.input<typeof ReminderRequest>;
export type ReminderResult = z.infer<typeof ReminderResult>;

const surveyPath = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;
const linkPath = (id: string) => `/api/survey-links/${encodeURIComponent(id)}`;

/** One frozen version, as respondents see it (its languages, its title). */
export function getSurveyVersion(surveyId: string, version: number): Promise<SurveyVersionDetail> {
  return requestJson(SurveyVersionDetail, `${surveyPath(surveyId)}/versions/${version}`);
}

export function listSurveyLinks(surveyId: string): Promise<SurveyLinkList> {
  return requestJson(SurveyLinkList, `${surveyPath(surveyId)}/links`);
}

export function createSurveyLink(surveyId: string, input: SurveyLinkCreate): Promise<SurveyLink> {
  return requestJson(SurveyLink, `${surveyPath(surveyId)}/links`, { method: "POST", body: input });
}

/** Renames a link or switches it off and on; its address (and every printed QR code) stays the same. */
export function updateSurveyLink(id: string, change: SurveyLinkUpdate): Promise<SurveyLink> {
  return requestJson(SurveyLink, linkPath(id), { method: "PATCH", body: change });
}

/** Where an <img> finds the link's QR code (same origin, so the session cookie goes along). */
export function linkQrSvgUrl(id: string): string {
  return `${linkPath(id)}/qr.svg`;
}

/** Downloads the QR code as SVG (for print shops) or as a PNG of `size` pixels. */
export function downloadLinkQr(id: string, format: "svg" | "png", fileName: string, size = 1024): Promise<void> {
  return downloadFile(`${linkPath(id)}/qr.${format}`, fileName, format === "png" ? { size } : undefined);
}

/** The address a respondent opens, the same one the QR code encodes (the server's public address). */
export function linkUrl(link: Pick<SurveyLink, "url">): string {
  return link.url;
}

export function listInvitations(surveyId: string, query: InvitationListQueryInput): Promise<SurveyInvitationList> {
  return requestJson(SurveyInvitationList, `${surveyPath(surveyId)}/invitations`, { query });
}

/** Creates one single-use invitation per customer and sends them now; the answer says what happened to each. */
export function createInvitations(surveyId: string, input: InvitationCreateInput): Promise<InvitationSendResult> {
  return requestJson(InvitationSendResult, `${surveyPath(surveyId)}/invitations`, { method: "POST", body: input });
}

/** Sends the one reminder to invitees who have not answered `minHoursSinceSent` hours after their invitation. */
export function remindInvitations(surveyId: string, input: ReminderRequestInput): Promise<ReminderResult> {
  return requestJson(ReminderResult, `${surveyPath(surveyId)}/invitations/remind`, { method: "POST", body: input });
}
