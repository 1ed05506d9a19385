/**
 * Answers of read routes kept per caller and reused while the organization's data is unchanged.
 *
 * Every state change of an organization writes an audit event in the same transaction, so the
 * seq of its audit chain head is a version of everything it owns; the session query reads it with
 * the caller (`AuthContext.dataVersion`). An answer is reused only for the same caller, roles,
 * route and validated input, at the same version, and for at most `ttlMs`: the time limit bounds
 * what no event of this organization records (an invitation passing its expiry, a person's name
 * or second factor changed while working in another organization).
 *
 * The version is read before the answer is computed, so a kept answer is never older than its
 * version; with several server processes on one PostgreSQL each keeps its own answers, and the
 * version comes from the database, so none serves another's stale data.
 */

export interface ResponseCacheOptions {
  /** Bytes of answers kept in all; the least recently used go first. */
  maxBytes: number;
  /** How long an answer may be reused at an unchanged version. */
  ttlMs: number;
}

interface Entry {
  version: number;
  expiresAt: number;
  body: string;
}

export interface ResponseCache {
  /**
   * The kept answer of `key` at `version`, or the one `compute` gives (kept for the next caller).
   * Concurrent callers of one key and version share one computation; a failure is not kept.
   */
  through(key: string, version: number, now: number, compute: () => Promise<string>): Promise<string>;
  /** Bytes held now (for tests and figures). */
  readonly bytes: number;
}

export const defaultResponseCache: ResponseCacheOptions = { maxBytes: 64 * 1024 * 1024, ttlMs: 5_000 };

export function createResponseCache(options: ResponseCacheOptions = defaultResponseCache): ResponseCache {
  // Map order is recency: a hit moves its entry to the end, eviction takes from the start.
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string>>();
  let bytes = 0;
  // Strings are UTF-16 in memory; twice the length is close enough for a budget.
  const size = (key: string, body: string) => 2 * (key.length + body.length);

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= size(key, entry.body);
  };

  const keep = (key: string, entry: Entry) => {
    drop(key);
    const needed = size(key, entry.body);
    if (needed > options.maxBytes) return;
    while (bytes + needed > options.maxBytes) drop(entries.keys().next().value!);
    entries.set(key, entry);
    bytes += needed;
  };

  return {
    async through(key, version, now, compute) {
      const entry = entries.get(key);
      if (entry && entry.version === version && now < entry.expiresAt) {
        entries.delete(key);
        entries.set(key, entry);
        return entry.body;
      }
      const flight = `${version}\u0000${key}`;
      const running = pending.get(flight);
      if (running) return running;
      const computing = compute().then(
        (body) => {
          pending.delete(flight);
          // An answer at an older version than one already kept is not worth keeping.
          const current = entries.get(key);
          if (!current || current.version <= version)
            keep(key, { version, expiresAt: now + options.ttlMs, body });
          return body;
        },
        (error: unknown) => {
          pending.delete(flight);
          throw error;
        },
      );
      pending.set(flight, computing);
      return computing;
    },
    get bytes() {
      return bytes;
    },
  };
}
