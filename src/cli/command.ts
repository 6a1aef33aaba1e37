/** One CLI command. Commands print JSON on stdout; errors go to stderr with a non-zero exit code. */
import type { MarginaliaApi } from '../shared/api'
import type { Limit } from '../shared/limits'

export interface ParsedArgs {
  /** Positional arguments after the command words, e.g. DIR, FILE. */
  positional: string[]
  /** `--name value` options; repeated options keep every value in order. */
  options: Record<string, string[]>
  /** `--flag` options without a value. */
  flags: Set<string>
}

export interface CliEnv {
  /**
   * Opens the project in DIR (must exist unless `create`) and returns the typed API over the same
   * services the app uses. Calls return Results; `unwrap` turns a failed one into a thrown error.
   */
  open(dir: string, opts?: { create?: boolean; name?: string }): Promise<MarginaliaApi>
  /** Value of a failed-or-not Result; a failure becomes an error the CLI prints with its code. */
  unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T
  /**
   * Reads a file given on the command line (relative to the working directory), refusing it from
   * its size, before reading, when larger than `limit` (one of LIMITS in src/shared/limits.ts).
   * Errors are MarginaliaError('invalid-file', '<path>: <problem>').
   */
  readFile(path: string, limit: Limit): Promise<Uint8Array>
  /** Writes an output file atomically. */
  writeFile(path: string, content: string | Uint8Array): Promise<void>
  /** Writes raw output (an export) to stdout; resolves once the OS has taken it, so none is lost in a pipe. */
  stdout(data: string | Uint8Array): Promise<void>
  /**
   * Lets `writeExport` write into `path` (relative to the working directory): only for a folder
   * the user typed on this command line (see src/main/services/export-folders.ts).
   */
  allowExportFolder(path: string): void
}

export interface CliCommand {
  /** Command words, e.g. `entity add`. */
  name: string
  /** One-line usage, e.g. `entity add DIR --type T --label L [--alias A]…`. */
  usage: string
  /** Returns the value printed as JSON on stdout (undefined prints nothing). */
  run(args: ParsedArgs, env: CliEnv): Promise<unknown>
}
