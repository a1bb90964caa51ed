// How much of a plan the import takes: SharePoint's column lengths and the largest sheet read as a plan.

/** SharePoint's Title field holds 255 characters; the lists' lead text 255 and numbers 20 (src/sharepoint/schema.ts). */
export const MAX_TITLE_LENGTH = 255;
export const MAX_LEAD_LENGTH = 255;
export const MAX_NUMBER_LENGTH = 20;

/** Text cut to at most `max` characters at a word boundary, ending in an ellipsis. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}
/** No published plan comes near this; a sheet longer than it is some other data (an extract), not a plan. */
export const MAX_PLAN_ROWS = 2_000;
