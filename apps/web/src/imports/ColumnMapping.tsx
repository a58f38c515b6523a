/** One select per import field, pre-filled with the server's suggestion; plus the file's first rows. */
import type { ImportMapping, ImportPreview } from "@kexin/contracts";
import { Col, Form, Row, Select, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useFieldLabel } from "./useFieldLabel.ts";

interface Props {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange(mapping: ImportMapping): void;
}

const UNMAPPED = "";

export function ColumnMapping({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const columnOptions = [
    { value: UNMAPPED, label: <Typography.Text type="secondary">{t("imports.notMapped")}</Typography.Text> },
    ...preview.columns.map((column) => ({ value: column, label: column })),
  ];

  return (
    <>
      <Typography.Title level={5}>{t("imports.mapping")}</Typography.Title>
      <Row gutter={[16, 0]}>
        {preview.fields.map((field) => (
          <Col key={field.name} xs={24} sm={12} lg={8}>
            <Form.Item
              label={
                <span>
                  {fieldLabel(field.name)} {field.isRequired && <Tag color="red">{t("imports.required")}</Tag>}
                </span>
              }
              layout="vertical"
              style={{ marginBottom: 12 }}
            >
              <Select
                value={mapping[field.name] ?? UNMAPPED}
                options={columnOptions}
                status={field.isRequired && !mapping[field.name] ? "error" : undefined}
                data-testid={`import-map-${field.name}`}
                onChange={(column: string) => {
                  const next = { ...mapping };
                  if (column === UNMAPPED) delete next[field.name];
                  else next[field.name] = column;
                  onChange(next);
                }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t("imports.preview")}</Typography.Title>
      <Table<{ key: number; cells: string[] }>
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={preview.rows.map((cells, index) => ({ key: index, cells }))}
        columns={preview.columns.map((column, index) => ({
          key: column,
          title: column,
          render: (_value, row) => row.cells[index] ?? "",
        }))}
        footer={() => t("common.total", { count: preview.totalRows })}
      />
    </>
  );
}
