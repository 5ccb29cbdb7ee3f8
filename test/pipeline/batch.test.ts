// The batch loop: a failed batch is written again one item at a time, and only the bad item fails.
import { describe, expect, it } from 'vitest';
import { writeBatch } from '../../src/pipeline/batch.ts';

describe('writeBatch', () => {
  it('writes a batch at once when it can', async () => {
    const writes: number[][] = [];
    const results = await writeBatch([1, 2, 3], async (b) => (writes.push(b), b.length), () => {});
    expect(results).toEqual([3]);
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('retries a failed batch one by one and names the item that fails', async () => {
    const failed: [number, string][] = [];
    const write = async (b: number[]) => {
      if (b.includes(2)) throw new Error('bad item 2');
      return b;
    };
    const results = await writeBatch([1, 2, 3], write, (item, e) => failed.push([item, (e as Error).message]));
    expect(results).toEqual([[1], [3]]);
    expect(failed).toEqual([[2, 'bad item 2']]);
  });

  it('does not write a single failing item twice', async () => {
    let calls = 0;
    const failed: number[] = [];
    await writeBatch([7], async () => {
      calls++;
      throw new Error('no');
    }, (item) => failed.push(item));
    expect({ calls, failed }).toEqual({ calls: 1, failed: [7] });
  });
});
