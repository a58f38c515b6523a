import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { zhCN, type Messages } from "../i18n/zh-CN.ts";

type FieldName = keyof Messages["imports"]["fields"];
const isFieldName = (field: string): field is FieldName => Object.hasOwn(zhCN.imports.fields, field);

/** An import field's name in the user's language; unknown names are shown as they are. */
export function useFieldLabel(): (field: string | undefined) => string {
  const { t } = useTranslation();
  return useCallback((field: string | undefined) => (!field ? "—" : isFieldName(field) ? t(`imports.fields.${field}`) : field), [t]);
}
