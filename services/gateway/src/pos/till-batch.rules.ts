/** One sale or refund as a till sends it; only the fields the gateway itself must judge. */
export interface TillItem {
  readonly type: 'purchase.recorded' | 'purchase.refunded';
  readonly tenantId: string;
}

export interface FieldFault {
  readonly field: string;
  readonly message: string;
}

export type BatchVerdict =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly reason: 'batch.empty' | 'batch.too-large' | 'batch.wrong-tenant'; readonly faults: readonly FieldFault[] };

/**
 * Whether a whole batch may be published: all or nothing, so a till never has to work out which
 * half of a batch went through. Every item must name the key's own tenant; a key of one tenant
 * recording another's sale would credit points that tenant never funds.
 */
export function judgeTillBatch(items: readonly TillItem[], keyTenantId: string, maxItems: number): BatchVerdict {
  if (items.length === 0) {
    return { accepted: false, reason: 'batch.empty', faults: [{ field: 'items', message: 'must hold at least one sale or refund' }] };
  }
  if (items.length > maxItems) {
    return { accepted: false, reason: 'batch.too-large', faults: [{ field: 'items', message: `must hold at most ${maxItems} items` }] };
  }
  const faults = items.flatMap((item, index) =>
    item.tenantId === keyTenantId
      ? []
      : [{ field: `items[${index}].tenantId`, message: `this key records sales for tenant ${keyTenantId} only` }],
  );
  return faults.length === 0 ? { accepted: true } : { accepted: false, reason: 'batch.wrong-tenant', faults };
}
