/**
 * A survey as respondents meet it: the survey (name, status, version) and the definition its links serve — the
 * newest published version, or the working draft before the first publication (so a card can be printed early).
 */
import type { Locale, SurveyDefinition, SurveyDetail } from "@kexin/contracts";
import { getSurveyVersion } from "../../api/distribution-api.ts";
import { getSurvey } from "../../api/surveys-api.ts";
import { useApiData } from "../../api/useApiData.ts";

export interface SurveyForDistribution {
  survey: SurveyDetail;
  /** What a respondent sees: the current version's definition, else the draft. */
  definition: SurveyDefinition;
  languages: Locale[];
}

async function loadSurvey(surveyId: string): Promise<SurveyForDistribution> {
  const survey = await getSurvey(surveyId);
  const definition =
    survey.currentVersion === null ? survey.draft : (await getSurveyVersion(surveyId, survey.currentVersion)).definition;
  return { survey, definition, languages: definition.languages };
}

export function useSurveyForDistribution(surveyId: string) {
  return useApiData(() => loadSurvey(surveyId), [surveyId]);
}
