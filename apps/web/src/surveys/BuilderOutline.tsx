/**
 * The survey's pages and their questions, reordered by dragging (pointer, touch or keyboard: space to lift, arrows
 * to move, space to drop) within a page or onto another page. Moves are announced to screen readers.
 */
import { DeleteOutlined, FileOutlined, PlusOutlined } from "@ant-design/icons";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { Locale, SurveyDefinition } from "@kexin/contracts";
import { Button, Popconfirm } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DefinitionIssue } from "./definition-issues.ts";
import { allQuestions, findQuestion } from "./definition-edits.ts";
import { pickText } from "./localized-text.ts";
import { SortableQuestionRow } from "./SortableQuestionRow.tsx";
import type { Selection } from "./useSurveyBuilder.ts";

const PAGE_DROP_PREFIX = "page:";

interface Props {
  definition: SurveyDefinition;
  selection: Selection;
  issues: DefinitionIssue[];
  locale: Locale;
  isReadOnly: boolean;
  onSelect(selection: Selection): void;
  onMove(key: string, toPage: number, toIndex: number): void;
  onDuplicate(key: string): void;
  onDelete(key: string): void;
  onAddPage(): void;
  onDeletePage(index: number): void;
}

/** An empty page still needs somewhere to drop a question. */
function EmptyPageTarget({ pageKey }: { pageKey: string }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `${PAGE_DROP_PREFIX}${pageKey}` });
  return (
    <div ref={setNodeRef} className={`kexin-outline-empty${isOver ? " is-over" : ""}`}>
      {t("surveys.builder.emptyPage")}
    </div>
  );
}

export function BuilderOutline(props: Props) {
  const { definition, selection, issues, locale, isReadOnly, onSelect, onMove } = props;
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const numbers = useMemo(
    () => new Map(allQuestions(definition).map((question, index) => [question.key, index + 1])),
    [definition],
  );
  const keysWithIssues = useMemo(() => new Set(issues.map((issue) => issue.questionKey)), [issues]);

  const describe = (id: string | number | undefined) => {
    if (id === undefined) return "";
    const key = String(id);
    if (key.startsWith(PAGE_DROP_PREFIX)) {
      const index = definition.pages.findIndex((page) => page.key === key.slice(PAGE_DROP_PREFIX.length));
      return t("surveys.builder.page", { number: index + 1 });
    }
    return `Q${numbers.get(key) ?? "?"}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("surveys.builder.dragStart", { question: describe(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("surveys.builder.dragOver", { question: describe(active.id), target: describe(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t("surveys.builder.dragEnd", { question: describe(active.id), target: describe(over.id) }) : undefined,
    onDragCancel: ({ active }) => t("surveys.builder.dragCancel", { question: describe(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const overId = String(over.id);
    if (overId.startsWith(PAGE_DROP_PREFIX)) {
      const pageIndex = definition.pages.findIndex((page) => page.key === overId.slice(PAGE_DROP_PREFIX.length));
      if (pageIndex >= 0) onMove(String(active.id), pageIndex, 0);
      return;
    }
    const target = findQuestion(definition, overId);
    if (target) onMove(String(active.id), target.pageIndex, target.questionIndex);
  }

  return (
    <div className="kexin-outline" data-testid="builder-outline">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("surveys.builder.dragInstructions") } }}
      >
        {definition.pages.map((page, pageIndex) => {
          const isPageSelected = selection?.kind === "page" && selection.index === pageIndex;
          const hasPageIssues = issues.some((issue) => issue.pageIndex === pageIndex && !issue.questionKey);
          return (
            <section key={page.key} className="kexin-outline-page" data-testid={`builder-page-${pageIndex + 1}`}>
              <header className={`kexin-outline-page-header${isPageSelected ? " is-selected" : ""}${hasPageIssues ? " has-issues" : ""}`}>
                <button type="button" className="kexin-outline-select" onClick={() => onSelect({ kind: "page", index: pageIndex })}>
                  <FileOutlined /> {t("surveys.builder.page", { number: pageIndex + 1 })}
                  {page.title && <span className="kexin-outline-page-title"> · {pickText(page.title, locale)}</span>}
                </button>
                {!isReadOnly && definition.pages.length > 1 && (
                  <Popconfirm title={t("surveys.builder.deletePageConfirm")} onConfirm={() => props.onDeletePage(pageIndex)} okButtonProps={{ danger: true }}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("surveys.builder.deletePage")} />
                  </Popconfirm>
                )}
              </header>
              <SortableContext id={page.key} items={page.questions.map((question) => question.key)} strategy={verticalListSortingStrategy}>
                {page.questions.map((question) => (
                  <SortableQuestionRow
                    key={question.key}
                    question={question}
                    number={numbers.get(question.key) ?? 0}
                    locale={locale}
                    isSelected={selection?.kind === "question" && selection.key === question.key}
                    hasIssues={keysWithIssues.has(question.key)}
                    isReadOnly={isReadOnly}
                    onSelect={() => onSelect({ kind: "question", key: question.key })}
                    onDuplicate={() => props.onDuplicate(question.key)}
                    onDelete={() => props.onDelete(question.key)}
                  />
                ))}
              </SortableContext>
              {page.questions.length === 0 && <EmptyPageTarget pageKey={page.key} />}
            </section>
          );
        })}
      </DndContext>
      {!isReadOnly && (
        <Button block type="dashed" icon={<PlusOutlined />} onClick={props.onAddPage} data-testid="builder-add-page">
          {t("surveys.builder.addPage")}
        </Button>
      )}
    </div>
  );
}
