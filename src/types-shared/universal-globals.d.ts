// Globals that exist both in Node and in browsers, declared minimally for src/shared, which
// compiles without the DOM lib and without @types/node (so neither can leak into the domain core).
// Only tsconfig.shared.json includes this folder.
interface AbortSignal {
  readonly aborted: boolean
  readonly reason: unknown
  throwIfAborted(): void
  addEventListener(type: 'abort', listener: () => void): void
  removeEventListener(type: 'abort', listener: () => void): void
}
interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions)
  decode(input?: Uint8Array): string
}
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void }
declare function setTimeout(fn: () => void, ms?: number): unknown
declare function queueMicrotask(fn: () => void): void
declare namespace Intl {
  class Segmenter {
    constructor(locale?: string, options?: { granularity?: 'grapheme' | 'word' | 'sentence' })
    segment(input: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }>
  }
}
