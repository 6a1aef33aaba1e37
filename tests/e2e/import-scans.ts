/**
 * Scanned pages drawn in the e2e tests: black DejaVu Serif (vendored: tests/helpers/scan-font.ts) at 50 px on white (300 dpi: about
 * 12 pt), so OCR has a known text to read back.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas'

import { SCAN_FONT } from '../helpers/scan-font'

/** A page `width` × `height` px with `lines` drawn from baseline `top`, `step` px apart, 120 px from the left. */
export function drawScan(lines: string[], opts: { width?: number; height: number; top: number; step: number }): Canvas {
  GlobalFonts.registerFromPath(SCAN_FONT, 'ScanSerif')
  const c = createCanvas(opts.width ?? 1750, opts.height)
  const ctx = c.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, c.width, c.height)
  ctx.font = '50px ScanSerif'
  ctx.fillStyle = '#111'
  lines.forEach((l, i) => ctx.fillText(l, 120, opts.top + i * opts.step))
  return c
}
