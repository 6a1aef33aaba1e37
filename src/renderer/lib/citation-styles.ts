/** The citation styles the app ships, with their labels (one list for the bibliography and the Export dialog). */
import type { CitationStyle } from '../../shared/api/citations'

export const STYLE_LABELS: Record<CitationStyle, string> = {
  'chicago-notes-bibliography': 'Chicago (notes and bibliography)',
  'chicago-author-date': 'Chicago (author-date)'
}
