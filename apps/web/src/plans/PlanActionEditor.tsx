/** One action of a plan, edited in place: what (call, visit, greeting), when (cadence), about what, by whom. */
import { DeleteOutlined } from "@ant-design/icons";
import { PLAN_HOLIDAYS, type PlanActionKind, type PlanAssignee, type PlanCadence, type PlanHoliday } from "@kexin/contracts";
import { Button, Checkbox, Input, InputNumber, Select, Space, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";

export interface ActionDraft {
  /** React's key: the action's id, or a local one until it is saved. */
  key: string;
  id?: string;
  kind: PlanActionKind;
  cadence: PlanCadence;
  weekdays: number[];
  monthDay: number | null;
  holidays: PlanHoliday[];
  topic: string;
  assignTo: PlanAssignee;
  recordsServiceFigures: boolean;
}

const KINDS: PlanActionKind[] = ["call", "visit", "greeting"];
const CADENCES: PlanCadence[] = ["daily", "weekly", "monthly", "holidays"];
const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const ASSIGNEES: PlanAssignee[] = ["account_manager", "store", "greetings"];

/** Keeps a draft consistent after a change: a cadence gets a sensible first choice; only greetings go to the greetings module. */
export function normaliseDraft(draft: ActionDraft): ActionDraft {
  const next = { ...draft };
  if (next.cadence === "weekly" && next.weekdays.length === 0) next.weekdays = [1];
  if (next.cadence === "monthly" && next.monthDay === null) next.monthDay = 1;
  if (next.cadence === "holidays" && next.holidays.length === 0) next.holidays = ["spring_festival"];
  if (next.kind !== "greeting" && next.assignTo === "greetings") next.assignTo = "account_manager";
  if (next.kind === "greeting") next.recordsServiceFigures = false;
  return next;
}

export function PlanActionEditor({
  draft,
  index,
  isReadOnly,
  onChange,
  onRemove,
}: {
  draft: ActionDraft;
  index: number;
  isReadOnly: boolean;
  onChange(draft: ActionDraft): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const change = (patch: Partial<ActionDraft>) => onChange(normaliseDraft({ ...draft, ...patch }));
  const testId = (what: string) => `plan-action-${index}-${what}`;

  return (
    <div className="kexin-plan-action" data-testid={testId("row")}>
      <div className="kexin-plan-action-line">
        <Select<PlanActionKind>
          value={draft.kind}
          disabled={isReadOnly}
          onChange={(kind) => change({ kind })}
          options={KINDS.map((value) => ({ value, label: t(`plans.kinds.${value}`) }))}
          aria-label={t("plans.fields.kind")}
          style={{ width: 96 }}
          data-testid={testId("kind")}
        />
        <Select<PlanCadence>
          value={draft.cadence}
          disabled={isReadOnly}
          onChange={(cadence) => change({ cadence })}
          options={CADENCES.map((value) => ({ value, label: t(`plans.cadences.${value}`) }))}
          aria-label={t("plans.fields.cadence")}
          style={{ width: 112 }}
          data-testid={testId("cadence")}
        />
        {draft.cadence === "weekly" && (
          <Checkbox.Group
            value={draft.weekdays}
            disabled={isReadOnly}
            onChange={(values) => change({ weekdays: (values as number[]).sort((a, b) => a - b) })}
            options={WEEKDAY_KEYS.map((key, position) => ({ value: position + 1, label: t(`plans.weekdays.${key}`) }))}
            aria-label={t("plans.fields.weekdays")}
            data-testid={testId("weekdays")}
          />
        )}
        {draft.cadence === "monthly" && (
          <Tooltip title={t("plans.monthDayHint")}>
            <InputNumber<number>
              min={1}
              max={31}
              value={draft.monthDay}
              disabled={isReadOnly}
              onChange={(monthDay) => change({ monthDay: monthDay ?? 1 })}
              prefix={t("plans.fields.monthDay")}
              aria-label={t("plans.fields.monthDay")}
              data-testid={testId("month-day")}
            />
          </Tooltip>
        )}
        {draft.cadence === "holidays" && (
          <Checkbox.Group
            value={draft.holidays}
            disabled={isReadOnly}
            onChange={(values) => change({ holidays: values as PlanHoliday[] })}
            options={PLAN_HOLIDAYS.map((value) => ({ value, label: t(`plans.holidays.${value}`) }))}
            aria-label={t("plans.fields.holidays")}
            data-testid={testId("holidays")}
          />
        )}
        {!isReadOnly && (
          <Tooltip title={t("plans.removeAction")}>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              onClick={onRemove}
              aria-label={t("plans.removeAction")}
              className="kexin-plan-action-remove"
              data-testid={testId("remove")}
            />
          </Tooltip>
        )}
      </div>
      <Input
        value={draft.topic}
        disabled={isReadOnly}
        maxLength={200}
        onChange={(event) => change({ topic: event.target.value })}
        placeholder={t("plans.topicPlaceholder")}
        prefix={<Typography.Text type="secondary">{t("plans.fields.topic")}</Typography.Text>}
        data-testid={testId("topic")}
      />
      <Space wrap size={[16, 8]}>
        <Space size={6}>
          <Typography.Text type="secondary">{t("plans.fields.assignTo")}</Typography.Text>
          <Select<PlanAssignee>
            value={draft.assignTo}
            disabled={isReadOnly}
            onChange={(assignTo) => change({ assignTo })}
            options={ASSIGNEES.filter((value) => value !== "greetings" || draft.kind === "greeting").map((value) => ({
              value,
              label: t(`plans.assignees.${value}`),
            }))}
            aria-label={t("plans.fields.assignTo")}
            style={{ minWidth: 220 }}
            data-testid={testId("assign")}
          />
        </Space>
        {draft.kind !== "greeting" && (
          <Checkbox
            checked={draft.recordsServiceFigures}
            disabled={isReadOnly}
            onChange={(event) => change({ recordsServiceFigures: event.target.checked })}
            data-testid={testId("figures")}
          >
            {t("plans.fields.recordsServiceFigures")}
          </Checkbox>
        )}
      </Space>
    </div>
  );
}
