/**
 * Export format names, kept apart from the exporters so the API contract (which the renderer
 * bundles) does not pull every exporter and its libraries into the renderer.
 */
export const FORMAT_NAMES = ['json', 'csv', 'w3c', 'tei', 'csl', 'bibtex', 'bibliography'] as const
export type ExportFormatName = (typeof FORMAT_NAMES)[number]

/** Options a format understands. */
export type ExportOptionName = 'bom' | 'zip' | 'style'
