/**
 * Limits the pages check in the browser too. Kept free of server code; a test keeps it equal to the
 * client's `MAX_PASSWORD_LENGTH`.
 */
export const PORTOKASSE_PASSWORD_MAX = 22;
