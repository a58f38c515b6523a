import type { Kysely } from "kysely";
import type { Locale, SurveyCreate, SurveyDefinition, SurveyDetail } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findSurvey } from "./find-survey.ts";
import { presentDetail } from "./get-survey.ts";
import { parseDefinition, resolveStore } from "./survey-record.ts";
import { surveyTemplates } from "./templates/index.ts";

/** One page with no questions yet, titled with the survey's name. */
export function emptyDefinition(name: string, locale: Locale): SurveyDefinition {
  return parseDefinition({ title: { [locale]: name }, languages: [locale], pages: [{ key: "page_1", questions: [] }] });
}

/**
 * A template's definition with all its texts; `locale` only moves that language to the front of `languages`
 * (the respondent page's first choice) when the template is written in it.
 */
export function definitionFromTemplate(templateKey: string, locale: Locale | undefined): SurveyDefinition {
  const template = surveyTemplates.find((candidate) => candidate.key === templateKey);
  if (!template) throw invalid("survey.template_unknown", `templateKey: there is no template ${templateKey}`, "templateKey");
  const definition = parseDefinition(structuredClone(template.definition));
  if (locale && definition.languages.includes(locale)) {
    definition.languages = [locale, ...definition.languages.filter((language) => language !== locale)];
  }
  return definition;
}

/**
 * A new draft survey: empty, copied from a template, or from a definition given whole (e.g. an import).
 * Store-bound staff make surveys for their own stores only.
 * @throws AppError invalid naming templateKey (unknown template, or both a template and a definition) or storeId.
 */
export async function createSurvey({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof SurveyCreate>;
}): Promise<SurveyDetail> {
  if (input.templateKey !== undefined && input.definition !== undefined) {
    throw invalid("survey.source_ambiguous", "templateKey: start from a template or from a definition, not both", "templateKey");
  }
  const definition =
    input.templateKey !== undefined
      ? definitionFromTemplate(input.templateKey, input.locale)
      : input.definition
        ? parseDefinition(input.definition)
        : emptyDefinition(input.name, input.locale ?? "zh-CN");
  const storeId = await resolveStore({ db, actor, requested: input.storeId, fallback: null });
  const row = await db
    .insertInto("surveys")
    .values({
      org_id: actor.orgId,
      store_id: storeId,
      name: input.name,
      template_key: input.templateKey ?? null,
      draft: JSON.stringify(definition),
      created_by: storedUserId(actor),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return presentDetail(db, actor, await findSurvey(db, actor, row.id));
}
