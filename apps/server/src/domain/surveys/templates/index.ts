/** Ready-to-use survey templates, original to Kexin, in 简体中文 and English (and 繁體中文 where written). */
import type { LocalizedText, SurveyDefinitionInput, SurveyTemplateSummary } from "@kexin/contracts";
import type { z } from "zod";

export interface SurveyTemplate {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  measures: z.infer<typeof SurveyTemplateSummary>["measures"];
  definition: SurveyDefinitionInput;
}

export const surveyTemplates: SurveyTemplate[] = [];
