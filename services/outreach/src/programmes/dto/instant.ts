/** An instant with a time and a UTC offset: a bare date would be UTC midnight, not the centre's. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_RULE = 'must be an instant with a time and a UTC offset, e.g. 2026-01-01T00:00:00+08:00';
