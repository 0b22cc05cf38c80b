/** Staff usernames as the gateway keeps them (lower case), so an assignee names a real account's form. */
export const STAFF_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const STAFF_ID_RULE = 'must be a staff username: 2 to 64 lower-case letters, digits, ".", "_" or "-"';
