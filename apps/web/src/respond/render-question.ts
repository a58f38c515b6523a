/**
 * One question as accessible form controls: a fieldset with its legend for every group of choices (native radio
 * groups give arrow-key navigation for free), a label for text, help and error texts tied in with
 * aria-describedby. Controls report changes through `onChange`; the page decides what happens next.
 */
import type { Locale, Question } from "@kexin/contracts";
import { type AnswerValue, OWN_RATING_KEY } from "@kexin/contracts/survey-answers";
import { h } from "./dom.ts";
import { localize } from "./language.ts";
import { KANO_ANSWER_LABELS, labelSetOf, NPS_ANCHORS, scaleWords } from "../surveys/scale-labels.ts";
import { fill, type RespondStrings } from "./strings.ts";

export interface QuestionContext {
  language: Locale;
  /** The survey's languages, to fall back on when a text is missing in `language`. */
  fallbacks: readonly Locale[];
  strings: RespondStrings;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

export interface QuestionView {
  key: string;
  root: HTMLElement;
  setError(message: string | null): void;
  setVisible(isVisible: boolean): void;
  /** Moves focus to the question's first control (the chosen one when there is one). */
  focus(): void;
}

interface Frame {
  root: HTMLElement;
  body: HTMLElement;
  view: QuestionView;
}

/** Title, required marker, help and error around a question's controls. */
function questionFrame(question: Question, context: QuestionContext, control?: HTMLElement): Frame {
  const { strings } = context;
  const id = `q-${question.key}`;
  const helpText = localize(question.help, context.language, context.fallbacks);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const title = [
    localize(question.title, context.language, context.fallbacks),
    question.required
      ? h("span", { class: "required-mark", "aria-hidden": "true" }, " *")
      : h("span", { class: "optional-mark" }, strings.optional),
    question.required ? h("span", { class: "visually-hidden" }, strings.required) : null,
  ];
  const heading = control
    ? h("label", { class: "question-title", for: control.id }, ...title)
    : h("legend", { class: "question-title" }, ...title);
  const help = helpText ? h("p", { class: "question-help", id: helpId }, helpText) : null;
  const error = h("p", { class: "question-error", id: errorId, hidden: true });
  const body = h("div", { class: "question-body" });
  const root = h(control ? "div" : "fieldset", { class: `question question--${question.type}`, id, "data-question": question.key });
  root.append(heading);
  if (help) root.append(help);
  root.append(error, body);

  // A group's description goes on the fieldset and on each of its inputs: screen readers do not all read a
  // fieldset's description when focus lands on a radio inside it.
  const describedElements = (): Element[] => (control ? [control] : [root, ...root.querySelectorAll("input")]);
  const describe = (hasError: boolean) => {
    const ids = [help ? helpId : null, hasError ? errorId : null, control ? `${control.id}-count` : null].filter(Boolean).join(" ");
    for (const element of describedElements()) {
      if (ids) element.setAttribute("aria-describedby", ids);
      else element.removeAttribute("aria-describedby");
    }
  };
  describe(false);

  const view: QuestionView = {
    key: question.key,
    root,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = !message;
      root.classList.toggle("has-error", Boolean(message));
      for (const input of root.querySelectorAll("input, textarea")) {
        if (message) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
      describe(Boolean(message));
    },
    setVisible(isVisible) {
      root.hidden = !isVisible;
    },
    focus() {
      const target = root.querySelector<HTMLElement>("input:checked, textarea") ?? root.querySelector<HTMLElement>("input");
      target?.focus();
    },
  };
  return { root, body, view };
}

/** A styled radio or checkbox: the input stays real (and focusable), the face beside it is what one sees. */
function choice(
  type: "radio" | "checkbox",
  name: string,
  value: string,
  isChecked: boolean,
  face: (Node | string)[],
  onToggle: (input: HTMLInputElement) => void,
  ariaLabel?: string,
): HTMLLabelElement {
  const input = h("input", { type, name, value, class: "choice-input", checked: isChecked, "aria-label": ariaLabel });
  input.addEventListener("change", () => onToggle(input));
  return h("label", { class: "choice", title: ariaLabel }, input, h("span", { class: "choice-face" }, ...face));
}

/** A row of numbered points, each named for screen readers by its number and its wording. */
function numberRow(
  name: string,
  values: number[],
  accessibleName: (value: number) => string,
  selected: number | undefined,
  onSelect: (value: number) => void,
  variant: "numbers" | "nps",
): HTMLElement {
  return h(
    "div",
    { class: `scale scale--${variant}`, style: `--points: ${values.length}` },
    ...values.map((value) =>
      choice("radio", name, String(value), value === selected, [h("span", { class: "choice-number" }, String(value))], () => onSelect(value), accessibleName(value)),
    ),
  );
}

/** The two ends of a scale, shown once above (or below) its rows; hidden from screen readers, whose radios say it all. */
function scaleEnds(low: string, high: string): HTMLElement {
  return h("div", { class: "scale-ends", "aria-hidden": "true" }, h("span", {}, low), h("span", {}, high));
}

const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, index) => min + index);

