/** `%term%` for ILIKE, with the user's own %, _ and backslash taken literally. */
export const likePattern = (term: string): string => `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
