/**
 * The one tree shape every markup importer reads (XML through saxes, HTML through a DOM that runs
 * nothing): elements with a local name, namespace, attributes and children, and text nodes.
 * Being plain data, it cannot execute anything and crosses worker boundaries as is.
 */
export interface MarkupElement {
  type: 'element'
  /** Local name, lower case for HTML (`p`, `persName`, `li`). */
  name: string
  /** Namespace URI ('' when none). */
  ns: string
  /** Attributes by qualified name (`xml:id`, `href`, `rend`). */
  attrs: Record<string, string>
  children: MarkupNode[]
}

export interface MarkupText {
  type: 'text'
  value: string
}

export type MarkupNode = MarkupElement | MarkupText
