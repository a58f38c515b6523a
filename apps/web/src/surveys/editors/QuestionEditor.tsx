/** The selected question's editor: texts per language, key, required, type settings, logic and analysis ties. */
import type { Locale, LocalizedText, Question, SurveyDefinition } from "@kexin/contracts";
import { Alert, Card, Divider, Form, Switch, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DefinitionIssue } from "../definition-issues.ts";
import { allQuestions, questionsBefore } from "../definition-edits.ts";
import { withRequiredText, withText } from "../localized-text.ts";
import { EditLanguageSwitch, LocalizedInput } from "../LocalizedFields.tsx";
import { GROUP_COLORS, groupOf } from "../question-types.ts";
import type { NumberedName } from "../useDefaultText.ts";
import { AnalysisTies } from "./AnalysisTies.tsx";
import { KeyInput } from "./KeyInput.tsx";
import { ShowIfEditor } from "./ShowIfEditor.tsx";
import { TypeSettings } from "./TypeSettings.tsx";

interface Props {
  question: Question;
  definition: SurveyDefinition;
  issues: DefinitionIssue[];
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  onChange(question: Question): void;
  numberedText(name: NumberedName, number: number): LocalizedText;
}

export function QuestionEditor({ question, definition, issues, locale, onLocaleChange, onChange, numberedText }: Props) {
  const { t } = useTranslation();
  const questions = useMemo(() => allQuestions(definition), [definition]);
  const number = questions.findIndex((candidate) => candidate.key === question.key) + 1;
  const otherKeys = useMemo(
    () => new Set(questions.map((candidate) => candidate.key).filter((key) => key !== question.key)),
    [questions, question.key],
  );
  const earlier = useMemo(() => questionsBefore(definition, question.key), [definition, question.key]);
  const hasIssueAt = (suffix: string) => issues.some((issue) => issue.path.split(".").slice(4).join(".").startsWith(suffix));

  return (
    <Card
      size="small"
      className="kexin-question-editor"
      data-testid="question-editor"
      title={
        <span className="kexin-editor-heading">
          <Typography.Text strong>Q{number}</Typography.Text>
          <Tag color={GROUP_COLORS[groupOf(question.type)]}>{t(`surveys.questionTypes.${question.type}`)}</Tag>
        </span>
      }
      extra={<EditLanguageSwitch languages={definition.languages} value={locale} onChange={onLocaleChange} testId="editor-lang" />}
    >
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="kexin-editor-issues"
          title={t("surveys.editor.problemsHere")}
          description={
            <ul data-testid="question-issues">
              {issues.map((issue) => (
                <li key={`${issue.path}|${issue.message}`}>
                  <code>{issue.path.split(".").slice(4).join(".") || issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form layout="vertical" component="div">
        <Form.Item label={t("surveys.editor.questionTitle")} required validateStatus={hasIssueAt("title") ? "error" : undefined}>
          <LocalizedInput
            text={question.title}
            locale={locale}
            isMultiline
            testId="question-title"
            status={hasIssueAt("title") ? "error" : undefined}
            onChange={(value) => onChange({ ...question, title: withRequiredText(question.title, locale, value) })}
          />
        </Form.Item>
        <Form.Item label={t("surveys.editor.help")}>
          <LocalizedInput
            text={question.help}
            locale={locale}
            isMultiline
            testId="question-help"
            onChange={(value) => onChange({ ...question, help: withText(question.help, locale, value) })}
          />
        </Form.Item>
        <div className="kexin-inline-fields">
          <Form.Item label={t("surveys.editor.key")} tooltip={t("surveys.editor.keyHelp")}>
            <KeyInput
              value={question.key}
              taken={otherKeys}
              hasServerProblem={hasIssueAt("key")}
              onCommit={(key) => onChange({ ...question, key })}
            />
          </Form.Item>
          <Form.Item label={t("surveys.editor.required")}>
            <Switch
              checked={question.required}
              onChange={(required) => onChange({ ...question, required })}
              data-testid="question-required"
            />
          </Form.Item>
        </div>
        <Divider titlePlacement="start" plain>
          {t("surveys.editor.settings")}
        </Divider>
        <TypeSettings question={question} locale={locale} onChange={onChange} numberedText={numberedText} />
        <Divider titlePlacement="start" plain>
          {t("surveys.editor.logic")}
        </Divider>
        <Typography.Paragraph type="secondary" className="kexin-hint">
          {t("surveys.editor.logicHelp")}
        </Typography.Paragraph>
        <ShowIfEditor
          conditions={question.showIf ?? []}
          earlier={earlier}
          locale={locale}
          onChange={(showIf) => onChange({ ...question, showIf })}
        />
        <Divider titlePlacement="start" plain>
          {t("surveys.editor.analysis")}
        </Divider>
        <AnalysisTies
          indicator={question.indicator}
          construct={question.construct}
          indicatorSystem={definition.indicatorSystem}
          model={definition.model}
          locale={locale}
          onChange={(ties) => onChange({ ...question, ...ties })}
        />
      </Form>
    </Card>
  );
}
