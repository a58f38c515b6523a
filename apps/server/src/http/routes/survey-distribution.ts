/**
 * Public and kiosk links and their QR codes. Listing and downloading a code ask for survey.read, making and
 * changing links for survey.distribute. The code encodes `${publicUrl}/s/<slug>` (KEXIN_PUBLIC_URL).
 */
import { Id, SurveyLink, SurveyLinkCreate, SurveyLinkList, SurveyLinkQrQuery, SurveyLinkUpdate } from "@kexin/contracts";
import { z } from "zod";
import { createSurveyLink } from "../../domain/surveys/create-survey-link.ts";
import { listSurveyLinks } from "../../domain/surveys/list-survey-links.ts";
import { renderLinkQr } from "../../domain/surveys/render-link-qr.ts";
import { updateSurveyLink } from "../../domain/surveys/update-survey-link.ts";
import { defineRoute } from "../route.ts";
import { sendFile } from "../send-file.ts";

const IdParams = z.object({ id: Id });
const tags = ["survey links"];

export const surveyDistributionRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/links",
    summary: "A survey's public and kiosk links with the answers that came through each",
    tags,
    access: "survey.read",
    params: IdParams,
    response: SurveyLinkList,
    handler: ({ db, actor, services, params }) => listSurveyLinks({ db, actor, surveyId: params.id, publicUrl: services.config.publicUrl }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/links",
    summary: "A new public or kiosk link with a random slug (path /s/<slug>), optionally for one store",
    tags,
    access: "survey.distribute",
    params: IdParams,
    body: SurveyLinkCreate,
    response: SurveyLink,
    status: 201,
    handler: ({ db, actor, services, params, body }) =>
      createSurveyLink({ db, actor, surveyId: params.id, input: body, publicUrl: services.config.publicUrl }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/survey-links/:id",
    summary: "Rename a link or switch it off and on; its slug (and printed QR codes) never change",
    tags,
    access: "survey.distribute",
    params: IdParams,
    body: SurveyLinkUpdate,
    response: SurveyLink,
    handler: ({ db, actor, services, params, body }) =>
      updateSurveyLink({ db, actor, id: params.id, input: body, publicUrl: services.config.publicUrl }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/survey-links/:id/qr.svg",
    summary: "The link's QR code as SVG, for print",
    tags,
    access: "survey.read",
    params: IdParams,
    response: null,
    status: 200,
    handler: async ({ db, actor, params, services, reply }) =>
      sendFile(reply, await renderLinkQr({ db, actor, id: params.id, format: "svg", publicUrl: services.config.publicUrl })),
  }),
  defineRoute({
    method: "GET",
    url: "/api/survey-links/:id/qr.png",
    summary: "The link's QR code as a PNG of ?size= pixels (128–2048, default 512)",
    tags,
    access: "survey.read",
    params: IdParams,
    query: SurveyLinkQrQuery,
    response: null,
    status: 200,
    handler: async ({ db, actor, params, query, services, reply }) =>
      sendFile(
        reply,
        await renderLinkQr({ db, actor, id: params.id, format: "png", size: query.size, publicUrl: services.config.publicUrl }),
      ),
  }),
];
