// Pulls up to `depth` items ahead from an async iterable, so reading the next files overlaps with
// analysing the current one.
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const pull = () => {
    const next = it.next();
    // a read error waits in the queue until its turn; mark it handled so Node does not report it early
    next.catch(() => {});
    queue.push(next);
  };
  for (let i = 0; i < depth; i++) pull();
  try {
    while (true) {
      const next = await queue.shift()!;
      if (next.done) return;
      pull();
      yield next.value;
    }
  } finally {
    await it.return?.();
  }
}
