/** Rules shared by the staff DTOs, so creating and changing an account check the same things. */
export const USERNAME_INPUT = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
export const USERNAME_MESSAGE = 'username must be 2 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';
export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
export const PASSWORD_MAX_BYTES = 72;
