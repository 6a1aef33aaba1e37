/**
 * Puts a service's validation message next to the form field it is about, in words. The services
 * answer `invalid-argument` with a message prefixed by the method and the argument's path
 * (`createEntity: label: a label is required`, `authorities.wikidata: Wikidata id "x" is malformed…`,
 * `dates.birth: "spring 1390" is not an EDTF date…`); the historian should see "a label is
 * required" under Label, not the path. Pure, so it is unit-tested without a browser.
 */

/** A message for one field of a form. */
export interface FieldError {
  /** The form field's key, e.g. `label`, `auth-wikidata`, `date-birth`, `coordinates`; `form` when none fits. */
  field: string
  /** The message without method name or path, starting with a capital. */
  message: string
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * Splits `message` into the field it names and the words. `fieldOf` maps the argument path
 * (dot-separated, e.g. `authorities.wikidata`, `coordinates.lat`) to a field key, or undefined.
 */
export function fieldError(message: string, fieldOf: (path: string) => string | undefined): FieldError {
  let rest = message.trim()
  // Up to two `word:` prefixes: the method (camelCase, no dot) and the path (may have dots).
  for (let i = 0; i < 2; i++) {
    const m = /^([A-Za-z][\w]*(?:\.[\w-]+)*): (.*)$/s.exec(rest)
    if (!m) break
    const field = fieldOf(m[1])
    if (field) return { field, message: capital(m[2]) }
    rest = m[2]
  }
  return { field: 'form', message: capital(rest) }
}

/**
 * The entity editor's field for an argument path of createEntity / updateEntity. `schemes`: the
 * authority schemes in the order sent (a path may name an authority by its index, `authorities.0.id`).
 */
export function entityField(path: string, schemes: readonly string[] = []): string | undefined {
  const [head, raw] = path.split('.')
  const key = head === 'authorities' && /^\d+$/.test(raw ?? '') ? schemes[Number(raw)] : raw
  if (head === 'label' || head === 'type' || head === 'aliases' || head === 'description') return head
  if (head === 'authorities' && key) return `auth-${key}`
  if (head === 'dates' && key) return `date-${key}`
  if (head === 'coordinates') return 'coordinates'
  return undefined
}
