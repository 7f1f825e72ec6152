export async function evaluateBundled(): Promise<{ bundled: unknown; language: unknown }> {
  throw new Error('not yet');
}
