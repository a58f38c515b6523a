/** The menu of the twelve question types, grouped, each under its plain name. */
import { DownOutlined, PlusOutlined } from "@ant-design/icons";
import type { QuestionType } from "@kexin/contracts";
import { Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { QUESTION_GROUPS } from "./question-types.ts";

export function AddQuestionMenu({ onAdd, disabled }: { onAdd(type: QuestionType): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const items: MenuProps["items"] = QUESTION_GROUPS.map(({ group, types }) => ({
    type: "group",
    key: group,
    label: t(`surveys.questionGroups.${group}`),
    children: types.map((type) => ({
      key: type,
      label: <span data-testid={`builder-add-${type}`}>{t(`surveys.questionTypes.${type}`)}</span>,
    })),
  }));
  return (
    <Dropdown trigger={["click"]} disabled={disabled} menu={{ items, onClick: ({ key }) => onAdd(key as QuestionType) }}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="builder-add-question">
        {t("surveys.builder.addQuestion")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
