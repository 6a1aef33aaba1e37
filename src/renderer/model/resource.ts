/**
 * A read the model keeps for views: fetched the first time a view asks for it (so hidden views,
 * which do not render, fetch nothing), then kept current by the model from change events — either
 * updated in place, or marked stale and fetched again the next time a view asks.
 */

/** What a view sees of a read: its value once loaded, or why it failed. */
export interface Loadable<T> {
  readonly value: T | undefined
  readonly error: string | undefined
  /** True while a fetch is under way (the value, if any, is the previous one). */
  readonly loading: boolean
}

export class Resource<T> implements Loadable<T> {
  value: T | undefined
  error: string | undefined
  loading = false
  private stale = true
  private generation = 0

  /**
   * @param load fetches the value (through the model's transport)
   * @param changed called when a fetch completes, so views re-render
   */
  constructor(private readonly load: () => Promise<T>, private readonly changed: () => void) {}

  /** The current state; starts a fetch when there is no current value and none is under way. */
  get(): Loadable<T> {
    if (this.stale && !this.loading) void this.fetch()
    return this
  }

  /** The value may be wrong now: the next `get` fetches it again (the old value stays shown meanwhile). */
  invalidate(): void {
    this.stale = true
    this.generation++ // an answer already on its way may predate the change
    this.loading = false
  }

  /** Changes the value in place (after an edit whose effect on it is known). No-op before the first load. */
  update(fn: (value: T) => T): void {
    if (this.value !== undefined) this.value = fn(this.value)
  }

  private async fetch(): Promise<void> {
    const mine = ++this.generation
    this.loading = true
    this.stale = false
    try {
      const value = await this.load()
      if (mine === this.generation) {
        this.value = value
        this.error = undefined
      }
    } catch (err) {
      if (mine === this.generation) this.error = err instanceof Error ? err.message : String(err)
    } finally {
      if (mine === this.generation) {
        this.loading = false
        this.changed()
      }
    }
  }
}

/** Resources of one kind, by key (e.g. the mentions of each entity asked for). */
export class ResourceMap<K, T> {
  private readonly items = new Map<K, Resource<T>>()

  constructor(private readonly load: (key: K) => Promise<T>, private readonly changed: () => void) {}

  /** The resource for `key`, created on first use. */
  of(key: K): Resource<T> {
    let r = this.items.get(key)
    if (!r) {
      r = new Resource(() => this.load(key), this.changed)
      this.items.set(key, r)
    }
    return r
  }

  /** Every resource created so far, with its key. */
  entries(): IterableIterator<[K, Resource<T>]> {
    return this.items.entries()
  }

  invalidateAll(): void {
    for (const r of this.items.values()) r.invalidate()
  }

  delete(key: K): void {
    this.items.delete(key)
  }

  clear(): void {
    this.items.clear()
  }
}
