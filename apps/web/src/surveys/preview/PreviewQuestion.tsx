/**
 * One question as a respondent on a phone sees it. It answers (so logic can be tried out) but sends nothing:
 * the preview keeps its answers to itself.
 */
import { OWN_RATING_KEY, type AnswerValue, type Locale, type Question } from "@kexin/contracts";
import type { TFunction } from "i18next";
import { pickText } from "../localized-text.ts";
import { KANO_ANSWER_LABELS, labelSetOf, NPS_ANCHORS, scaleWords } from "../scale-labels.ts";

interface Props {
  question: Question;
  number: number;
  locale: Locale;
  /** Translations fixed to the preview's language, which may differ from the dashboard's. */
  t: TFunction;
  answer: AnswerValue | undefined;
  onAnswer(value: AnswerValue | undefined): void;
}

/** Radio rows, one per scale point, each with its words. */
function ScaleRows({ name, words, value, onChange }: { name: string; words: readonly string[]; value: unknown; onChange(value: number): void }) {
  return (
    <div className="kexin-p-rows" role="radiogroup">
      {words.map((word, index) => (
        <label key={index} className={`kexin-p-row${value === index + 1 ? " is-checked" : ""}`}>
          <input type="radio" name={name} checked={value === index + 1} onChange={() => onChange(index + 1)} />
          <span className="kexin-p-point">{index + 1}</span>
          <span>{word}</span>
        </label>
      ))}
    </div>
  );
}

/** A compact row of numbered buttons with the two end labels under it (pairs, competitors, matrix rows, NPS). */
function PointButtons({
  from,
  to,
  ends,
  value,
  onChange,
  label,
}: {
  from: number;
  to: number;
  ends: readonly [string, string];
  value: unknown;
  onChange(value: number): void;
  label?: string;
}) {
  const points = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  return (
    <div className="kexin-p-buttons-block">
      {label && <div className="kexin-p-sublabel">{label}</div>}
      <div className="kexin-p-buttons" style={{ gridTemplateColumns: `repeat(${points.length}, 1fr)` }} role="radiogroup" aria-label={label}>
        {points.map((point) => (
          <button
            type="button"
            key={point}
            role="radio"
            aria-checked={value === point}
            className={value === point ? "is-checked" : undefined}
            onClick={() => onChange(point)}
          >
            {point}
          </button>
        ))}
      </div>
      <div className="kexin-p-ends">
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </div>
  );
}

const endsOf = (words: readonly string[]): [string, string] => [words[0] ?? "", words[words.length - 1] ?? ""];
const recordOf = (answer: AnswerValue | undefined): Record<string, number> =>
  typeof answer === "object" && answer !== null && !Array.isArray(answer) ? (answer as Record<string, number>) : {};

function Body({ question, locale, t, answer, onAnswer }: Omit<Props, "number">) {
  const name = `preview-${question.key}`;
  const labels = labelSetOf(question);
  switch (question.type) {
    case "likert":
    case "csat":
    case "ces":
    case "importance":
      return <ScaleRows name={name} words={scaleWords(labels!, question.points, locale)} value={answer} onChange={onAnswer} />;
    case "nps":
      return <PointButtons from={0} to={10} ends={NPS_ANCHORS[locale]} value={answer} onChange={onAnswer} />;
    case "expectation_perception": {
      const pair = recordOf(answer);
      const ends = endsOf(scaleWords(labels!, question.points, locale));
      return (
        <>
          {(["expectation", "perception"] as const).map((side) => (
            <PointButtons
              key={side}
              label={t(`surveys.preview.${side}`)}
              from={1}
              to={question.points}
              ends={ends}
              value={pair[side]}
              onChange={(value) => onAnswer({ ...pair, [side]: value } as AnswerValue)}
            />
          ))}
        </>
      );
    }
    case "kano": {
      const pair = recordOf(answer);
      const feature = pickText(question.feature, locale);
      return (
        <>
          {(["functional", "dysfunctional"] as const).map((side) => (
            <div key={side} className="kexin-p-kano">
              <div className="kexin-p-sublabel">
                {t(side === "functional" ? "surveys.preview.kanoFunctional" : "surveys.preview.kanoDysfunctional", { feature })}
              </div>
              <ScaleRows
                name={`${name}-${side}`}
                words={KANO_ANSWER_LABELS[locale]}
                value={pair[side]}
                onChange={(value) => onAnswer({ ...pair, [side]: value } as AnswerValue)}
              />
            </div>
          ))}
        </>
      );
    }
    case "competitor":
    case "matrix": {
      const ratings = recordOf(answer);
      const ends = endsOf(scaleWords(labels!, question.points, locale));
      const rows =
        question.type === "matrix"
          ? question.rows
          : [{ key: OWN_RATING_KEY, label: { [locale]: t("surveys.preview.us") } }, ...question.competitors];
      return (
        <>
          {rows.map((row) => (
            <PointButtons
              key={row.key}
              label={pickText(row.label, locale)}
              from={1}
              to={question.points}
              ends={ends}
              value={ratings[row.key]}
              onChange={(value) => onAnswer({ ...ratings, [row.key]: value })}
            />
          ))}
        </>
      );
    }
    case "single_choice":
      return (
        <div className="kexin-p-rows" role="radiogroup">
          {question.options.map((option) => (
            <label key={option.key} className={`kexin-p-row${answer === option.key ? " is-checked" : ""}`}>
              <input type="radio" name={name} checked={answer === option.key} onChange={() => onAnswer(option.key)} />
              <span>{pickText(option.label, locale)}</span>
            </label>
          ))}
        </div>
      );
    case "multiple_choice": {
      const chosen = Array.isArray(answer) ? answer : [];
      const toggle = (key: string) => onAnswer(chosen.includes(key) ? chosen.filter((current) => current !== key) : [...chosen, key]);
      return (
        <>
          {question.maxSelections && <div className="kexin-p-help">{t("surveys.preview.chooseUpTo", { count: question.maxSelections })}</div>}
          <div className="kexin-p-rows">
            {question.options.map((option) => (
              <label key={option.key} className={`kexin-p-row${chosen.includes(option.key) ? " is-checked" : ""}`}>
                <input type="checkbox" checked={chosen.includes(option.key)} onChange={() => toggle(option.key)} />
                <span>{pickText(option.label, locale)}</span>
              </label>
            ))}
          </div>
        </>
      );
    }
    case "text": {
      const common = {
        className: "kexin-p-text",
        maxLength: question.maxLength,
        placeholder: t("surveys.preview.textPlaceholder"),
        value: typeof answer === "string" ? answer : "",
      };
      return question.multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onAnswer(event.target.value || undefined)} />
      ) : (
        <input {...common} onChange={(event) => onAnswer(event.target.value || undefined)} />
      );
    }
  }
}

export function PreviewQuestion(props: Props) {
  const { question, number, locale, t } = props;
  const help = pickText(question.help, locale);
  return (
    <fieldset className="kexin-p-question">
      <legend className="kexin-p-title">
        <span className="kexin-p-number">{number}.</span> {pickText(question.title, locale)}
        {question.required && (
          <span className="kexin-p-required" title={t("surveys.preview.required")}>
            *
          </span>
        )}
      </legend>
      {help && <div className="kexin-p-help">{help}</div>}
      <Body {...props} />
    </fieldset>
  );
}
