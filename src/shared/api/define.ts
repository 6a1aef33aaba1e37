/**
 * The building blocks of the typed API contract. Each operation is declared once, as a zod
 * schema of its arguments plus the (phantom) type of its result. From that one declaration:
 * - the services implement `HandlersOf<typeof methods>` (the compiler checks every method is handled),
 * - the IPC transport, the HTTP transport, the preload and the CLI dispatch by method name
 *   and validate arguments with the same schema (the renderer is untrusted),
 * - the renderer's client is typed as `ApiOf<typeof methods>`.
 */
import type { z } from 'zod'
import type { Result } from '../result'

export interface MethodSpec<A extends z.ZodType, R> {
  args: A
  /** Phantom: carries the result type only. */
  readonly result?: R
  /** True for operations that change the project (they are undoable and emit a change event). */
  mutates: boolean
}

/** Declares an operation: `method<ResultType>()(argsSchema, { mutates })`. */
export function method<R>() {
  return <A extends z.ZodType>(args: A, opts: { mutates?: boolean } = {}): MethodSpec<A, R> => ({
    args,
    mutates: opts.mutates ?? false
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpec = MethodSpec<any, any>
export type MethodMap = Record<string, AnySpec>

export type ArgsOf<M> = M extends MethodSpec<infer A, unknown> ? z.input<A> : never
export type ParsedArgsOf<M> = M extends MethodSpec<infer A, unknown> ? z.output<A> : never
export type ResultOf<M> = M extends MethodSpec<z.ZodType, infer R> ? R : never

/** What a client sees: every method returns a Result, never throws across the boundary. */
export type ApiOf<Ms extends MethodMap> = {
  [K in keyof Ms]: (args: ArgsOf<Ms[K]>) => Promise<Result<ResultOf<Ms[K]>>>
}

/** Who is calling; transports fill it in. */
export interface CallContext {
  /** Reports progress of long work: `done` of `total` units (units are the operation's own). */
  progress?: (done: number, total: number, label?: string) => void
  /** Aborted when the caller cancels long work. */
  signal?: AbortSignal
}

/** What the services implement: plain values out, MarginaliaError thrown for expected failures. */
export type HandlersOf<Ms extends MethodMap> = {
  [K in keyof Ms]: (args: ParsedArgsOf<Ms[K]>, ctx: CallContext) => Promise<ResultOf<Ms[K]>> | ResultOf<Ms[K]>
}