/** The words on each point of a question's scale (its label set, in the page's language), point 1 first. */
function pointWords(question: Question, points: 5 | 7, language: Locale): readonly string[] {
  return scaleWords(labelSetOf(question) ?? "satisfaction", points, language);
}

/** One rating on a labelled 5- or 7-point scale (Likert, CSAT, CES, importance). */
function renderLabelledScale(question: Question, context: QuestionContext, points: 5 | 7): QuestionView {
  const frame = questionFrame(question, context);
  const labels = pointWords(question, points, context.language);
  const selected = typeof context.value === "number" ? context.value : undefined;
  frame.body.append(
    h(
      "div",
      { class: "scale scale--labelled", style: `--points: ${points}` },
      ...range(1, points).map((value) =>
        choice(
          "radio",
          `q-${question.key}`,
          String(value),
          value === selected,
          [h("span", { class: "choice-number" }, String(value)), h("span", { class: "choice-text" }, labels[value - 1])],
          () => context.onChange(value),
        ),
      ),
    ),
  );
  return frame.view;
}

function renderNps(question: Question, context: QuestionContext): QuestionView {
  const [low, high] = NPS_ANCHORS[context.language];
  const frame = questionFrame(question, context);
  const selected = typeof context.value === "number" ? context.value : undefined;
  const name = (value: number) => (value === 0 ? `0 ${low}` : value === 10 ? `10 ${high}` : String(value));
  frame.body.append(
    numberRow(`q-${question.key}`, range(0, 10), name, selected, (value) => context.onChange(value), "nps"),
    scaleEnds(`0 ${low}`, `10 ${high}`),
  );
  return frame.view;
}

/** Several items rated on one numbered scale: matrix rows, competitors, or expectation and perception. */
function renderRatingRows(
  question: Question,
  context: QuestionContext,
  rows: { key: string; label: string }[],
  points: 5 | 7,
): QuestionView {
  const frame = questionFrame(question, context);
  const labels = pointWords(question, points, context.language);
  const current: Record<string, number> =
    typeof context.value === "object" && context.value !== null && !Array.isArray(context.value)
      ? { ...(context.value as Record<string, number>) }
      : {};
  frame.body.append(scaleEnds(`1 ${labels[0]}`, `${points} ${labels[points - 1]}`));
  for (const row of rows) {
    frame.body.append(
      h(
        "fieldset",
        { class: "rating-row" },
        h("legend", { class: "rating-row-label" }, row.label),
        numberRow(
          `q-${question.key}-${row.key}`,
          range(1, points),
          (value) => `${value} ${labels[value - 1]}`,
          current[row.key],
          (value) => {
            current[row.key] = value;
            context.onChange({ ...current } as AnswerValue);
          },
          "numbers",
        ),
      ),
    );
  }
  return frame.view;
}

function renderKano(question: Extract<Question, { type: "kano" }>, context: QuestionContext): QuestionView {
  const { strings } = context;
  const frame = questionFrame(question, context);
  const feature = localize(question.feature, context.language, context.fallbacks);
  const current: Record<string, number> =
    typeof context.value === "object" && context.value !== null && !Array.isArray(context.value)
      ? { ...(context.value as Record<string, number>) }
      : {};
  for (const [part, prompt] of [
    ["functional", strings.kanoFunctional],
    ["dysfunctional", strings.kanoDysfunctional],
  ] as const) {
    frame.body.append(
      h(
        "fieldset",
        { class: "kano-part" },
        h("legend", { class: "rating-row-label" }, fill(prompt, { feature })),
        h(
          "div",
          { class: "scale scale--kano" },
          ...KANO_ANSWER_LABELS[context.language].map((label, index) =>
            choice("radio", `q-${question.key}-${part}`, String(index + 1), current[part] === index + 1, [h("span", { class: "choice-text" }, label)], () => {
              current[part] = index + 1;
              context.onChange({ ...current } as AnswerValue);
            }),
          ),
        ),
      ),
    );
  }
  return frame.view;
}

