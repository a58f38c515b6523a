/** A list of keyed, translated items: choice options, competitors, matrix rows. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { ChoiceOption, Locale, LocalizedText } from "@kexin/contracts";
import { Button, Input, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { isValidKey, uniqueKey } from "../definition-edits.ts";
import { withRequiredText } from "../localized-text.ts";
import { LocalizedInput } from "../LocalizedFields.tsx";

interface Props {
  items: ChoiceOption[];
  locale: Locale;
  onChange(items: ChoiceOption[]): void;
  /** Stem of new keys: option_4, row_2 … */
  stem: "option" | "competitor" | "row";
  newLabel(number: number): LocalizedText;
  addLabel: string;
  min: number;
  max: number;
  testId: string;
}

export function OptionListEditor({ items, locale, onChange, stem, newLabel, addLabel, min, max, testId }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, item: ChoiceOption) => onChange(items.map((current, at) => (at === index ? item : current)));
  const keyCount = (key: string) => items.filter((item) => item.key === key).length;

  function add() {
    const key = uniqueKey(stem, new Set(items.map((item) => item.key)));
    onChange([...items, { key, label: newLabel(Number(key.slice(stem.length + 1))) }]);
  }

  return (
    <div className="kexin-option-list" data-testid={testId}>
      {items.map((item, index) => {
        const isKeyBad = !isValidKey(item.key) || keyCount(item.key) > 1;
        return (
          // Position is the identity here: keys are being edited in place.
          <div className="kexin-option-row" key={index}>
            <Tooltip title={isKeyBad ? t("surveys.editor.keyInvalid") : t("surveys.editor.optionKey")}>
              <Input
                className="kexin-option-key"
                value={item.key}
                status={isKeyBad ? "error" : undefined}
                aria-label={t("surveys.editor.optionKey")}
                onChange={(event) => replace(index, { ...item, key: event.target.value.trim() })}
              />
            </Tooltip>
            <LocalizedInput
              text={item.label}
              locale={locale}
              ariaLabel={t("surveys.editor.optionLabel")}
              testId={`${testId}-label-${index}`}
              onChange={(value) => replace(index, { ...item, label: withRequiredText(item.label, locale, value) })}
            />
            <Button
              type="text"
              icon={<DeleteOutlined />}
              disabled={items.length <= min}
              aria-label={t("surveys.editor.remove")}
              onClick={() => onChange(items.filter((_, at) => at !== index))}
            />
          </div>
        );
      })}
      <Button type="dashed" size="small" icon={<PlusOutlined />} disabled={items.length >= max} onClick={add} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </div>
  );
}
