/**
 * A small in-process cache: entries live at most `ttlMs`, and past `max` entries the least
 * recently used goes first, so memory stays bounded whatever the traffic. A Map keeps insertion
 * order, which makes "re-insert on hit" an LRU without extra bookkeeping.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  /**
   * Bumped by every deletion. A caller that read a value from its source before a deletion and
   * stores it after would bring back what was just deleted; `set(..., { ifGeneration })` with
   * the generation seen before the read refuses that store.
   */
  generation = 0;

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** `until` can shorten an entry's life below the TTL (e.g. a session about to expire). */
  set(key: K, value: V, opts: { until?: number; ifGeneration?: number } = {}, now = Date.now()) {
    if (opts.ifGeneration !== undefined && opts.ifGeneration !== this.generation) return;
    const until = opts.until ?? Infinity;
    this.entries.delete(key);
    this.entries.set(key, { value, until: Math.min(until, now + this.ttlMs) });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K) {
    this.generation++;
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches; a linear scan, for rare events such as a suspension. */
  deleteWhere(match: (value: V) => boolean) {
    this.generation++;
    for (const [key, entry] of this.entries) if (match(entry.value)) this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }
}
