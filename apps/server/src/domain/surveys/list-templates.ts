import type { SurveyTemplateSummary } from "@kexin/contracts";
import type { z } from "zod";
import { surveyTemplates } from "./templates/index.ts";

/** The ready-made surveys a new survey can start from, with what each measures and how many questions it asks. */
export function listTemplates(): { items: z.infer<typeof SurveyTemplateSummary>[] } {
  return {
    items: surveyTemplates.map((template) => ({
      key: template.key,
      title: template.title,
      description: template.description,
      measures: template.measures,
      questionCount: template.definition.pages.reduce((sum, page) => sum + page.questions.length, 0),
    })),
  };
}
