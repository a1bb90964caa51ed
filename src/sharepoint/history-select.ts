// Which fields the progress history is read with. A site set up before schema 5 has no ReplyTo
// column, and SharePoint refuses a $select naming a missing column for the whole query; such a site
// must still show its plan (with the upgrade offered above it), so a read refused for ReplyTo alone
// is made again without it, and the store reads without replies from then on. A current site pays
// nothing: no extra request, the same one $batch.
import { SchemaOutdatedError } from "./errors";
import { UPDATE_SELECT, UPDATE_SELECT_BEFORE_REPLIES } from "./mapping";
import { F } from "./schema";

export interface HistoryFields {
  /** The $select for history rows now. */
  select(): string[];
  /** Runs a read that selects history rows; once more without ReplyTo when the site has no such column. */
  read<T>(run: () => Promise<T>): Promise<T>;
}

export function historyFields(): HistoryFields {
  let select = UPDATE_SELECT;
  return {
    select: () => select,
    async read(run) {
      try {
        return await run();
      } catch (error) {
        if (select !== UPDATE_SELECT || !(error instanceof SchemaOutdatedError) || error.column !== F.replyTo)
          throw error;
        select = UPDATE_SELECT_BEFORE_REPLIES;
        return run();
      }
    },
  };
}
