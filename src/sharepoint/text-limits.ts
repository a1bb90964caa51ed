// The data layer never sends a single line of text longer than its field takes: SharePoint Online
// would refuse the whole write with a 500 that names no field (docs/sharepoint.md §3.4). The limits
// come from the schema (MaxLength per field, 255 at most, Title 255).
import { ValidationError } from "./errors";
import { F, textLimitOf, type ListKey } from "./schema";
import type { SpItem } from "./mapping";

/** The app's name for a field in a validation issue (what forms and messages call it). */
const APP_NAMES: Readonly<Record<string, string>> = {
  Title: "title",
  [F.objectiveNumber]: "number",
  [F.actionNumber]: "number",
  [F.leadText]: "leadText",
  [F.planYear]: "planYear",
  [F.resultYear]: "resultYear",
  [F.standard]: "standard",
};

/** Issues for each single-line text value longer than its field takes. */
export function textLengthIssues(key: ListKey, fields: SpItem): { code: "tooLong"; field: string }[] {
  const issues: { code: "tooLong"; field: string }[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const max = textLimitOf(key, name);
    if (max !== undefined && typeof value === "string" && value.length > max)
      issues.push({ code: "tooLong", field: APP_NAMES[name] ?? name });
  }
  return issues;
}

/** The fields as given, or ValidationError naming each over-long field. */
export function withinLimits(key: ListKey, fields: SpItem): SpItem {
  const issues = textLengthIssues(key, fields);
  if (issues.length > 0) throw new ValidationError(issues);
  return fields;
}
