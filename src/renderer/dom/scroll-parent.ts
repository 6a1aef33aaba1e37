/** The element that scrolls `el` (the nearest scrolling ancestor, across shadow roots), or the document's. */
export function scrollParent(el: Element): Element {
  for (let node: Element | null = el; node; ) {
    const style = getComputedStyle(node)
    if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) return node
    const parent: Node | null = node.assignedSlot ?? node.parentNode
    // Past <html> comes the Document, which is no Element: the document's own scroller then.
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null
  }
  return document.scrollingElement ?? document.documentElement
}
