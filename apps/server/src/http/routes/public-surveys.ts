/**
 * The respondent's side: read a published version, save progress, submit. No sign-in; abuse is held back by a
 * per-IP limit on writes, a per-token limit on invitations, and a 64 KB body limit (413 beyond).
 */
import { Draft, DraftSave, PublicSurvey, ResponseReceipt, ResponseSubmit } from "@kexin/contracts";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { AttemptCounter } from "../../domain/surveys/answering/attempt-counter.ts";
import { getDraft } from "../../domain/surveys/answering/get-draft.ts";
import { getInvitedSurvey } from "../../domain/surveys/answering/get-invited-survey.ts";
import { getPublicSurvey } from "../../domain/surveys/answering/get-public-survey.ts";
import { saveDraft } from "../../domain/surveys/answering/save-draft.ts";
import { submitResponse } from "../../domain/surveys/answering/submit-response.ts";
import { defineRoute, type Services } from "../route.ts";

const tags = ["public surveys"];
export const PUBLIC_BODY_LIMIT = 64 * 1024;
const perIp = { max: (config: Config) => config.submissionsPerMinute, timeWindow: "1 minute" };

const tokenCounters = new WeakMap<Services, AttemptCounter>();
/** One attempt with an invitation token; 429 beyond config.tokenAttemptsPerMinute. */
function countTokenAttempt(services: Services, token: string): void {
  let counter = tokenCounters.get(services);
  if (!counter) {
    counter = new AttemptCounter(services.config.tokenAttemptsPerMinute);
    tokenCounters.set(services, counter);
  }
  counter.hit(token);
}

const DraftParams = z.object({ draftKey: z.uuid() });

export const publicSurveyRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/public/surveys/:slug",
    summary: "The newest published version of the survey behind a public or kiosk link",
    tags,
    access: "public",
    params: z.object({ slug: z.string().max(100) }),
    response: PublicSurvey,
    handler: ({ db, params }) => getPublicSurvey({ db, slug: params.slug }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/public/invitations/:token",
    summary: "The survey of a personal invitation, and whether it has already been answered",
    tags,
    access: "public",
    params: z.object({ token: z.string().max(200) }),
    response: PublicSurvey,
    handler: ({ db, services, params }) => {
      countTokenAttempt(services, params.token);
      return getInvitedSurvey({ db, token: params.token });
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/public/responses",
    summary: "Submit an answer: 201 when stored, 200 with isDuplicate for a retry of a stored one",
    tags,
    access: "public",
    body: ResponseSubmit,
    response: ResponseReceipt,
    rateLimit: perIp,
    bodyLimit: PUBLIC_BODY_LIMIT,
    handler: async ({ db, services, body, request, reply }) => {
      if (body.token !== undefined) countTokenAttempt(services, body.token);
      const receipt = await submitResponse({
        db,
        input: body,
        closedLoop: {
          onRuleError: (ruleIndex, error) => request.log.warn({ err: error, ruleIndex }, "closed-loop rule skipped"),
        },
      });
      reply.status(receipt.isDuplicate ? 200 : 201);
      return receipt;
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/public/drafts/:draftKey",
    summary: "Progress saved under a draft key, to resume a half-finished answer",
    tags,
    access: "public",
    params: DraftParams,
    response: Draft,
    rateLimit: perIp,
    handler: ({ db, params }) => getDraft({ db, draftKey: params.draftKey }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/public/drafts/:draftKey",
    summary: "Save progress under a draft key (a UUID the page makes); the submission that finishes it deletes it",
    tags,
    access: "public",
    params: DraftParams,
    body: DraftSave,
    response: null,
    rateLimit: perIp,
    bodyLimit: PUBLIC_BODY_LIMIT,
    handler: ({ db, params, body }) => saveDraft({ db, draftKey: params.draftKey, input: body }),
  }),
];
