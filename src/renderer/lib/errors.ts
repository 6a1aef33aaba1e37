/**
 * How a component reports a failure: it dispatches `marginalia-error` (bubbling, composed) and the
 * application shell shows the message in a dismissible banner. Nothing fails silently.
 */

/** Detail of the `marginalia-error` event. */
export interface ErrorDetail {
  message: string
  code?: string
}

/** Human-readable message of anything thrown or returned as an error. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'object' && err && 'message' in err) return String((err as { message: unknown }).message)
  return String(err)
}

/** Reports `err` from `from` (prefixed with what was being done) to the shell's error banner. */
export function reportError(from: EventTarget, doing: string, err: unknown): void {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : undefined
  const message = `${doing}: ${errorMessage(err)}`
  from.dispatchEvent(new CustomEvent<ErrorDetail>('marginalia-error', { detail: { message, code }, bubbles: true, composed: true }))
}
