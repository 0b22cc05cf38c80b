/** An entry of a survivor's view, and the merged-in record it came from (absent: the member's own). */
export type FromRecord<Entry> = Entry & { readonly fromMemberId?: string };

/**
 * One person's story across merged records: the member's own entries and those of every record
 * merged into it (each marked with the record it belongs to), newest first. An own entry that a
 * merge copied from a record (it names that record already) stands for the same entry of that
 * record, which is left out, so nothing shows twice.
 */
export function acrossMergedRecords<Entry extends object>(
  own: readonly FromRecord<Entry>[],
  mergedIn: ReadonlyMap<string, readonly FromRecord<Entry>[]>,
  timeOf: (entry: Entry) => Date,
  sameEntry: (copy: Entry, original: Entry) => boolean = () => false,
): FromRecord<Entry>[] {
  const copies = own.filter((entry) => entry.fromMemberId !== undefined);
  const theirs = [...mergedIn].flatMap(([memberId, entries]) =>
    entries
      .filter((entry) => !copies.some((copy) => copy.fromMemberId === (entry.fromMemberId ?? memberId) && sameEntry(copy, entry)))
      .map((entry): FromRecord<Entry> => ({ ...entry, fromMemberId: entry.fromMemberId ?? memberId })),
  );
  // Stable: entries at the same instant keep their own order, newest (last written) first.
  return [...own, ...theirs]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => timeOf(b.entry).getTime() - timeOf(a.entry).getTime() || b.index - a.index)
    .map(({ entry }) => entry);
}
