import type { ParsedArgs } from './command'

/**
 * Splits argv after the command words into positionals, `--name value` options and `--flag`s.
 * `flagNames` lists the options that take no value. `--name=value` is accepted too.
 */
export function parseArgs(argv: string[], flagNames: ReadonlySet<string>): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: {}, flags: new Set() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '--') {
      out.positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2)
    if (eq > 0) (out.options[name] ??= []).push(arg.slice(eq + 1))
    else if (flagNames.has(name)) out.flags.add(name)
    else {
      const value = argv[i + 1]
      if (value === undefined) throw new Error(`--${name} needs a value`)
      ;(out.options[name] ??= []).push(value)
      i++
    }
  }
  return out
}

/** The single value of option `name`, or undefined; an error if given twice. */
export function option(args: ParsedArgs, name: string): string | undefined {
  const values = args.options[name]
  if (values && values.length > 1) throw new Error(`--${name} was given ${values.length} times`)
  return values?.[0]
}

/** The value of option `name`, which must be present. */
export function requiredOption(args: ParsedArgs, name: string): string {
  const value = option(args, name)
  if (value === undefined) throw new Error(`--${name} is required`)
  return value
}

/** A whole-number option. */
export function intOption(args: ParsedArgs, name: string): number | undefined {
  const value = option(args, name)
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, not "${value}"`)
  return Number(value)
}

/** The n-th positional argument, named in the error when missing. */
export function positional(args: ParsedArgs, n: number, name: string): string {
  const value = args.positional[n]
  if (value === undefined) throw new Error(`${name} is missing`)
  return value
}
