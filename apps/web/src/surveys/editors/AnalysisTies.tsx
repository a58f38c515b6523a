/** Which indicator of the three-level system and which construct of the model a question measures. */
import type { IndicatorSystem, Locale, StructuralModel } from "@kexin/contracts";
import { Form, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { pickText } from "../localized-text.ts";

interface Props {
  indicator: string | undefined;
  construct: string | undefined;
  indicatorSystem: IndicatorSystem | undefined;
  model: StructuralModel | undefined;
  locale: Locale;
  onChange(ties: { indicator: string | undefined; construct: string | undefined }): void;
}

export function AnalysisTies({ indicator, construct, indicatorSystem, model, locale, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="kexin-inline-fields">
      <Form.Item label={t("surveys.editor.indicator")}>
        {indicatorSystem ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("surveys.editor.indicatorNone")}
            value={indicator}
            onChange={(value: string | undefined) => onChange({ indicator: value, construct })}
            data-testid="question-indicator"
            options={indicatorSystem.dimensions.map((dimension) => ({
              label: pickText(dimension.title, locale) || dimension.key,
              options: dimension.indicators.map((item) => ({ value: item.key, label: pickText(item.title, locale) || item.key })),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">{t("surveys.editor.noIndicatorSystem")}</Typography.Text>
        )}
      </Form.Item>
      <Form.Item label={t("surveys.editor.construct")}>
        {model ? (
          <Select
            allowClear
            placeholder={t("surveys.editor.constructNone")}
            value={construct}
            onChange={(value: string | undefined) => onChange({ indicator, construct: value })}
            data-testid="question-construct"
            options={model.constructs.map((item) => ({ value: item.key, label: pickText(item.title, locale) || item.key }))}
          />
        ) : (
          <Typography.Text type="secondary">{t("surveys.editor.noModel")}</Typography.Text>
        )}
      </Form.Item>
    </div>
  );
}
