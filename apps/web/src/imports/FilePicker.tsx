/** A button that opens a plain (hidden) file input, so browsers and tests can also set the file directly. */
import { UploadOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function FilePicker({ file, disabled, onChange }: { file?: File; disabled?: boolean; onChange(file: File | undefined): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space orientation="vertical" size={4}>
      <Button icon={<UploadOutlined />} disabled={disabled} onClick={() => input.current?.click()}>
        {file ? file.name : t("imports.file")}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        data-testid="import-file"
        hidden
        onChange={(event) => {
          onChange(event.target.files?.[0]);
          // Let the same file be chosen again after it was changed on disk.
          event.target.value = "";
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("imports.fileHint")}
      </Typography.Text>
    </Space>
  );
}
