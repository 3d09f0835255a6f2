/**
 * Runs the scoring engine off the main thread: a full computation takes seconds of CPU, and the
 * server keeps answering raters meanwhile. Input arrives as workerData; progress and the result
 * go back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dataQualityFlags, type QualityBallot } from '../scoring/data-quality.js';
import { score } from '../scoring/scoring-engine.js';
import type { ScoringInput } from '../scoring/scoring-types.js';

export interface WorkerRequest {
  input: ScoringInput;
  quality: { evaluationId: string; ballots: QualityBallot[] }[];
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; output: ReturnType<typeof score>; quality: { evaluationId: string; flags: ReturnType<typeof dataQualityFlags> }[] };

const request = workerData as WorkerRequest;
const output = score(request.input, { onProgress: (done, total) => parentPort!.postMessage({ type: 'progress', done, total } satisfies WorkerMessage) });
const quality = request.quality.map(({ evaluationId, ballots }) => ({ evaluationId, flags: dataQualityFlags(ballots, request.input.config.dataQuality) }));
parentPort!.postMessage({ type: 'result', output, quality } satisfies WorkerMessage);
