/**
 * Resolves after the next frame has been rendered, or after a second when no frame comes (a window
 * hidden: no frames are rendered).
 */
export const afterNextFrame = (): Promise<void> =>
  new Promise<void>((r) => {
    requestAnimationFrame(() => setTimeout(r))
    setTimeout(r, 1000)
  })
