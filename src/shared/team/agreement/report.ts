/**
 * The agreement table of one document: for every category (each tag or entity type, and all of them
 * together) Cohen's κ for each pair of raters, and Fleiss' κ, Krippendorff's α and αu for each pair
 * and for all raters together (INCEpTION shows pairwise tables; the all-raters row is added when there
 * are more than two). As CSV (RFC 4180) too.
 */
import type { Annotation, Entity, Id } from '../../model'
import { csvRecords } from '../../export/csv-write'
import { binarise, type Coefficient, cohenKappa, fleissKappa, krippendorffAlpha, type CodingItem } from './coding'
import { type AgreementDimension, codingStudy, labelsOf, unitizingStudy, valueContains } from './studies'
import { alphaU, alphaUCategory, type UnitizingStudy } from './unitizing'

export type AgreementMeasure = 'cohen-kappa' | 'fleiss-kappa' | 'krippendorff-alpha' | 'krippendorff-alpha-u'
export const AGREEMENT_MEASURES: readonly AgreementMeasure[] = ['cohen-kappa', 'fleiss-kappa', 'krippendorff-alpha', 'krippendorff-alpha-u']

export interface AgreementRow {
  /** The tag or entity type measured; `null` for all categories together. */
  category: string | null
  measure: AgreementMeasure
  /** The raters compared (two for a pair, all otherwise), by author name. */
  raters: string[]
  /** The coefficient; `null` when it is undefined (see `note`). */
  value: number | null
  /** Items (positions) the coding measures used, or units marked for αu. */
  items: number
  note?: string
}

export interface AgreementReport {
  documentId: Id
  by: AgreementDimension
  raters: string[]
  /** Positions left out of the coding measures because a rater annotated them twice. */
  stacked: string[]
  /** Units left out of αu because they overlapped the same rater's unit of the same category. */
  overlappingUnits: number
  rows: AgreementRow[]
}

export interface AgreementInput {
  documentId: Id
  /** Length of the document's normalised text in code points (the αu continuum). */
  length: number
  /** Annotations on the document (others are ignored). */
  annotations: readonly Annotation[]
  entities: Readonly<Record<Id, Entity>>
  by: AgreementDimension
  /** Raters to compare; default: every author with an annotation on the document, sorted. */
  raters?: string[]
}

function pairs<T>(xs: readonly T[]): [T, T][] {
  const out: [T, T][] = []
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]])
  return out
}

function row(category: string | null, measure: AgreementMeasure, raters: string[], c: Coefficient, items: number): AgreementRow {
  return { category, measure, raters, value: c.value, items, ...('reason' in c ? { note: c.reason } : {}) }
}

function subStudy(items: readonly CodingItem[], columns: number[]): CodingItem[] {
  return items.map((item) => columns.map((k) => item[k])).filter((item) => item.some((v) => v !== null))
}

function subUnits(study: UnitizingStudy, columns: number[]): UnitizingStudy {
  const map = new Map(columns.map((r, k) => [r, k]))
  return { length: study.length, raters: columns.length, units: study.units.filter((u) => map.has(u.rater)).map((u) => ({ ...u, rater: map.get(u.rater)! })) }
}

/** Computes the whole table. Raters who made no annotation on the document still count when named. */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const own = input.annotations.filter((a) => a.documentId === input.documentId)
  const raters = input.raters ?? [...new Set(own.map((a) => a.author))].sort()
  const coding = codingStudy(own, raters, input.by, input.entities)
  const units = unitizingStudy(own, raters, input.by, input.entities, input.length)
  const categories = [...new Set(own.filter((a) => raters.includes(a.author)).flatMap((a) => labelsOf(a, input.by, input.entities)))].sort()
  const groups: number[][] = pairs(raters.map((_, i) => i)).map(([a, b]) => [a, b])
  if (raters.length > 2) groups.push(raters.map((_, i) => i))
  const rows: AgreementRow[] = []
  for (const category of [null, ...categories]) {
    const items = category === null ? coding.items : binarise(coding.items, category, valueContains)
    for (const group of groups) {
      const names = group.map((k) => raters[k])
      const sub = subStudy(items, group)
      const complete = sub.filter((i) => i.every((v) => v !== null)).length
      if (group.length === 2) rows.push(row(category, 'cohen-kappa', names, cohenKappa(sub), complete))
      rows.push(row(category, 'fleiss-kappa', names, fleissKappa(sub), complete))
      rows.push(row(category, 'krippendorff-alpha', names, krippendorffAlpha(sub), sub.filter((i) => i.filter((v) => v !== null).length >= 2).length))
      const us = subUnits(units, group)
      const marked = us.units.filter((u) => category === null || u.category === category).length
      const value = marked === 0 ? null : category === null ? alphaU(us) : alphaUCategory(us, category)
      rows.push(row(category, 'krippendorff-alpha-u', names, value === null ? { value: null, reason: 'no span marked' } : { value }, marked))
    }
  }
  return { documentId: input.documentId, by: input.by, raters, stacked: coding.stacked, overlappingUnits: units.skipped, rows }
}

/** The table as RFC 4180 CSV: category (`*` = all), measure, raters (`;`-joined), value, items, note. */
export function agreementCsv(report: AgreementReport): string {
  const header = ['document', 'by', 'category', 'measure', 'raters', 'value', 'items', 'note']
  return csvRecords([
    header,
    ...report.rows.map((r) => [report.documentId, report.by, r.category ?? '*', r.measure, r.raters.join(';'), r.value === null ? '' : String(r.value), String(r.items), r.note ?? ''])
  ])
}
