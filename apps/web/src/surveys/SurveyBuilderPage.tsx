/**
 * The survey builder: pages and questions on the left (drag to reorder), the selected question's editor in the
 * middle, a phone preview on the right; settings in a drawer. Saving stores the draft; publishing freezes it as
 * the next version, so answers already collected keep the version they answered.
 */
import { Alert, App, ConfigProvider, Empty } from "antd";
import type { QuestionType, SurveyDetail } from "@kexin/contracts";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { getSurvey } from "../api/surveys-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { useMe } from "../auth/useSession.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageSpinner } from "../layout/PageSpinner.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { AddQuestionMenu } from "./AddQuestionMenu.tsx";
import { BuilderHeader } from "./BuilderHeader.tsx";
import { BuilderOutline } from "./BuilderOutline.tsx";
import {
  addPage,
  createQuestion,
  duplicateQuestion,
  findQuestion,
  insertQuestion,
  moveQuestion,
  nextQuestionKey,
  removePage,
  removeQuestion,
  updatePage,
} from "./definition-edits.ts";
import { PageEditor } from "./editors/PageEditor.tsx";
import { QuestionEditor } from "./editors/QuestionEditor.tsx";
import { PhonePreview } from "./preview/PhonePreview.tsx";
import { SurveySettingsDrawer } from "./settings/SurveySettingsDrawer.tsx";
import { mayChangeSurvey } from "./survey-access.ts";
import "./surveys.css";
import { useDefaultText } from "./useDefaultText.ts";
import { useSurveyBuilder, type Selection } from "./useSurveyBuilder.ts";

export default function SurveyBuilderPage() {
  const { surveyId = "" } = useParams();
  const errorText = useErrorText();
  const { t } = useTranslation();
  const { data, error } = useApiData(() => getSurvey(surveyId), [surveyId]);
  if (error) return <Alert type="error" showIcon title={t("surveys.builder.loadFailed", { message: errorText(error) })} />;
  if (!data || data.id !== surveyId) return <PageSpinner />;
  return <SurveyBuilder key={data.id} initial={data} />;
}

