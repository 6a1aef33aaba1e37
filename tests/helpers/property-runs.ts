/**
 * How many cases a property test tries: `n` in npm test; at most 100 under mutation testing
 * (vitest.mutation.config.mts sets MARGINALIA_MUTATION), where each test runs once per mutant.
 */
export function runs(n: number): number {
  return process.env.MARGINALIA_MUTATION ? Math.min(n, 100) : n
}
