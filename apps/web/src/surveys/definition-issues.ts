/**
 * Problems in a survey definition, found by the same contract the server checks with and pinned to the question
 * they are in, so the builder can mark the question instead of printing a path.
 */
import { SurveyDefinition } from "@kexin/contracts";

export interface DefinitionIssue {
  /** Dotted path inside the definition, e.g. pages.0.questions.2.key. */
  path: string;
  message: string;
  /** The question the problem is in, when it is in one. */
  questionKey?: string;
  /** The page the problem is on (a question's page, or a page's own title). */
  pageIndex?: number;
}

function locate(definition: SurveyDefinition, path: readonly PropertyKey[], message: string): DefinitionIssue {
  const issue: DefinitionIssue = { path: path.map(String).join("."), message };
  if (path[0] === "pages" && path.length >= 2) {
    const pageIndex = Number(path[1]);
    const page = definition.pages[pageIndex];
    if (page) issue.pageIndex = pageIndex;
    if (page && path[2] === "questions" && path.length >= 4) {
      issue.questionKey = page.questions[Number(path[3])]?.key;
    }
  }
  return issue;
}

/** Every problem the contract finds in the definition; empty when the server will accept it. */
export function checkDefinition(definition: SurveyDefinition): DefinitionIssue[] {
  const result = SurveyDefinition.safeParse(definition);
  if (result.success) return [];
  return result.error.issues.map((issue) => locate(definition, issue.path, issue.message));
}

/**
 * A field the server named when refusing a save (`definition.pages.0.questions.2.key`), placed in the definition
 * that was sent. Fields outside the definition (the survey's name) keep their path.
 */
export function issueFromServer(sent: SurveyDefinition, field: string | undefined, serverMessage: string): DefinitionIssue {
  // The server starts its message with the field ("definition.pages: add a question"); the builder shows it apart.
  const message = field && serverMessage.startsWith(`${field}: `) ? serverMessage.slice(field.length + 2) : serverMessage;
  if (!field?.startsWith("definition.")) return { path: field ?? "", message };
  const path = field
    .slice("definition.".length)
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return locate(sent, path, message);
}
