/** Building surveys: the list, templates, the working draft, publishing versions, closing and copying. */
import {
  SurveyDetail,
  SurveyList,
  SurveyTemplateList,
  type SurveyCreate,
  type SurveyDuplicate,
  type SurveyUpdate,
} from "@kexin/contracts";
import { requestJson } from "./client.ts";

const surveyPath = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

export function listSurveys(): Promise<SurveyList> {
  return requestJson(SurveyList, "/api/surveys");
}

export function listSurveyTemplates(): Promise<SurveyTemplateList> {
  return requestJson(SurveyTemplateList, "/api/survey-templates");
}

/** From a template (its key), from a definition, or blank (one empty page). */
export function createSurvey(input: SurveyCreate): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, "/api/surveys", { method: "POST", body: input });
}

export function getSurvey(id: string): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, surveyPath(id));
}

/** Saves the working draft; answers already collected are untouched until the draft is published. */
export function updateSurvey(id: string, change: SurveyUpdate): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, surveyPath(id), { method: "PATCH", body: change });
}

/** Freezes the draft as the next version; new answers name it, earlier answers keep theirs. */
export function publishSurvey(id: string): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, `${surveyPath(id)}/publish`, { method: "POST" });
}

/** Stops taking answers on every link and invitation. */
export function closeSurvey(id: string): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, `${surveyPath(id)}/close`, { method: "POST" });
}

export function reopenSurvey(id: string): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, `${surveyPath(id)}/reopen`, { method: "POST" });
}

/** A new draft survey with a copy of this one's working draft (no answers, links or versions). */
export function duplicateSurvey(id: string, input: SurveyDuplicate = {}): Promise<SurveyDetail> {
  return requestJson(SurveyDetail, `${surveyPath(id)}/duplicate`, { method: "POST", body: input });
}
