// The errors of the store: a storage failure, and the caller's mistakes (HTTP 400).
import type { EntitySummary } from '../api/index.ts';

/** A storage failure described for the user (the underlying driver error is kept as `cause`). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The caller asked for something malformed (bad id prefix, bad filter or page): HTTP 400. */
export class StoreInputError extends StoreError {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** An id prefix that matches several articles. */
export class AmbiguousIdError extends StoreInputError {
  /** `candidates` lists at most 10 of the matches; `more` says there are others. */
  constructor(
    public prefix: string,
    public candidates: { id: string; title: string | null }[],
    public more = false,
  ) {
    super(
      `id prefix "${prefix}" is ambiguous; it matches ${more ? 'more than ' : ''}${candidates.length} articles: ` +
        candidates.map((c) => `${c.id} (${c.title ?? 'untitled'})`).join(', ') +
        '. Give more characters of the id.',
    );
    this.name = 'AmbiguousIdError';
  }
}

/** A name that fits several global entities; the caller should ask again with one of their keys. */
export class AmbiguousEntityError extends StoreInputError {
  constructor(
    public query: string,
    public candidates: Pick<EntitySummary, 'key' | 'name' | 'type' | 'articleCount' | 'mentionCount'>[],
  ) {
    super(
      `"${query}" names ${candidates.length} entities: ` +
        candidates.map((c) => `${c.key} (${c.name}, ${c.type}, ${c.articleCount} article${c.articleCount === 1 ? '' : 's'})`).join(', ') +
        '. Ask again with the key of the one you mean.',
    );
    this.name = 'AmbiguousEntityError';
  }
}
