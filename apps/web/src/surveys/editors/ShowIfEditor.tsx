/** Question logic: show this question only when earlier answers match every condition. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { scaleRange, type Locale, type Question, type ShowIfCondition } from "@kexin/contracts";
import { Button, InputNumber, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { pickText } from "../localized-text.ts";
import { operatorsFor } from "../question-types.ts";

interface Props {
  conditions: ShowIfCondition[];
  /** The questions before this one, in answering order; numbered from 1 with the survey. */
  earlier: Question[];
  locale: Locale;
  onChange(conditions: ShowIfCondition[] | undefined): void;
}

const MAX_CONDITIONS = 5;

export function ShowIfEditor({ conditions, earlier, locale, onChange }: Props) {
  const { t } = useTranslation();
  if (earlier.length === 0) {
    return <Typography.Text type="secondary">{t("surveys.editor.noEarlierQuestions")}</Typography.Text>;
  }
  const byKey = new Map(earlier.map((question) => [question.key, question]));
  const replace = (index: number, condition: ShowIfCondition) =>
    onChange(conditions.map((current, at) => (at === index ? condition : current)));
  const remove = (index: number) => {
    const rest = conditions.filter((_, at) => at !== index);
    onChange(rest.length > 0 ? rest : undefined);
  };

  function startCondition(question: Question): ShowIfCondition {
    const operator = operatorsFor(question)[0]!;
    if (operator === "answered") return { question: question.key, operator };
    if (question.type === "single_choice" || question.type === "multiple_choice") {
      return { question: question.key, operator, value: question.options[0]?.key };
    }
    return { question: question.key, operator, value: scaleRange(question)?.min };
  }

  function valueInput(index: number, condition: ShowIfCondition, question: Question | undefined) {
    if (!question || condition.operator === "answered") return null;
    if (question.type === "single_choice" || question.type === "multiple_choice") {
      return (
        <Select
          className="kexin-condition-value"
          aria-label={t("surveys.editor.conditionValue")}
          value={typeof condition.value === "string" ? condition.value : undefined}
          onChange={(value: string) => replace(index, { ...condition, value })}
          options={question.options.map((option) => ({ value: option.key, label: pickText(option.label, locale) }))}
        />
      );
    }
    const range = scaleRange(question);
    return (
      <InputNumber
        className="kexin-condition-value"
        aria-label={t("surveys.editor.conditionValue")}
        min={range?.min}
        max={range?.max}
        value={typeof condition.value === "number" ? condition.value : undefined}
        onChange={(value) => replace(index, { ...condition, value: value ?? undefined })}
      />
    );
  }

  return (
    <div className="kexin-conditions" data-testid="question-show-if">
      {conditions.map((condition, index) => {
        const question = byKey.get(condition.question);
        const operators = question ? operatorsFor(question) : [condition.operator];
        return (
          <div className="kexin-condition-row" key={index}>
            <Select
              className="kexin-condition-question"
              aria-label={t("surveys.editor.conditionQuestion")}
              value={question ? condition.question : undefined}
              status={question ? undefined : "error"}
              placeholder={condition.question}
              onChange={(key: string) => replace(index, startCondition(byKey.get(key)!))}
              options={earlier.map((candidate, at) => ({
                value: candidate.key,
                label: `Q${at + 1} · ${pickText(candidate.title, locale) || candidate.key}`,
              }))}
              popupMatchSelectWidth={false}
            />
            <Select
              className="kexin-condition-operator"
              aria-label={t("surveys.editor.conditionOperator")}
              value={condition.operator}
              onChange={(operator: ShowIfCondition["operator"]) =>
                replace(index, { ...condition, operator, value: operator === "answered" ? undefined : condition.value })
              }
              options={operators.map((operator) => ({ value: operator, label: t(`surveys.operators.${operator}`) }))}
            />
            {valueInput(index, condition, question)}
            <Button type="text" icon={<DeleteOutlined />} aria-label={t("surveys.editor.remove")} onClick={() => remove(index)} />
          </div>
        );
      })}
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        disabled={conditions.length >= MAX_CONDITIONS}
        onClick={() => onChange([...conditions, startCondition(earlier[earlier.length - 1]!)])}
        data-testid="question-add-condition"
      >
        {t("surveys.editor.addCondition")}
      </Button>
    </div>
  );
}
