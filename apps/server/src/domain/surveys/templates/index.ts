/** Ready-to-use survey templates, original to Kexin, each written in 简体中文, English and 繁體中文. */
import type { LocalizedText, SurveyDefinitionInput, SurveyTemplateSummary } from "@kexin/contracts";
import type { z } from "zod";
import { csatAfterPurchase } from "./csat-after-purchase.ts";
import { ecsiModel } from "./ecsi-model.ts";
import { employeeSatisfaction } from "./employee-satisfaction.ts";
import { hotelIndex } from "./hotel-index.ts";
import { kanoFeatureStudy } from "./kano-feature-study.ts";
import { npsRelationship } from "./nps-relationship.ts";
import { servqual22 } from "./servqual-22.ts";
import { supermarketIndex } from "./supermarket-index.ts";

export interface SurveyTemplate {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  measures: z.infer<typeof SurveyTemplateSummary>["measures"];
  definition: SurveyDefinitionInput;
}

/** In the order the template gallery shows them: the quick pulse surveys first, the research instruments after. */
export const surveyTemplates: SurveyTemplate[] = [
  csatAfterPurchase,
  npsRelationship,
  servqual22,
  kanoFeatureStudy,
  ecsiModel,
  supermarketIndex,
  hotelIndex,
  employeeSatisfaction,
];
