/** The settings that belong to one question type: scale size and wording, options, rows, length, feature text. */
import type { Locale, LocalizedText, Question, ScaleLabels } from "@kexin/contracts";
import { ServqualDimensionKey, ScaleLabels as ScaleLabelsSchema } from "@kexin/contracts";
import { Form, InputNumber, Segmented, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../i18n/useLocale.ts";
import { withRequiredText } from "../localized-text.ts";
import { LocalizedInput } from "../LocalizedFields.tsx";
import { labelSetOf, scaleWords } from "../scale-labels.ts";
import type { NumberedName } from "../useDefaultText.ts";
import { OptionListEditor } from "./OptionListEditor.tsx";

interface Props {
  question: Question;
  locale: Locale;
  onChange(question: Question): void;
  numberedText(name: NumberedName, number: number): LocalizedText;
}

function PointsSwitch({ value, onChange }: { value: 5 | 7; onChange(points: 5 | 7): void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t("surveys.editor.points")}>
      <Segmented<5 | 7>
        value={value}
        onChange={onChange}
        options={[5, 7].map((points) => ({ value: points as 5 | 7, label: t("surveys.editor.pointsValue", { count: points }) }))}
        data-testid="question-points"
      />
    </Form.Item>
  );
}

function LabelSetSelect({ value, points, onChange }: { value: ScaleLabels; points: 5 | 7; onChange(labels: ScaleLabels): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Form.Item label={t("surveys.editor.labels")}>
      <Select<ScaleLabels>
        value={value}
        onChange={onChange}
        data-testid="question-labels"
        options={ScaleLabelsSchema.options.map((set) => {
          const words = scaleWords(set, points, locale);
          const label = t("surveys.editor.labelSetOption", { name: t(`surveys.labelSets.${set}`), first: words[0], last: words[words.length - 1] });
          return { value: set, label };
        })}
      />
    </Form.Item>
  );
}

export function TypeSettings({ question, locale, onChange, numberedText }: Props) {
  const { t } = useTranslation();
  const { locale: uiLocale } = useLocale();

  const fixedScale = (points: 5 | 7) => {
    const set = labelSetOf(question) ?? "satisfaction";
    return (
      <Typography.Paragraph type="secondary">
        {t("surveys.editor.fixedScale", { points, labels: scaleWords(set, points, uiLocale).join(" / ") })}
      </Typography.Paragraph>
    );
  };

  switch (question.type) {
    case "likert":
      return (
        <>
          <PointsSwitch value={question.points} onChange={(points) => onChange({ ...question, points })} />
          <LabelSetSelect value={question.labels} points={question.points} onChange={(labels) => onChange({ ...question, labels })} />
        </>
      );
    case "csat":
    case "ces":
      return fixedScale(question.points);
    case "nps":
      return <Typography.Paragraph type="secondary">{t("surveys.editor.npsScale")}</Typography.Paragraph>;
    case "importance":
      return <PointsSwitch value={question.points} onChange={(points) => onChange({ ...question, points })} />;
    case "expectation_perception":
      return (
        <>
          <PointsSwitch value={question.points} onChange={(points) => onChange({ ...question, points })} />
          <Form.Item label={t("surveys.editor.servqualDimension")}>
            <Select
              allowClear
              placeholder={t("surveys.editor.noDimension")}
              value={question.servqualDimension}
              onChange={(servqualDimension) => onChange({ ...question, servqualDimension })}
              options={ServqualDimensionKey.options.map((key) => ({ value: key, label: t(`surveys.servqual.${key}`) }))}
              data-testid="question-servqual"
            />
          </Form.Item>
        </>
      );
    case "kano":
      return (
        <Form.Item label={t("surveys.editor.feature")} extra={t("surveys.editor.featureHelp")}>
          <LocalizedInput
            text={question.feature}
            locale={locale}
            isMultiline
            testId="question-feature"
            onChange={(value) => onChange({ ...question, feature: withRequiredText(question.feature, locale, value) })}
          />
        </Form.Item>
      );
    case "competitor":
      return (
        <>
          <PointsSwitch value={question.points} onChange={(points) => onChange({ ...question, points })} />
          <Form.Item label={t("surveys.editor.competitors")} extra={t("surveys.editor.competitorsHelp")}>
            <OptionListEditor
              items={question.competitors}
              locale={locale}
              onChange={(competitors) => onChange({ ...question, competitors })}
              stem="competitor"
              newLabel={(number) => numberedText("competitor", number)}
              addLabel={t("surveys.editor.addCompetitor")}
              min={1}
              max={8}
              testId="question-competitors"
            />
          </Form.Item>
        </>
      );
    case "single_choice":
    case "multiple_choice":
      return (
        <>
          <Form.Item label={t("surveys.editor.options")}>
            <OptionListEditor
              items={question.options}
              locale={locale}
              onChange={(options) => onChange({ ...question, options })}
              stem="option"
              newLabel={(number) => numberedText("option", number)}
              addLabel={t("surveys.editor.addOption")}
              min={2}
              max={50}
              testId="question-options"
            />
          </Form.Item>
          {question.type === "multiple_choice" && (
            <Form.Item label={t("surveys.editor.maxSelections")}>
              <InputNumber
                min={1}
                max={question.options.length}
                placeholder={t("surveys.editor.unlimited")}
                value={question.maxSelections}
                onChange={(value) => onChange({ ...question, maxSelections: value ?? undefined })}
              />
            </Form.Item>
          )}
        </>
      );
    case "text":
      return (
        <div className="kexin-inline-fields">
          <Form.Item label={t("surveys.editor.maxLength")}>
            <InputNumber
              min={1}
              max={5000}
              value={question.maxLength}
              onChange={(value) => onChange({ ...question, maxLength: value ?? 1000 })}
              data-testid="question-max-length"
            />
          </Form.Item>
          <Form.Item label={t("surveys.editor.multiline")}>
            <Switch checked={question.multiline} onChange={(multiline) => onChange({ ...question, multiline })} />
          </Form.Item>
        </div>
      );
    case "matrix":
      return (
        <>
          <div className="kexin-inline-fields">
            <PointsSwitch value={question.points} onChange={(points) => onChange({ ...question, points })} />
            <LabelSetSelect value={question.labels} points={question.points} onChange={(labels) => onChange({ ...question, labels })} />
          </div>
          <Form.Item label={t("surveys.editor.rows")}>
            <OptionListEditor
              items={question.rows}
              locale={locale}
              onChange={(rows) => onChange({ ...question, rows })}
              stem="row"
              newLabel={(number) => numberedText("row", number)}
              addLabel={t("surveys.editor.addRow")}
              min={1}
              max={30}
              testId="question-rows"
            />
          </Form.Item>
        </>
      );
  }
}
