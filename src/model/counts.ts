/**
 * Counts in the command's messages: “1 piece”, “9 pieces”, “1 file”, “31 files”.
 */

/** `n` and the noun, singular for one. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
