/** Anchoring core (DESIGN.md §5): pure functions; every offset is in code points. */
export { describe, CONTEXT_LENGTH } from './describe'
export { anchor, type AnchorOptions } from './anchor'
export { reanchorAll, type ReanchorInput, type ReanchorOptions } from './reanchor'
export { MIN_SCORE } from './score'
export type { AnchorResult, AnchorSelector, AnchorMethod, OrphanReason, ReanchorResult } from './types'
