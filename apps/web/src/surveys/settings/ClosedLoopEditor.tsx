/**
 * Closed-loop rules: an answer that matches (e.g. NPS ≤ 6, CSAT ≤ 2) or an open answer that reads negative
 * creates a follow-up task for the customer's account manager or store, due within the given hours.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { scaleRange, type ClosedLoopRule, type Locale, type Question } from "@kexin/contracts";
import { Button, Card, InputNumber, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { pickText } from "../localized-text.ts";
import { hasSingleNumber } from "../question-types.ts";

interface Props {
  rules: ClosedLoopRule[];
  questions: Question[];
  locale: Locale;
  onChange(rules: ClosedLoopRule[]): void;
}

const MAX_RULES = 10;

export function ClosedLoopEditor({ rules, questions, locale, onChange }: Props) {
  const { t } = useTranslation();
  const numbered = questions.map((question, index) => ({ question, number: index + 1 }));
  const scored = numbered.filter(({ question }) => hasSingleNumber(question));
  const texts = numbered.filter(({ question }) => question.type === "text");
  const toOption = ({ question, number }: { question: Question; number: number }) => ({
    value: question.key,
    label: `Q${number} · ${pickText(question.title, locale) || question.key}`,
  });
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const replace = (index: number, rule: ClosedLoopRule) => onChange(rules.map((current, at) => (at === index ? rule : current)));

  /** A detractor threshold to start from: 0–6 for NPS, the lower two points otherwise. */
  function answerRule(question: Question): ClosedLoopRule["when"] {
    return { kind: "answer", question: question.key, operator: "lte", value: question.type === "nps" ? 6 : 2 };
  }

  function newRule(): ClosedLoopRule | null {
    const first = scored[0]?.question ?? texts[0]?.question;
    if (!first) return null;
    const when: ClosedLoopRule["when"] = first.type === "text" ? { kind: "negative_text", question: first.key } : answerRule(first);
    return { when, assignTo: "account_manager", dueInHours: 48 };
  }

  function setKind(index: number, rule: ClosedLoopRule, kind: ClosedLoopRule["when"]["kind"]) {
    const candidate = (kind === "answer" ? scored : texts)[0]?.question;
    if (!candidate) return;
    replace(index, { ...rule, when: kind === "answer" ? answerRule(candidate) : { kind, question: candidate.key } });
  }

  const starter = newRule();
  return (
    <div className="kexin-settings-list" data-testid="settings-closed-loop">
      <Typography.Paragraph type="secondary">{t("surveys.settings.closedLoopHelp")}</Typography.Paragraph>
      {rules.map((rule, index) => {
        const question = byKey.get(rule.when.question);
        const range = question ? scaleRange(question) : null;
        const when = rule.when;
        return (
          <Card
            key={index}
            size="small"
            className="kexin-settings-card"
            extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t("surveys.settings.remove")} onClick={() => onChange(rules.filter((_, at) => at !== index))} />}
            title={
              <Select<ClosedLoopRule["when"]["kind"]>
                aria-label={t("surveys.settings.ruleKind")}
                value={when.kind}
                onChange={(kind) => setKind(index, rule, kind)}
                options={[
                  { value: "answer", label: t("surveys.settings.ruleAnswer"), disabled: scored.length === 0 },
                  { value: "negative_text", label: t("surveys.settings.ruleNegativeText"), disabled: texts.length === 0 },
                ]}
              />
            }
          >
            <div className="kexin-settings-row">
              <Select
                className="kexin-rule-question"
                aria-label={t("surveys.settings.ruleQuestion")}
                value={question ? when.question : undefined}
                status={question ? undefined : "error"}
                placeholder={when.question}
                popupMatchSelectWidth={false}
                onChange={(key: string) =>
                  replace(index, { ...rule, when: when.kind === "answer" ? answerRule(byKey.get(key)!) : { kind: when.kind, question: key } })
                }
                options={(when.kind === "answer" ? scored : texts).map(toOption)}
              />
              {when.kind === "answer" && (
                <>
                  <Select<"lte" | "gte" | "equals">
                    className="kexin-rule-operator"
                    aria-label={t("surveys.settings.ruleOperator")}
                    value={when.operator}
                    onChange={(operator) => replace(index, { ...rule, when: { ...when, operator } })}
                    options={(["lte", "gte", "equals"] as const).map((operator) => ({ value: operator, label: t(`surveys.operators.${operator}`) }))}
                  />
                  <InputNumber
                    aria-label={t("surveys.settings.ruleValue")}
                    min={range?.min}
                    max={range?.max}
                    value={when.value}
                    onChange={(value) => replace(index, { ...rule, when: { ...when, value: value ?? range?.min ?? 0 } })}
                  />
                </>
              )}
            </div>
            <div className="kexin-settings-row">
              <span>{t("surveys.settings.assignTo")}</span>
              <Select<ClosedLoopRule["assignTo"]>
                value={rule.assignTo}
                onChange={(assignTo) => replace(index, { ...rule, assignTo })}
                options={[
                  { value: "account_manager", label: t("surveys.settings.assignAccountManager") },
                  { value: "store", label: t("surveys.settings.assignStore") },
                ]}
              />
              <span>{t("surveys.settings.dueInHours")}</span>
              <InputNumber
                min={1}
                max={24 * 30}
                value={rule.dueInHours}
                onChange={(dueInHours) => replace(index, { ...rule, dueInHours: dueInHours ?? 48 })}
              />
            </div>
          </Card>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        disabled={!starter || rules.length >= MAX_RULES}
        onClick={() => starter && onChange([...rules, starter])}
        data-testid="settings-add-rule"
      >
        {starter ? t("surveys.settings.addRule") : t("surveys.settings.noQuestions")}
      </Button>
    </div>
  );
}
