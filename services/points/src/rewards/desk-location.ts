/**
 * A customer-service desk's location code, e.g. "desk-l1" (the level-1 desk) or "b1-parking":
 * lower-case letters, digits and dashes. Each desk keeps its own stock of gifts.
 */
export const DESK_LOCATION_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const DESK_LOCATION_MESSAGE = '$property must be a desk location code: lower-case letters, digits and dashes, e.g. desk-l1';
