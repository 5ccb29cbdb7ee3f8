// One analysis worker thread: builds its own analyzer (language detector, NER models) and analyses
// the raw articles the pool sends it, one at a time, answering with the analysed article or the
// error message.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.ts';
import type { AnalysisRequest, AnalysisReply } from './analysis-pool.ts';

const port = parentPort;
if (!port) throw new Error('analysis-worker.ts runs as a worker thread');
// below the thread that started it (on Linux a thread's own priority): the server's request thread
// and the store's writer get the cores first
const nice = (workerData as { nice?: number } | null)?.nice ?? 0;
if (nice > 0) {
  try {
    setPriority(Math.min(19, getPriority() + nice));
  } catch {
    // not permitted here: analysis runs at the same priority
  }
}
const analyzer = await createAnalyzer();
port.on('message', async (req: AnalysisRequest) => {
  let reply: AnalysisReply;
  // the pool's time budget for this article starts now, not while it waited in the queue
  port.postMessage({ id: req.id, started: true } satisfies AnalysisReply);
  try {
    reply = { id: req.id, article: await analyzer.analyze(req.raw) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
