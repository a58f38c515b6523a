/**
 * The structural (PLS path) model: constructs measured by the questions tied to them, reflective (A) or
 * formative (B), and the directed paths between them, e.g. perceived quality → satisfaction → loyalty.
 */
import { ArrowRightOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Locale, LocalizedText, StructuralModel } from "@kexin/contracts";
import { Button, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { uniqueKey } from "../definition-edits.ts";
import { KeyInput } from "../editors/KeyInput.tsx";
import { pickText, withRequiredText } from "../localized-text.ts";
import { LocalizedInput } from "../LocalizedFields.tsx";
import type { NumberedName } from "../useDefaultText.ts";

type Construct = StructuralModel["constructs"][number];
type Path = StructuralModel["paths"][number];

interface Props {
  value: StructuralModel | undefined;
  locale: Locale;
  /** `renamed` is set when a construct key changed, so tied questions and paths can follow. */
  onChange(value: StructuralModel | undefined, renamed?: { from: string; to: string }): void;
  numberedText(name: NumberedName, number: number): LocalizedText;
}

export function ModelEditor({ value, locale, onChange, numberedText }: Props) {
  const { t } = useTranslation();

  function newConstruct(taken: Set<string>): Construct {
    const key = uniqueKey("construct", taken);
    return { key, title: numberedText("construct", Number(key.split("_").pop())), mode: "A" };
  }

  if (!value) {
    const start = (): StructuralModel => {
      const first = newConstruct(new Set());
      const second = newConstruct(new Set([first.key]));
      return { constructs: [first, second], paths: [{ from: first.key, to: second.key }] };
    };
    return (
      <>
        <Typography.Paragraph type="secondary">{t("surveys.settings.modelHelp")}</Typography.Paragraph>
        <label className="kexin-switch-row">
          <Switch checked={false} onChange={() => onChange(start())} data-testid="settings-use-model" />
          {t("surveys.settings.useModel")}
        </label>
      </>
    );
  }

  const keys = new Set(value.constructs.map((construct) => construct.key));
  const setConstruct = (index: number, construct: Construct, renamed?: { from: string; to: string }) =>
    onChange({ ...value, constructs: value.constructs.map((current, at) => (at === index ? construct : current)) }, renamed);
  const setPath = (index: number, path: Path) => onChange({ ...value, paths: value.paths.map((current, at) => (at === index ? path : current)) });
  const removeConstruct = (index: number) => {
    const gone = value.constructs[index]!.key;
    onChange({
      constructs: value.constructs.filter((_, at) => at !== index),
      paths: value.paths.filter((path) => path.from !== gone && path.to !== gone),
    });
  };
  const constructOptions = value.constructs.map((construct) => ({
    value: construct.key,
    label: pickText(construct.title, locale) || construct.key,
  }));

  return (
    <div className="kexin-settings-list" data-testid="settings-model">
      <Typography.Paragraph type="secondary">{t("surveys.settings.modelHelp")}</Typography.Paragraph>
      <label className="kexin-switch-row">
        <Switch checked onChange={() => onChange(undefined)} data-testid="settings-use-model" />
        {t("surveys.settings.useModel")}
      </label>
      <Typography.Title level={5}>{t("surveys.settings.constructs")}</Typography.Title>
      {value.constructs.map((construct, index) => (
        <div className="kexin-settings-row" key={index}>
          <KeyInput
            value={construct.key}
            taken={new Set([...keys].filter((key) => key !== construct.key))}
            onCommit={(key) => setConstruct(index, { ...construct, key }, { from: construct.key, to: key })}
            testId={`construct-key-${index}`}
          />
          <LocalizedInput
            text={construct.title}
            locale={locale}
            ariaLabel={t("surveys.settings.constructTitle")}
            onChange={(text) => setConstruct(index, { ...construct, title: withRequiredText(construct.title, locale, text) })}
          />
          <Select<"A" | "B">
            className="kexin-mode"
            aria-label={t("surveys.settings.mode")}
            value={construct.mode}
            onChange={(mode) => setConstruct(index, { ...construct, mode })}
            options={[
              { value: "A", label: t("surveys.settings.modeA") },
              { value: "B", label: t("surveys.settings.modeB") },
            ]}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            disabled={value.constructs.length <= 2}
            aria-label={t("surveys.settings.remove")}
            onClick={() => removeConstruct(index)}
          />
        </div>
      ))}
      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...value, constructs: [...value.constructs, newConstruct(keys)] })}>
        {t("surveys.settings.addConstruct")}
      </Button>
      <Typography.Title level={5}>{t("surveys.settings.paths")}</Typography.Title>
      {value.paths.map((path, index) => (
        <div className="kexin-settings-row" key={index}>
          <Select
            className="kexin-path-end"
            aria-label={t("surveys.settings.pathFrom")}
            value={path.from}
            status={keys.has(path.from) ? undefined : "error"}
            onChange={(from: string) => setPath(index, { ...path, from })}
            options={constructOptions}
          />
          <ArrowRightOutlined />
          <Select
            className="kexin-path-end"
            aria-label={t("surveys.settings.pathTo")}
            value={path.to}
            status={keys.has(path.to) && path.to !== path.from ? undefined : "error"}
            onChange={(to: string) => setPath(index, { ...path, to })}
            options={constructOptions}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            disabled={value.paths.length <= 1}
            aria-label={t("surveys.settings.remove")}
            onClick={() => onChange({ ...value, paths: value.paths.filter((_, at) => at !== index) })}
          />
        </div>
      ))}
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange({ ...value, paths: [...value.paths, { from: value.constructs[0]!.key, to: value.constructs[value.constructs.length - 1]!.key }] })}
      >
        {t("surveys.settings.addPath")}
      </Button>
    </div>
  );
}
