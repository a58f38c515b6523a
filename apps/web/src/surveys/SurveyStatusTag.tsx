/** A survey's status as a coloured tag: draft, live (collecting answers) or closed. */
import type { SurveyStatus } from "@kexin/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<SurveyStatus, string> = { draft: "default", live: "green", closed: "red" };

export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="survey-status">
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
