import type { GreetingLanguage } from "@kexin/contracts";
import { sampleMergeFields } from "./merge-fields.ts";
import { compileTemplate, renderTemplate } from "./template-engine.ts";

/**
 * Checks a template before it is saved: it must parse, and render against complete sample fields with strict
 * variables, so a misspelt merge field (`{{ custmer.name }}`) is refused now rather than rendered empty later.
 * @throws AppError greeting.template_invalid (400) naming subject or body, with liquid's message.
 */
export async function validateGreetingTemplate(template: { subject: string; body: string; language: GreetingLanguage }): Promise<void> {
  const compiled = compileTemplate(template);
  await renderTemplate(compiled, sampleMergeFields(template.language), { isStrict: true });
}
