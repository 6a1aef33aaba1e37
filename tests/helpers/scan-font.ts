/**
 * The font scanned pages are drawn in (DejaVu Serif 2.37, Debian's fonts-dejavu-core; free licence
 * in tests/fixtures/fonts/DejaVu-LICENSE.txt), vendored so the OCR tests draw the same text in any
 * clone instead of skipping where the system lacks the font.
 */
import { resolve } from 'node:path'

export const SCAN_FONT = resolve(__dirname, '..', 'fixtures', 'fonts', 'DejaVuSerif.ttf')
