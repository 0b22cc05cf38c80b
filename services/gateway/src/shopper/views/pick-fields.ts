/** A JSON object as a service answered it. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies only the named fields that the source has. Shopper answers are built this way (an
 * allow-list): a field a service adds later stays with staff until a shopper view names it.
 */
export function pickFields<View>(source: unknown, fields: readonly (keyof View & string)[]): View {
  const picked: Record<string, unknown> = {};
  if (!isJsonObject(source)) return picked as View;
  for (const field of fields) {
    if (source[field] !== undefined) picked[field] = source[field];
  }
  return picked as View;
}

/** The nested object at `field`, itself reduced to its allowed fields; undefined when absent. */
export function pickNested<View>(source: unknown, field: string, fields: readonly (keyof View & string)[]): View | undefined {
  const nested = isJsonObject(source) ? source[field] : undefined;
  return isJsonObject(nested) ? pickFields<View>(nested, fields) : undefined;
}

/** Sets `field` only when there is a value (absent optional fields stay absent). */
export function withOptional<Value>(field: string, value: Value | undefined): Record<string, Value> {
  return value === undefined ? {} : { [field]: value };
}
