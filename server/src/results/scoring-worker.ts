/**
 * Runs the scoring engine off the main thread: a full computation takes seconds of CPU, and the
 * server keeps answering raters meanwhile. Several of these share one computation, each with the
 * input as workerData: they take jobs one at a time as messages — flag the ballots' data quality,
 * tally bootstrap blocks, or finish the scoring from the tallies of all blocks — and answer each
 * job with one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dataQualityFlags, type QualityBallot, type QualityFlag } from '../scoring/data-quality.js';
import { PreparedScoring, type BootstrapTallies } from '../scoring/scoring-engine.js';
import type { ScoringInput, ScoringOutput } from '../scoring/scoring-types.js';

/** What a computation scores: the engine's input and each evaluation's ballots for the quality checks. */
export interface WorkerRequest {
  input: ScoringInput;
  quality: { evaluationId: string; ballots: QualityBallot[] }[];
}

export interface WorkerData {
  input: ScoringInput;
}

export interface EvaluationQuality {
  evaluationId: string;
  flags: QualityFlag[];
}

export type WorkerJob =
  | { type: 'quality'; quality: WorkerRequest['quality'] }
  | { type: 'tally'; from: number; to: number }
  | { type: 'finish'; tallies: BootstrapTallies[] };

export type WorkerMessage =
  | { type: 'quality'; quality: EvaluationQuality[] }
  | { type: 'tallies'; tallies: BootstrapTallies }
  | { type: 'result'; output: ScoringOutput };

const port = parentPort!;
const { input } = workerData as WorkerData;
let prepared: PreparedScoring | null = null;
// The quality job needs no model; the first tally or finish job builds it, later ones reuse it.
const scoring = () => (prepared ??= new PreparedScoring(input));

port.on('message', (job: WorkerJob) => {
  switch (job.type) {
    case 'quality': {
      const quality = job.quality.map(({ evaluationId, ballots }) => ({ evaluationId, flags: dataQualityFlags(ballots, input.config.dataQuality) }));
      port.postMessage({ type: 'quality', quality } satisfies WorkerMessage);
      break;
    }
    case 'tally': {
      const tallies = scoring().tally(job.from, job.to);
      port.postMessage({ type: 'tallies', tallies } satisfies WorkerMessage, [tallies.counts.buffer, tallies.inQuota.buffer]);
      break;
    }
    case 'finish':
      port.postMessage({ type: 'result', output: scoring().finish(job.tallies) } satisfies WorkerMessage);
      break;
  }
});