function SurveyBuilder({ initial }: { initial: SurveyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe();
  const { locale: uiLocale } = useLocale();
  const builder = useSurveyBuilder(initial);
  const { definition, edit, selection, setSelection, issues } = builder;
  const isReadOnly = !mayChangeSurvey(me.role, builder.survey.storeId);
  const [editLocale, setEditLocale] = useState(() => (definition.languages.includes(uiLocale) ? uiLocale : definition.languages[0]!));
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const [previewPage, setPreviewPage] = useState(0);
  const { questionText, numberedText } = useDefaultText(definition.languages);

  const select = useCallback(
    (next: Selection) => {
      setSelection(next);
      if (next?.kind === "page") setPreviewPage(next.index);
      if (next?.kind === "question") {
        const position = findQuestion(definition, next.key);
        if (position) setPreviewPage(position.pageIndex);
      }
    },
    [definition, setSelection],
  );

  const selectedPosition = selection?.kind === "question" ? findQuestion(definition, selection.key) : null;
  const selectedQuestion = selectedPosition
    ? definition.pages[selectedPosition.pageIndex]!.questions[selectedPosition.questionIndex]
    : undefined;
  const selectedIssues = useMemo(
    () => (selectedQuestion ? issues.filter((issue) => issue.questionKey === selectedQuestion.key) : []),
    [issues, selectedQuestion],
  );
  const surveyIssues = issues.filter((issue) => !issue.questionKey);

  /** New questions go after the selected one, or at the end of the selected (else the last) page. */
  function addQuestion(type: QuestionType) {
    const key = nextQuestionKey(definition, type);
    const question = createQuestion(type, key, questionText);
    const pageIndex = selectedPosition?.pageIndex ?? (selection?.kind === "page" ? selection.index : definition.pages.length - 1);
    const index = selectedPosition ? selectedPosition.questionIndex + 1 : undefined;
    edit((current) => insertQuestion(current, pageIndex, question, index));
    setSelection({ kind: "question", key });
    setPreviewPage(pageIndex);
  }

  async function save() {
    const outcome = await builder.save();
    if (outcome.status === "saved") void message.success(t("surveys.builder.saved"));
    else if (outcome.status === "invalid") void message.error(t("surveys.builder.fixProblems"));
    else void message.error(errorText(outcome.error));
  }

  async function publish(): Promise<boolean> {
    const outcome = await builder.publish();
    if (outcome.status === "saved") {
      void message.success(t("surveys.builder.published", { version: outcome.survey.currentVersion }));
      return true;
    }
    void message.error(outcome.status === "invalid" ? t("surveys.builder.fixProblems") : errorText(outcome.error));
    // Problems in the survey close the dialog so the marked questions can be seen; a failed request leaves it open.
    return outcome.status === "invalid";
  }

  return (
    <div className="kexin-builder">
      <BuilderHeader
        survey={builder.survey}
        name={builder.name}
        isDirty={builder.isDirty}
        isSaving={builder.isSaving}
        issueCount={issues.length}
        isReadOnly={isReadOnly}
        onSave={() => void save()}
        onPublish={publish}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {isReadOnly && <Alert type="info" showIcon title={t("surveys.builder.readOnly")} className="kexin-builder-notice" />}
      {surveyIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="kexin-builder-notice"
          data-testid="builder-survey-issues"
          title={surveyIssues.map((issue) => t("surveys.builder.serverProblem", { field: issue.path, message: issue.message })).join("；")}
        />
      )}
      <div className="kexin-builder-body">
        <ConfigProvider componentDisabled={isReadOnly}>
          <aside className="kexin-builder-outline">
            <div className="kexin-builder-outline-head">
              <span>{t("surveys.builder.pages")}</span>
              {!isReadOnly && <AddQuestionMenu onAdd={addQuestion} />}
            </div>
            <BuilderOutline
              definition={definition}
              selection={selection}
              issues={issues}
              locale={editLocale}
              isReadOnly={isReadOnly}
              onSelect={select}
              onMove={(key, toPage, toIndex) => {
                edit((current) => moveQuestion(current, key, toPage, toIndex));
                setPreviewPage(toPage);
              }}
              onDuplicate={(key) => {
                const copy = duplicateQuestion(definition, key);
                edit(() => copy.definition);
                setSelection({ kind: "question", key: copy.key });
              }}
              onDelete={(key) => {
                edit((current) => removeQuestion(current, key));
                if (selection?.kind === "question" && selection.key === key) setSelection(null);
              }}
              onAddPage={() => {
                edit(addPage);
                select({ kind: "page", index: definition.pages.length });
              }}
              onDeletePage={(index) => {
                edit((current) => removePage(current, index));
                setSelection(null);
                setPreviewPage(0);
              }}
            />
          </aside>
          <main className="kexin-builder-editor">
            {selectedQuestion ? (
              <QuestionEditor
                question={selectedQuestion}
                definition={definition}
                issues={selectedIssues}
                locale={editLocale}
                onLocaleChange={setEditLocale}
                onChange={(question) => builder.editQuestion(selectedQuestion.key, question)}
                numberedText={numberedText}
              />
            ) : selection?.kind === "page" && definition.pages[selection.index] ? (
              <PageEditor
                page={definition.pages[selection.index]!}
                number={selection.index + 1}
                languages={definition.languages}
                locale={editLocale}
                onLocaleChange={setEditLocale}
                onChange={(page) => edit((current) => updatePage(current, selection.index, page))}
              />
            ) : (
              <Empty description={t("surveys.builder.selectSomething")} />
            )}
          </main>
        </ConfigProvider>
        <PhonePreview
          definition={definition}
          pageIndex={Math.min(previewPage, definition.pages.length - 1)}
          onPageChange={setPreviewPage}
          selectedKey={selectedQuestion?.key}
        />
      </div>
      <ConfigProvider componentDisabled={isReadOnly}>
        <SurveySettingsDrawer
          open={isSettingsOpen}
          onClose={() => setSettingsOpen(false)}
          name={builder.name}
          onNameChange={builder.setName}
          definition={definition}
          edit={edit}
          locale={editLocale}
          onLocaleChange={setEditLocale}
          numberedText={numberedText}
        />
      </ConfigProvider>
    </div>
  );
}
