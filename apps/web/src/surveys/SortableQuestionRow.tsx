/** One question in the outline: a drag handle (mouse, touch or keyboard), its number, title and type, and actions. */
import { CopyOutlined, DeleteOutlined, ExclamationCircleFilled, HolderOutlined } from "@ant-design/icons";
import type { Locale, Question } from "@kexin/contracts";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Button, Popconfirm, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { pickText } from "./localized-text.ts";
import { GROUP_COLORS, groupOf } from "./question-types.ts";

interface Props {
  question: Question;
  number: number;
  locale: Locale;
  isSelected: boolean;
  hasIssues: boolean;
  isReadOnly: boolean;
  onSelect(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function SortableQuestionRow({ question, number, locale, isSelected, hasIssues, isReadOnly, onSelect, onDuplicate, onDelete }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: question.key,
    disabled: isReadOnly,
  });
  const classes = ["kexin-outline-question"];
  if (isSelected) classes.push("is-selected");
  if (isDragging) classes.push("is-dragging");
  if (hasIssues) classes.push("has-issues");

  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={classes.join(" ")}
      data-testid={`builder-question-${question.key}`}
    >
      {!isReadOnly && (
        <button type="button" className="kexin-drag-handle" aria-label={t("surveys.builder.dragHandle")} {...attributes} {...listeners}>
          <HolderOutlined />
        </button>
      )}
      <button type="button" className="kexin-outline-select" onClick={onSelect} aria-pressed={isSelected}>
        <span className="kexin-outline-title">
          <strong>Q{number}</strong> {pickText(question.title, locale) || question.key}
          {question.required && <span className="kexin-required-mark" aria-label={t("surveys.builder.required")}>*</span>}
        </span>
        <span className="kexin-outline-meta">
          <Tag color={GROUP_COLORS[groupOf(question.type)]}>{t(`surveys.questionTypes.${question.type}`)}</Tag>
          <code>{question.key}</code>
          {hasIssues && <ExclamationCircleFilled className="kexin-issue-icon" />}
        </span>
      </button>
      {!isReadOnly && (
        <span className="kexin-outline-actions">
          <Tooltip title={t("surveys.builder.duplicateQuestion")}>
            <Button
              type="text"
              size="small"
              icon={<CopyOutlined />}
              aria-label={t("surveys.builder.duplicateQuestion")}
              onClick={onDuplicate}
              data-testid={`builder-duplicate-${question.key}`}
            />
          </Tooltip>
          <Popconfirm title={t("surveys.builder.deleteQuestionConfirm")} onConfirm={onDelete} okButtonProps={{ danger: true }}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("surveys.builder.deleteQuestion")}
              data-testid={`builder-delete-${question.key}`}
            />
          </Popconfirm>
        </span>
      )}
    </div>
  );
}
