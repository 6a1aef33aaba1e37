/** What the model throws when the services answered `{ ok: false }`: the service's code and message. */
import type { ErrorCode, Result } from '../../shared/result'

export class ApiCallError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message)
    this.name = 'ApiCallError'
  }
}

/** The value of a Result, or an ApiCallError with the service's message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
  return result.value
}
