/** What every report view gets from the report page. */
import type { SurveyDefinition } from "@kexin/contracts";
import type { ReportFilters } from "./report-filters.ts";

export interface ReportViewProps {
  surveyId: string;
  filters: ReportFilters;
  /** The newest version read (scale labels, options); undefined while it loads. */
  definition: SurveyDefinition | undefined;
}
