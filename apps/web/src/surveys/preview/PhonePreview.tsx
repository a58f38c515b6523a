/**
 * The current page in a 375×700 phone frame, in any of the survey's languages, answerable so show-if logic can be
 * tried. Follows the page of the question being edited and keeps that question in view.
 */
import { isQuestionVisible, type AnswerValue, type Answers, type Locale, type SurveyDefinition } from "@kexin/contracts";
import { Segmented, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES } from "../../i18n/setup-i18n.ts";
import { allQuestions } from "../definition-edits.ts";
import { pickText } from "../localized-text.ts";
import { PreviewQuestion } from "./PreviewQuestion.tsx";

interface Props {
  definition: SurveyDefinition;
  pageIndex: number;
  onPageChange(index: number): void;
  selectedKey: string | undefined;
}

export function PhonePreview({ definition, pageIndex, onPageChange, selectedKey }: Props) {
  const { t, i18n } = useTranslation();
  const [chosenLocale, setLocale] = useState<Locale>();
  const [answers, setAnswers] = useState<Partial<Answers>>({});
  const [isFinished, setFinished] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  const languages = definition.languages;
  const uiLocale = i18n.language as Locale;
  const locale = chosenLocale && languages.includes(chosenLocale) ? chosenLocale : languages.includes(uiLocale) ? uiLocale : languages[0]!;
  const tp = useMemo(() => i18n.getFixedT(locale), [i18n, locale]);
  const numbers = useMemo(() => new Map(allQuestions(definition).map((question, index) => [question.key, index + 1])), [definition]);
  const page = definition.pages[Math.min(pageIndex, definition.pages.length - 1)]!;
  const pageCount = definition.pages.length;

  // Bring the question being edited into view inside the phone, without scrolling the dashboard page itself.
  useEffect(() => {
    const container = screen.current;
    const target = selectedKey ? container?.querySelector<HTMLElement>(`[data-preview-key="${selectedKey}"]`) : null;
    if (!container || !target) return;
    const top = target.offsetTop - container.offsetTop - 12;
    if (top < container.scrollTop || top + target.offsetHeight > container.scrollTop + container.clientHeight) {
      container.scrollTo({ top, behavior: "smooth" });
    }
  }, [selectedKey, pageIndex]);

  const answer = (key: string, value: AnswerValue | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  const restart = () => {
    setAnswers({});
    setFinished(false);
    onPageChange(0);
  };
  const thanks = (
    <div className="kexin-p-thanks">
      <p>{pickText(definition.thanks, locale) || tp("surveys.preview.thanks")}</p>
      <button type="button" onClick={restart}>
        {tp("surveys.preview.restart")}
      </button>
    </div>
  );
  const pageContent = (
    <>
      <header className="kexin-p-header">
        <h1>{pickText(definition.title, locale)}</h1>
        {pageIndex === 0 && definition.intro && <p>{pickText(definition.intro, locale)}</p>}
      </header>
      {page.title && <h2 className="kexin-p-page-title">{pickText(page.title, locale)}</h2>}
      {page.questions.length === 0 && <p className="kexin-p-help">{tp("surveys.preview.emptyPage")}</p>}
      {page.questions.map((question) => (
        <div
          key={question.key}
          data-preview-key={question.key}
          className={`kexin-p-slot${question.key === selectedKey ? " is-selected" : ""}`}
        >
          {isQuestionVisible(question, answers) ? (
            <PreviewQuestion
              question={question}
              number={numbers.get(question.key) ?? 0}
              locale={locale}
              t={tp}
              answer={answers[question.key]}
              onAnswer={(value) => answer(question.key, value)}
            />
          ) : (
            <div className="kexin-p-hidden">{t("surveys.preview.hiddenByLogic", { question: `Q${numbers.get(question.key) ?? "?"}` })}</div>
          )}
        </div>
      ))}
      <footer className="kexin-p-footer">
        <div className="kexin-p-nav">
          <button type="button" disabled={pageIndex === 0} onClick={() => onPageChange(pageIndex - 1)}>
            {tp("surveys.preview.previous")}
          </button>
          {pageIndex < pageCount - 1 ? (
            <button type="button" className="is-primary" onClick={() => onPageChange(pageIndex + 1)}>
              {tp("surveys.preview.next")}
            </button>
          ) : (
            <button type="button" className="is-primary" onClick={() => setFinished(true)}>
              {tp("surveys.preview.submit")}
            </button>
          )}
        </div>
        <div className="kexin-p-progress">{tp("surveys.preview.page", { page: pageIndex + 1, total: pageCount })}</div>
      </footer>
    </>
  );

  return (
    <div className="kexin-preview" data-testid="builder-preview">
      <div className="kexin-preview-toolbar">
        <Typography.Text strong>{t("surveys.preview.title")}</Typography.Text>
        {languages.length > 1 && (
          <Segmented<Locale>
            size="small"
            value={locale}
            onChange={setLocale}
            aria-label={t("surveys.preview.language")}
            options={languages.map((option) => ({
              value: option,
              label: <span data-testid={`preview-lang-${option}`}>{LOCALE_NAMES[option]}</span>,
            }))}
          />
        )}
      </div>
      <div className="kexin-phone">
        <div className="kexin-phone-screen" ref={screen} lang={locale}>
          {isFinished ? thanks : pageContent}
        </div>
      </div>
    </div>
  );
}
