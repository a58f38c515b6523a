/**
 * The three-level indicator system: the survey's overall index (level 1), its dimensions (level 2) and the
 * indicators questions are tied to (level 3), each with an optional weight (blank = equal weights).
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { IndicatorSystem, Locale, LocalizedText } from "@kexin/contracts";
import { Button, Card, InputNumber, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { uniqueKey } from "../definition-edits.ts";
import { KeyInput } from "../editors/KeyInput.tsx";
import { withRequiredText } from "../localized-text.ts";
import { LocalizedInput } from "../LocalizedFields.tsx";
import type { NumberedName } from "../useDefaultText.ts";

type Dimension = IndicatorSystem["dimensions"][number];
type Indicator = Dimension["indicators"][number];

interface Props {
  value: IndicatorSystem | undefined;
  locale: Locale;
  /** `renamed` is set when an indicator key changed, so questions tied to it can follow. */
  onChange(value: IndicatorSystem | undefined, renamed?: { from: string; to: string }): void;
  numberedText(name: NumberedName, number: number): LocalizedText;
}

function WeightInput({ value, onChange }: { value: number | undefined; onChange(weight: number | undefined): void }) {
  const { t } = useTranslation();
  return (
    <InputNumber
      className="kexin-weight"
      min={0.001}
      step={0.05}
      placeholder={t("surveys.settings.weight")}
      aria-label={t("surveys.settings.weight")}
      value={value}
      onChange={(weight) => onChange(weight ?? undefined)}
    />
  );
}

export function IndicatorSystemEditor({ value, locale, onChange, numberedText }: Props) {
  const { t } = useTranslation();
  const dimensionKeys = new Set(value?.dimensions.map((dimension) => dimension.key));
  const indicatorKeys = new Set(value?.dimensions.flatMap((dimension) => dimension.indicators.map((item) => item.key)));

  function newIndicator(taken: Set<string>): Indicator {
    const key = uniqueKey("indicator", taken);
    return { key, title: numberedText("indicator", Number(key.split("_").pop())) };
  }
  function newDimension(system: IndicatorSystem | undefined): Dimension {
    const key = uniqueKey("dimension", new Set(system?.dimensions.map((dimension) => dimension.key)));
    const taken = new Set(system?.dimensions.flatMap((dimension) => dimension.indicators.map((item) => item.key)));
    return { key, title: numberedText("dimension", Number(key.split("_").pop())), indicators: [newIndicator(taken)] };
  }

  if (!value) {
    return (
      <>
        <Typography.Paragraph type="secondary">{t("surveys.settings.indicatorsHelp")}</Typography.Paragraph>
        <label className="kexin-switch-row">
          <Switch checked={false} onChange={() => onChange({ dimensions: [newDimension(undefined)] })} data-testid="settings-use-indicators" />
          {t("surveys.settings.useIndicators")}
        </label>
      </>
    );
  }

  const setDimension = (index: number, dimension: Dimension, renamed?: { from: string; to: string }) =>
    onChange({ dimensions: value.dimensions.map((current, at) => (at === index ? dimension : current)) }, renamed);
  const removeDimension = (index: number) => onChange({ dimensions: value.dimensions.filter((_, at) => at !== index) });

  return (
    <div className="kexin-settings-list" data-testid="settings-indicators">
      <Typography.Paragraph type="secondary">{t("surveys.settings.indicatorsHelp")}</Typography.Paragraph>
      <label className="kexin-switch-row">
        <Switch checked onChange={() => onChange(undefined)} data-testid="settings-use-indicators" />
        {t("surveys.settings.useIndicators")}
      </label>
      {value.dimensions.map((dimension, dimensionIndex) => {
        const setIndicator = (index: number, indicator: Indicator, renamed?: { from: string; to: string }) =>
          setDimension(dimensionIndex, { ...dimension, indicators: dimension.indicators.map((current, at) => (at === index ? indicator : current)) }, renamed);
        return (
          <Card
            key={dimensionIndex}
            size="small"
            className="kexin-settings-card"
            title={
              <div className="kexin-settings-row">
                <KeyInput
                  value={dimension.key}
                  taken={new Set([...dimensionKeys].filter((key) => key !== dimension.key))}
                  onCommit={(key) => setDimension(dimensionIndex, { ...dimension, key })}
                  testId={`dimension-key-${dimensionIndex}`}
                />
                <LocalizedInput
                  text={dimension.title}
                  locale={locale}
                  ariaLabel={t("surveys.settings.dimensionTitle")}
                  onChange={(text) => setDimension(dimensionIndex, { ...dimension, title: withRequiredText(dimension.title, locale, text) })}
                />
                <WeightInput value={dimension.weight} onChange={(weight) => setDimension(dimensionIndex, { ...dimension, weight })} />
              </div>
            }
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={value.dimensions.length <= 1}
                aria-label={t("surveys.settings.remove")}
                onClick={() => removeDimension(dimensionIndex)}
              />
            }
          >
            {dimension.indicators.map((indicator, indicatorIndex) => (
              <div className="kexin-settings-row" key={indicatorIndex}>
                <KeyInput
                  value={indicator.key}
                  taken={new Set([...indicatorKeys].filter((key) => key !== indicator.key))}
                  onCommit={(key) => setIndicator(indicatorIndex, { ...indicator, key }, { from: indicator.key, to: key })}
                  testId={`indicator-key-${dimensionIndex}-${indicatorIndex}`}
                />
                <LocalizedInput
                  text={indicator.title}
                  locale={locale}
                  ariaLabel={t("surveys.settings.indicatorTitle")}
                  onChange={(text) => setIndicator(indicatorIndex, { ...indicator, title: withRequiredText(indicator.title, locale, text) })}
                />
                <WeightInput value={indicator.weight} onChange={(weight) => setIndicator(indicatorIndex, { ...indicator, weight })} />
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={dimension.indicators.length <= 1}
                  aria-label={t("surveys.settings.remove")}
                  onClick={() =>
                    setDimension(dimensionIndex, { ...dimension, indicators: dimension.indicators.filter((_, at) => at !== indicatorIndex) })
                  }
                />
              </div>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setDimension(dimensionIndex, { ...dimension, indicators: [...dimension.indicators, newIndicator(indicatorKeys)] })}
            >
              {t("surveys.settings.addIndicator")}
            </Button>
          </Card>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ dimensions: [...value.dimensions, newDimension(value)] })}>
        {t("surveys.settings.addDimension")}
      </Button>
    </div>
  );
}
