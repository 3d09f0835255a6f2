/** Mirrors the server's minimum so users see the rule before submitting. */
export const PASSWORD_MIN_LENGTH = 10;
