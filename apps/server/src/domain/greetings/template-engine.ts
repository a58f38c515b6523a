/**
 * Liquid, sandboxed for templates that staff write: no file system (include, render and layout are removed and the
 * file system refuses every read), unknown filters are errors, only own properties of the merge fields are visible,
 * and parsing, rendering time and memory are bounded. The rendered text is plain text; the HTML part of an email is
 * that text escaped as a whole (literal template text included), so nothing a template or a customer record holds
 * can become markup.
 */
import { Liquid, type Template } from "liquidjs";
import { invalid } from "../app-error.ts";
import { escapeHtml } from "../mail/escape-html.ts";

export const MAX_SUBJECT_LENGTH = 300;
export const MAX_BODY_LENGTH = 20_000;

const refusingFileSystem = {
  exists: async () => false,
  existsSync: () => false,
  contains: () => false,
  resolve: (_root: string, file: string) => file,
  readFile: async (file: string): Promise<string> => {
    throw new Error(`templates may not read files (${file})`);
  },
  readFileSync: (file: string): string => {
    throw new Error(`templates may not read files (${file})`);
  },
};

function createEngine(): Liquid {
  const engine = new Liquid({
    fs: refusingFileSystem as never,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    strictFilters: true,
    ownPropertyOnly: true,
    parseLimit: 20_000,
    // Wall time, so generous: a loaded machine must not fail honest templates (memory bounds the loops).
    renderLimit: 2_000,
    memoryLimit: 2_000_000,
    greedy: false,
  });
  // Tags that load other templates from disk do not exist here: a template using them fails to parse.
  const tags = (engine as unknown as { tags: Record<string, unknown> }).tags;
  for (const tag of ["include", "render", "layout"]) delete tags[tag];
  return engine;
}

const engine = createEngine();

export interface CompiledTemplate {
  subject: Template[];
  body: Template[];
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** Parses both parts. @throws AppError greeting.template_invalid naming the part (subject or body) and liquid's message. */
export function compileTemplate(source: { subject: string; body: string }): CompiledTemplate {
  return { subject: parsePart(source.subject, "subject"), body: parsePart(source.body, "body") };
}

function parsePart(source: string, field: "subject" | "body"): Template[] {
  try {
    return engine.parse(source);
  } catch (error) {
    throw invalid("greeting.template_invalid", `${field}: ${(error as Error).message}`, field);
  }
}

/**
 * Renders for one customer's merge fields. With `isStrict`, a variable the fields do not define is an error (used
 * when a template is saved, against complete sample fields, to catch misspelt names).
 * @throws AppError greeting.template_invalid when rendering fails (unknown variable, limits exceeded).
 */
export async function renderTemplate(
  template: CompiledTemplate,
  fields: Record<string, unknown>,
  { isStrict = false } = {},
): Promise<RenderedMessage> {
  const subject = (await renderPart(template.subject, fields, "subject", isStrict)).replace(/\s+/g, " ").trim();
  const text = (await renderPart(template.body, fields, "body", isStrict)).replace(/\n{3,}/g, "\n\n").trim();
  if (subject.length > MAX_SUBJECT_LENGTH) {
    throw invalid("greeting.template_invalid", `subject: longer than ${MAX_SUBJECT_LENGTH} characters once rendered`, "subject");
  }
  if (text.length > MAX_BODY_LENGTH) {
    throw invalid("greeting.template_invalid", `body: longer than ${MAX_BODY_LENGTH} characters once rendered`, "body");
  }
  return { subject, text, html: textToHtml(text) };
}

async function renderPart(
  template: Template[],
  fields: Record<string, unknown>,
  field: "subject" | "body",
  isStrict: boolean,
): Promise<string> {
  try {
    // Synchronous: no await per tag (about twice as fast), and the render time limit measures this render alone.
    return String(engine.renderSync(template, fields, { strictVariables: isStrict }));
  } catch (error) {
    throw invalid("greeting.template_invalid", `${field}: ${(error as Error).message}`, field);
  }
}

/** Escapes the whole text, then paragraphs (blank lines) become <p> and single line breaks <br>. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
  return `<div style="font-family: -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 15px; line-height: 1.7; color: #1f1f1f;">\n${paragraphs}\n</div>`;
}
