// The batch loop's write: a batch goes in as one unit (one transaction); when it fails it rolled back
// as a whole, so its items are written one by one, and only the ones that still fail are reported.

/** Writes `items` with `write`, and on failure each item alone; returns the results of the writes
 *  that succeeded and calls `failed` for every item that could not be written. */
export async function writeBatch<T, R>(items: T[], write: (items: T[]) => Promise<R>, failed: (item: T, err: unknown) => void): Promise<R[]> {
  if (items.length === 0) return [];
  try {
    return [await write(items)];
  } catch (err) {
    if (items.length === 1) {
      failed(items[0], err);
      return [];
    }
  }
  const results: R[] = [];
  for (const item of items) {
    try {
      results.push(await write([item]));
    } catch (err) {
      failed(item, err);
    }
  }
  return results;
}
