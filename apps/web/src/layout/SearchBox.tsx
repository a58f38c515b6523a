/** A search box with its button: typing edits a local copy; Enter or the button searches; clearing shows all again. */
import { SearchOutlined } from "@ant-design/icons";
import { Button, Input, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export function SearchBox({
  value,
  onSearch,
  placeholder,
  width,
  testId,
}: {
  /** The search in effect (from the page's query). */
  value: string | undefined;
  /** Called with the trimmed text, or undefined for no search. */
  onSearch(q: string | undefined): void;
  placeholder: string;
  width: number;
  /** The box's data-testid; the button gets `<testId>-submit`. */
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  return (
    <Space.Compact>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          // The clear icon empties the box: show everything again at once.
          if (!event.target.value && value) onSearch(undefined);
        }}
        onPressEnter={() => onSearch(text.trim() || undefined)}
        placeholder={placeholder}
        style={{ width }}
        data-testid={testId}
      />
      <Button type="primary" onClick={() => onSearch(text.trim() || undefined)} data-testid={`${testId}-submit`}>
        {t("common.search")}
      </Button>
    </Space.Compact>
  );
}
