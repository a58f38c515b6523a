/**
 * Survey building, versions and templates (dashboard). Reading asks for survey.read, building for survey.write;
 * store scope is checked in the use cases (another store's survey answers 404; an organisation-wide survey is
 * read-only to store staff: 403 survey.read_only).
 */
import {
  Id,
  SurveyCreate,
  SurveyDetail,
  SurveyDuplicate,
  SurveyList,
  SurveyResponseList,
  SurveyResponseQuery,
  SurveyTemplateList,
  SurveyUpdate,
  SurveyVersionDetail,
} from "@kexin/contracts";
import { z } from "zod";
import { closeSurvey } from "../../domain/surveys/close-survey.ts";
import { createSurvey } from "../../domain/surveys/create-survey.ts";
import { duplicateSurvey } from "../../domain/surveys/duplicate-survey.ts";
import { getSurvey } from "../../domain/surveys/get-survey.ts";
import { getSurveyVersion } from "../../domain/surveys/get-survey-version.ts";
import { listResponses } from "../../domain/surveys/list-responses.ts";
import { listSurveys } from "../../domain/surveys/list-surveys.ts";
import { listTemplates } from "../../domain/surveys/list-templates.ts";
import { publishSurvey } from "../../domain/surveys/publish-survey.ts";
import { reopenSurvey } from "../../domain/surveys/reopen-survey.ts";
import { updateSurvey } from "../../domain/surveys/update-survey.ts";
import { defineRoute } from "../route.ts";

const SurveyParams = z.object({ id: Id });
const VersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1) });
const tags = ["surveys"];

export const surveyRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/surveys",
    summary: "The surveys you may read, most recently changed first, with their answer counts",
    tags,
    access: "survey.read",
    response: SurveyList,
    handler: ({ db, actor }) => listSurveys({ db, actor }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys",
    summary: "A new draft survey: one empty page, a copy of a template (templateKey), or a given definition",
    tags,
    access: "survey.write",
    body: SurveyCreate,
    response: SurveyDetail,
    status: 201,
    handler: ({ db, actor, body }) => createSurvey({ db, actor, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/survey-templates",
    summary: "Ready-made surveys to start from, with what they measure",
    tags,
    access: "survey.read",
    response: SurveyTemplateList,
    handler: async () => listTemplates(),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id",
    summary: "One survey: its working draft, published versions and whether the draft has unpublished changes",
    tags,
    access: "survey.read",
    params: SurveyParams,
    response: SurveyDetail,
    handler: ({ db, actor, params }) => getSurvey({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/api/surveys/:id",
    summary: "Save the draft (and name or store); published versions and their answers are never changed",
    tags,
    access: "survey.write",
    params: SurveyParams,
    body: SurveyUpdate,
    response: SurveyDetail,
    handler: ({ db, actor, params, body }) => updateSurvey({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/publish",
    summary: "Freeze the draft as the next version and make the survey live (an unchanged draft keeps its version)",
    tags,
    access: "survey.write",
    params: SurveyParams,
    response: SurveyDetail,
    handler: ({ db, actor, params }) => publishSurvey({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/close",
    summary: "Stop taking answers; the answers given stay",
    tags,
    access: "survey.write",
    params: SurveyParams,
    response: SurveyDetail,
    handler: ({ db, actor, params }) => closeSurvey({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/reopen",
    summary: "Take answers again, to the newest published version",
    tags,
    access: "survey.write",
    params: SurveyParams,
    response: SurveyDetail,
    handler: ({ db, actor, params }) => reopenSurvey({ db, actor, id: params.id }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/surveys/:id/duplicate",
    summary: "A new draft survey with a copy of this one's draft",
    tags,
    access: "survey.write",
    params: SurveyParams,
    body: SurveyDuplicate,
    response: SurveyDetail,
    status: 201,
    handler: ({ db, actor, params, body }) => duplicateSurvey({ db, actor, id: params.id, input: body }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/versions/:version",
    summary: "One published version exactly as its answers were asked",
    tags,
    access: "survey.read",
    params: VersionParams,
    response: SurveyVersionDetail,
    handler: ({ db, actor, params }) => getSurveyVersion({ db, actor, id: params.id, version: params.version }),
  }),
  defineRoute({
    method: "GET",
    url: "/api/surveys/:id/responses",
    summary: "The answers you may see, newest first, a page at a time (optionally of one version)",
    tags,
    access: "survey.read",
    params: SurveyParams,
    query: SurveyResponseQuery,
    response: SurveyResponseList,
    handler: ({ db, actor, params, query }) => listResponses({ db, actor, id: params.id, input: query }),
  }),
];
