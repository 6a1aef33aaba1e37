/**
 * Export formats by name: what the Export dialog offers, what `export --format` accepts and what
 * the exports service runs. Exporters written as steps (./steps.ts) report progress and can be
 * cancelled between batches; plain `Exporter`s run in one go.
 *
 * Each exporter's code is loaded when that format is first run (`load`), not when the registry is:
 * the bibliography formats need citation-js, whose packages take ~0.3 s to load, and every CLI
 * command and `serve` start imports this registry (to list the formats) without exporting.
 */
import type { ExportSteps } from './steps'
import type { ExportInput, Exporter } from './types'

import type { ExportFormatName, ExportOptionName } from './format-names'

/** Every format name the API accepts (some may not be registered in this build; see `EXPORT_FORMATS`). */
export { FORMAT_NAMES, type ExportFormatName, type ExportOptionName } from './format-names'

/** A registered export format. */
export interface ExportFormat {
  name: ExportFormatName
  /** Shown in the Export dialog. */
  label: string
  /** Options the format honours; others are ignored. */
  options: ExportOptionName[]
  /** True when the export may produce several files (then `--out` is a folder). */
  multiFile: boolean
  /** Loads the exporter's code (once; later calls resolve at once) and gives its steps. */
  load(): Promise<(input: ExportInput) => ExportSteps>
}

/** Wraps a one-shot `Exporter` (no intermediate progress) as steps. */
export function stepsOf(exporter: Exporter): (input: ExportInput) => ExportSteps {
  // eslint-disable-next-line require-yield
  return function* (input: ExportInput): ExportSteps {
    return exporter(input)
  }
}

/** The formats available in this build, in the order the dialog lists them. */
export const EXPORT_FORMATS: ExportFormat[] = [
  { name: 'json', label: 'Marginalia JSON (complete, re-importable)', options: [], multiFile: false, load: async () => (await import('./native-json')).nativeJsonSteps },
  { name: 'csv', label: 'CSV tables (annotations, entities, citations, relations)', options: ['bom', 'zip'], multiFile: true, load: async () => (await import('./csv')).csvSteps },
  // W3C: one file, plus one file per further page when a project has more than 10,000 annotations.
  { name: 'w3c', label: 'W3C Web Annotation (JSON-LD)', options: [], multiFile: true, load: async () => (await import('./w3c')).w3cSteps },
  // TEI: one file per document (a project export of several documents is several files).
  { name: 'tei', label: 'TEI P5 XML (text with inline entities, standOff lists)', options: [], multiFile: true, load: async () => (await import('./tei')).teiSteps },
  { name: 'csl', label: 'CSL-JSON bibliography', options: [], multiFile: false, load: async () => stepsOf((await import('./csl')).exportCsl) },
  { name: 'bibtex', label: 'BibTeX / BibLaTeX bibliography', options: [], multiFile: false, load: async () => stepsOf((await import('./bibtex')).exportBibtex) },
  // Main registers the chosen CSL style before running it (src/main/bib/csl-resources.ts).
  { name: 'bibliography', label: 'Formatted bibliography (HTML and text)', options: ['style'], multiFile: true, load: async () => stepsOf((await import('./bibliography')).exportBibliography) }
]

/** The registered format called `name`, or undefined. */
export function findExportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name)
}
