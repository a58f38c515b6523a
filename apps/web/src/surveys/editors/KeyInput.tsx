/**
 * A question's key, edited in place but only taken once it is valid and unused, so answers, conditions and rules
 * never point at a half-typed or duplicate key. Enter or leaving the field takes it; Escape goes back.
 */
import { Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isValidKey } from "../definition-edits.ts";

interface Props {
  value: string;
  /** Keys of the other questions. */
  taken: ReadonlySet<string>;
  onCommit(key: string): void;
  hasServerProblem?: boolean;
  testId?: string;
  ariaLabel?: string;
}

export function KeyInput({ value, taken, onCommit, hasServerProblem, testId = "question-key", ariaLabel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);

  const problem = !isValidKey(draft)
    ? t("surveys.editor.keyInvalid")
    : draft !== value && taken.has(draft)
      ? t("surveys.editor.keyTaken", { key: draft })
      : undefined;

  const commit = () => {
    if (!problem && draft !== value) onCommit(draft);
  };

  return (
    <>
      <Input
        value={draft}
        status={problem || hasServerProblem ? "error" : undefined}
        onChange={(event) => setDraft(event.target.value.trim())}
        onBlur={commit}
        onPressEnter={commit}
        onKeyDown={(event) => {
          if (event.key === "Escape") setDraft(value);
        }}
        aria-invalid={Boolean(problem)}
        aria-label={ariaLabel}
        data-testid={testId}
      />
      {problem && <div className="kexin-field-problem">{problem}</div>}
    </>
  );
}
