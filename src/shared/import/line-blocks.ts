/** Helpers to build a text line by line while recording structure blocks in code points. */
import type { Block, BlockKind } from '../model'

export class TextBuilder {
  private readonly parts: string[] = []
  /** Length so far, in code points. */
  private length = 0
  readonly blocks: Block[] = []

  /** Appends a line (without its newline); records it as a block unless `kind` is undefined or it is blank. */
  line(content: string, kind?: BlockKind, level?: number): void {
    if (this.parts.length > 0) this.append('\n')
    const start = this.length
    this.append(content)
    if (kind && content.trim() !== '') {
      // Blocks exclude trailing spaces so a highlight of a whole block ends on its last letter.
      const trimmed = [...content.replace(/\s+$/u, '')].length
      this.blocks.push(level === undefined ? { kind, start, end: start + trimmed } : { kind, start, end: start + trimmed, level })
    }
  }

  private append(s: string): void {
    this.parts.push(s)
    this.length += [...s].length
  }

  /** True when the last line added was blank (or nothing was added yet). */
  endsWithBlankLine(): boolean {
    const last = this.parts.at(-1)
    return last === undefined || last === '\n' || last.trim() === ''
  }

  get text(): string {
    return this.parts.join('')
  }
}
