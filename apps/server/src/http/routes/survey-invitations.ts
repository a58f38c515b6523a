/**
 * Personal survey invitations by email: single-use tokens, sending through SMTP (or the .eml outbox), one reminder.
 * Creating and reminding send within the request (up to a time budget); the background sweep in startServer retries
 * what failed. Both are audited in their use cases.
 */
import {
  Id,
  InvitationCreate,
  InvitationListQuery,
  InvitationSendResult,
  ReminderRequest,
  ReminderResult,
  SurveyInvitationList,
} from "@kexin/contracts";
import { z } from "zod";
import { createInvitations } from "../../domain/surveys/invitations/create-invitations.ts";
import { listInvitations } from "../../domain/surveys/invitations/list-invitations.ts";
import { remindInvitations } from "../../domain/surveys/invitations/remind-invitations.ts";
import { defineRoute } from "../route.ts";

const SurveyParams = z.object({ id: Id });
const tags = ["surveys"];

export const surveyInvitationRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/invitations",
    summary: "A survey's email invitations, newest first, with delivery status",
    tags,
    access: "survey.read",
    params: SurveyParams,
    query: InvitationListQuery,
    response: SurveyInvitationList,
    handler: ({ db, actor, params, query }) => listInvitations({ db, actor, surveyId: params.id, input: query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/invitations",
    summary: "Invite customers by email (one personal, single-use link each) and send the invitations now",
    tags,
    access: "survey.distribute",
    params: SurveyParams,
    body: InvitationCreate,
    response: InvitationSendResult,
    rateLimit: { max: 20, timeWindow: "1 minute" },
    handler: ({ services, actor, params, body }) =>
      createInvitations({
        db: services.db,
        actor,
        mailer: services.mailer,
        publicUrl: services.config.publicUrl,
        surveyId: params.id,
        input: body,
      }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/invitations/remind",
    summary: "Send the one reminder to invitees who have not answered after some hours",
    tags,
    access: "survey.distribute",
    params: SurveyParams,
    body: ReminderRequest,
    response: ReminderResult,
    rateLimit: { max: 20, timeWindow: "1 minute" },
    handler: ({ services, actor, params, body }) =>
      remindInvitations({
        db: services.db,
        actor,
        mailer: services.mailer,
        publicUrl: services.config.publicUrl,
        surveyId: params.id,
        input: body,
      }),
  }),
];
