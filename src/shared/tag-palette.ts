/**
 * Colours given to new tags, in order: distinct hues that stay readable under dark text
 * when painted at ~40% opacity. A tag keeps its colour once assigned (stored in `tags`).
 */
export const TAG_PALETTE = [
  '#f2c14e', '#7fb7e6', '#9bd18b', '#f28f8f', '#c9a0e8', '#f5a962', '#6fd1c4', '#e89ac7', '#b8c46a', '#a3a8f0'
]

/** The palette colour for the n-th tag (0-based), cycling when there are more tags than colours. */
export function paletteColor(n: number): string {
  return TAG_PALETTE[n % TAG_PALETTE.length]
}
