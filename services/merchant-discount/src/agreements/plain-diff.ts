/** One difference between two plain values, at a dotted path. */
export interface PlainChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(path: string, before: unknown, after: unknown, changes: PlainChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) compare(path === '' ? key : `${path}.${key}`, before[key], after[key], changes);
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === undefined) changes.push({ path, change: 'added', after });
  else if (after === undefined) changes.push({ path, change: 'removed', before });
  else changes.push({ path, change: 'changed', before, after });
}

/**
 * Every leaf that differs between two JSON-like values, objects compared key by key in key
 * order and arrays as whole values (a changed list is one change, as a reader sees it).
 */
export function plainDiff(before: unknown, after: unknown, at = ''): PlainChange[] {
  const changes: PlainChange[] = [];
  compare(at, before, after, changes);
  return changes;
}
