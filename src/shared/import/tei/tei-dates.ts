/**
 * TEI dating attributes as EDTF (ISO 8601-2): `@when` / `@when-iso` give the date itself;
 * `@notBefore` / `@notAfter` say the date lies within a range, which EDTF writes as "one of a set"
 * (`[1412..1415]`, open ends `[1412..]`, `[..1415]`); `@from` / `@to` give an interval (`1403/1408`).
 * Values that are not EDTF (e.g. `--04-01`, a recurring day) give no date.
 */
import { isEdtf } from '../../entities/edtf'

function attr(attrs: Record<string, string>, name: string): string | undefined {
  const v = (attrs[name] ?? attrs[`${name}-iso`] ?? attrs[`${name}-custom`])?.trim()
  return v && /^-?\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : undefined
}

/** The EDTF date a TEI element's dating attributes give, or undefined. */
export function teiDateToEdtf(attrs: Record<string, string>): string | undefined {
  const when = attr(attrs, 'when')
  if (when) return isEdtf(when) ? when : undefined
  const from = attr(attrs, 'from')
  const to = attr(attrs, 'to')
  if (from || to) {
    const v = `${from ?? '..'}/${to ?? '..'}`
    return isEdtf(v) ? v : undefined
  }
  const nb = attr(attrs, 'notBefore')
  const na = attr(attrs, 'notAfter')
  if (nb || na) {
    const v = nb && na ? `[${nb}..${na}]` : nb ? `[${nb}..]` : `[..${na}]`
    return isEdtf(v) ? v : undefined
  }
  return undefined
}
