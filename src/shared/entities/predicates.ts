/** The relation vocabulary: a small built-in set the historian can extend with their own predicates. */
import type { Predicate } from '../model'

/** Built-in predicates, always available (they are not stored, so they cannot be lost). */
export const DEFAULT_PREDICATES: readonly string[] = [
  'son of', 'daughter of', 'married to', 'succeeded', 'ruled', 'besieged', 'allied with', 'located in'
]

/** A predicate as typed, tidied: trimmed, inner white space collapsed, lower case. */
export function normalisePredicate(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The whole vocabulary: built-ins first (in their order), then the project's own, alphabetically. */
export function vocabulary(stored: Record<string, Predicate>): Predicate[] {
  const builtin = DEFAULT_PREDICATES.map((id) => ({ id, builtin: true }))
  const own = Object.values(stored)
    .filter((p) => !DEFAULT_PREDICATES.includes(p.id))
    .map((p) => ({ id: p.id, builtin: false }))
    .sort((a, b) => a.id.localeCompare(b.id))
  return [...builtin, ...own]
}
