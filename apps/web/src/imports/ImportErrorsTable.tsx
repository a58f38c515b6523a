/** Every bad row of a dry run or a failed import: line in the file, field, reason. */
import type { ImportRowError } from "@kexin/contracts";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { useFieldLabel } from "./useFieldLabel.ts";

export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  return (
    <Table<ImportRowError & { key: number }>
      size="small"
      data-testid="import-errors"
      dataSource={errors.map((error, index) => ({ ...error, key: index }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { key: "line", title: t("imports.line"), dataIndex: "line", width: 90 },
        { key: "field", title: t("imports.field"), dataIndex: "field", width: 160, render: (field?: string) => fieldLabel(field) },
        { key: "reason", title: t("imports.reason"), dataIndex: "message" },
      ]}
    />
  );
}
