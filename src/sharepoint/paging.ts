// Reading lists of any size: page through with $top and the async iterator (odata.nextLink),
// filtering on indexed columns only, as SharePoint's list view threshold demands.
import type { IItems } from "@pnp/sp/items/index.js";
import "@pnp/sp/items/index.js";
import { ListThresholdError, toAppError } from "./errors";
import type { SpItem } from "./mapping";

/** SharePoint's largest page. */
export const MAX_PAGE = 5000;

export interface PageOptions {
  select: string[];
  expand?: string[];
  /** A filter whose first clause is on an indexed column. */
  filter?: string;
  orderBy?: { field: string; ascending: boolean };
  pageSize?: number;
  onPage?: (count: number) => void;
}

/** A fresh items collection for each query: @pnp's fluent methods change the object they are called on. */
export type ItemsSource = () => IItems;

/** Every item matching the query, page by page. */
export async function readAllPages(items: ItemsSource, options: PageOptions): Promise<SpItem[]> {
  let query = items()
    .select(...options.select)
    .top(options.pageSize ?? MAX_PAGE);
  if (options.expand?.length) query = query.expand(...options.expand);
  if (options.filter) query = query.filter(options.filter);
  if (options.orderBy) query = query.orderBy(options.orderBy.field, options.orderBy.ascending);
  const all: SpItem[] = [];
  try {
    for await (const page of query) {
      all.push(...(page as SpItem[]));
      options.onPage?.(all.length);
    }
  } catch (error) {
    throw toAppError(error);
  }
  return all;
}

/**
 * Reads with an indexed filter; when SharePoint refuses it because the indexed candidate set
 * itself exceeds the threshold, falls back to paging the whole list by ID (always allowed) and
 * filtering here. Correct at any size; fast while the filter narrows below the threshold.
 */
export async function readFiltered(
  items: ItemsSource,
  options: PageOptions & { filter: string; matches: (item: SpItem) => boolean },
): Promise<SpItem[]> {
  try {
    return await readAllPages(items, options);
  } catch (error) {
    if (!(error instanceof ListThresholdError)) throw error;
    const { filter: _filter, orderBy: _orderBy, ...unfiltered } = options;
    return (await readAllPages(items, unfiltered)).filter(options.matches);
  }
}
