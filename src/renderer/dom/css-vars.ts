/**
 * A Lit element directive that sets CSS custom properties through the CSSOM
 * (`style.setProperty`). The page's CSP has no 'unsafe-inline' for styles, so `style="…"`
 * attributes are refused; CSSOM writes are allowed. Usage: `<span ${cssVars({ '--tag': colour })}>`.
 */
import { noChange } from 'lit'
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js'

class CssVarsDirective extends Directive {
  private previous = new Set<string>()

  constructor(info: PartInfo) {
    super(info)
    if (info.type !== PartType.ELEMENT) throw new Error('cssVars() must be used on an element, e.g. <span ${cssVars({...})}>')
  }

  render(_vars: Record<string, string | undefined>) {
    return noChange
  }

  override update(part: ElementPart, [vars]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style
    for (const name of this.previous) if (!(name in vars) || vars[name] === undefined) style.removeProperty(name)
    this.previous = new Set()
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) continue
      style.setProperty(name, value)
      this.previous.add(name)
    }
    return noChange
  }
}

/** Sets the given CSS custom properties (names start with `--`) on the element. */
export const cssVars = directive(CssVarsDirective)