function renderSingleChoice(question: Extract<Question, { type: "single_choice" }>, context: QuestionContext): QuestionView {
  const frame = questionFrame(question, context);
  frame.body.append(
    h(
      "div",
      { class: "options" },
      ...question.options.map((option) =>
        choice(
          "radio",
          `q-${question.key}`,
          option.key,
          context.value === option.key,
          [h("span", { class: "choice-text" }, localize(option.label, context.language, context.fallbacks))],
          () => context.onChange(option.key),
        ),
      ),
    ),
  );
  return frame.view;
}

function renderMultipleChoice(question: Extract<Question, { type: "multiple_choice" }>, context: QuestionContext): QuestionView {
  const frame = questionFrame(question, context);
  const chosen = new Set(Array.isArray(context.value) ? context.value : []);
  const options = h("div", { class: "options" });
  const limit = question.maxSelections;
  // At the limit the unchosen boxes are disabled, so the respondent cannot pick one too many.
  const enforceLimit = () => {
    if (!limit) return;
    for (const input of options.querySelectorAll<HTMLInputElement>("input")) input.disabled = !input.checked && chosen.size >= limit;
  };
  for (const option of question.options) {
    options.append(
      choice(
        "checkbox",
        `q-${question.key}`,
        option.key,
        chosen.has(option.key),
        [h("span", { class: "choice-text" }, localize(option.label, context.language, context.fallbacks))],
        (input) => {
          if (input.checked) chosen.add(option.key);
          else chosen.delete(option.key);
          enforceLimit();
          // Keep the survey's option order, whatever order they were ticked in.
          context.onChange(question.options.map((o) => o.key).filter((key) => chosen.has(key)));
        },
      ),
    );
  }
  if (limit && limit < question.options.length) {
    frame.body.append(h("p", { class: "question-hint" }, fill(context.strings.chooseUpTo, { max: limit })));
  }
  frame.body.append(options);
  enforceLimit();
  return frame.view;
}

function renderText(question: Extract<Question, { type: "text" }>, context: QuestionContext): QuestionView {
  const controlId = `q-${question.key}-input`;
  const attributes = { id: controlId, name: `q-${question.key}`, maxlength: question.maxLength, class: "text-input" };
  const input = question.multiline ? h("textarea", { ...attributes, rows: 4 }) : h("input", { ...attributes, type: "text" });
  input.value = typeof context.value === "string" ? context.value : "";
  const frame = questionFrame(question, context, input);
  const counter = h("p", { class: "character-count", id: `${controlId}-count` });
  const showCount = () => {
    counter.textContent = fill(context.strings.characterCount, { count: input.value.length, max: question.maxLength });
    counter.classList.toggle("is-near-limit", input.value.length >= question.maxLength * 0.9);
  };
  input.addEventListener("input", () => {
    showCount();
    context.onChange(input.value);
  });
  showCount();
  frame.body.append(input, counter);
  return frame.view;
}

/** The controls for any question type. */
export function renderQuestion(question: Question, context: QuestionContext): QuestionView {
  const { strings } = context;
  switch (question.type) {
    case "likert":
    case "csat":
    case "ces":
    case "importance":
      return renderLabelledScale(question, context, question.points);
    case "nps":
      return renderNps(question, context);
    case "expectation_perception":
      return renderRatingRows(
        question,
        context,
        [
          { key: "expectation", label: strings.expectation },
          { key: "perception", label: strings.perception },
        ],
        question.points,
      );
    case "kano":
      return renderKano(question, context);
    case "competitor":
      return renderRatingRows(
        question,
        context,
        [
          { key: OWN_RATING_KEY, label: strings.ourBusiness },
          ...question.competitors.map((competitor) => ({
            key: competitor.key,
            label: localize(competitor.label, context.language, context.fallbacks),
          })),
        ],
        question.points,
      );
    case "matrix":
      return renderRatingRows(
        question,
        context,
        question.rows.map((row) => ({ key: row.key, label: localize(row.label, context.language, context.fallbacks) })),
        question.points,
      );
    case "single_choice":
      return renderSingleChoice(question, context);
    case "multiple_choice":
      return renderMultipleChoice(question, context);
    case "text":
      return renderText(question, context);
  }
}
