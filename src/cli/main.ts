/** Placeholder CLI entry; replaced by the real argument parser. */
export async function main(_argv: string[]): Promise<number> {
  return 0;
}
