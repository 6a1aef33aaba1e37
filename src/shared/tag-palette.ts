/**
 * Kept only while the renderer still imports this path: the palette lives in src/shared/colors.ts.
 * Delete this file once src/renderer/ imports src/shared/colors.ts.
 */
export { paletteColor, TAG_PALETTE } from './colors'
