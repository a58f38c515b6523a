/**
 * The builder's working state: the draft being edited, what is selected, whether there are unsaved changes, and
 * the problems found locally (by the shared contract) or by the server on the last save.
 */
import type { Question, SurveyDefinition, SurveyDetail } from "@kexin/contracts";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { publishSurvey, updateSurvey } from "../api/surveys-api.ts";
import { allQuestions, replaceQuestion } from "./definition-edits.ts";
import { checkDefinition, issueFromServer, type DefinitionIssue } from "./definition-issues.ts";

export type Selection = { kind: "question"; key: string } | { kind: "page"; index: number } | null;

export type SaveOutcome = { status: "saved"; survey: SurveyDetail } | { status: "invalid" } | { status: "failed"; error: unknown };

function firstSelection(definition: SurveyDefinition): Selection {
  const first = allQuestions(definition)[0];
  return first ? { kind: "question", key: first.key } : { kind: "page", index: 0 };
}

export function useSurveyBuilder(initial: SurveyDetail) {
  const [survey, setSurvey] = useState(initial);
  const [definition, setDefinition] = useState(initial.draft);
  const [name, setNameState] = useState(initial.name);
  const [selection, setSelection] = useState<Selection>(() => firstSelection(initial.draft));
  const [serverIssues, setServerIssues] = useState<DefinitionIssue[]>([]);
  const [isSaving, setSaving] = useState(false);
  // Edits are counted so a save that returns after further edits does not overwrite them or clear "unsaved".
  const revision = useRef(0);
  const [editedRevision, setEditedRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const isDirty = editedRevision !== savedRevision;

  const localIssues = useMemo(() => checkDefinition(definition), [definition]);
  const issues = useMemo(() => [...localIssues, ...serverIssues], [localIssues, serverIssues]);

  const markEdited = useCallback(() => {
    revision.current += 1;
    setEditedRevision(revision.current);
  }, []);

  /** Any change; a survey-wide problem the server reported is taken as addressed (the next save checks again). */
  const edit = useCallback(
    (change: (current: SurveyDefinition) => SurveyDefinition) => {
      setDefinition(change);
      setServerIssues((current) => current.filter((issue) => issue.questionKey !== undefined));
      markEdited();
    },
    [markEdited],
  );

  const setName = useCallback(
    (value: string) => {
      setNameState(value);
      markEdited();
    },
    [markEdited],
  );

  /** Replaces one question; a renamed key carries the selection and the references along. */
  const editQuestion = useCallback(
    (key: string, question: Question) => {
      edit((current) => replaceQuestion(current, key, question));
      setServerIssues((current) => current.filter((issue) => issue.questionKey !== key));
      if (question.key !== key) {
        setSelection((current) => (current?.kind === "question" && current.key === key ? { kind: "question", key: question.key } : current));
      }
    },
    [edit],
  );

  // Leaving the page (closing the tab, reloading) with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (localIssues.length > 0) return { status: "invalid" };
    const sentRevision = revision.current;
    const sent = definition;
    setSaving(true);
    try {
      const saved = await updateSurvey(survey.id, { name: name.trim(), definition: sent });
      setSurvey(saved);
      setServerIssues([]);
      setSavedRevision(sentRevision);
      if (revision.current === sentRevision) setDefinition(saved.draft);
      return { status: "saved", survey: saved };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setServerIssues([issueFromServer(sent, error.field, error.message)]);
        return { status: "invalid" };
      }
      return { status: "failed", error };
    } finally {
      setSaving(false);
    }
  }, [definition, localIssues.length, name, survey.id]);

  /** Saves first when there are unsaved changes, then freezes the draft as the next version. */
  const publish = useCallback(async (): Promise<SaveOutcome> => {
    if (isDirty) {
      const saved = await save();
      if (saved.status !== "saved") return saved;
    }
    try {
      const published = await publishSurvey(survey.id);
      setSurvey(published);
      return { status: "saved", survey: published };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setServerIssues([issueFromServer(definition, error.field, error.message)]);
        return { status: "invalid" };
      }
      return { status: "failed", error };
    }
  }, [definition, isDirty, save, survey.id]);

  return {
    survey,
    definition,
    name,
    setName,
    edit,
    editQuestion,
    selection,
    setSelection,
    issues,
    isDirty,
    isSaving,
    save,
    publish,
  };
}

export type SurveyBuilder = ReturnType<typeof useSurveyBuilder>;
