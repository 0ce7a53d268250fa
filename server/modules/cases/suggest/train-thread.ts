/** Worker-thread entry: trains the suggestion models on the rows model.ts read (see run-in-worker.ts). */
import { parentPort } from 'node:worker_threads';
import { lowerThisThreadPriority, serveOneJob } from '../../../platform/threads/run-in-worker.ts';
import { TextClassifier } from './classifier.ts';
import { trainModels, type TrainedParts, type TrainingRow } from './training.ts';

// Training is background work: requests and the database come first.
lowerThisThreadPriority();

await serveOneJob<TrainingRow[], TrainedParts>(parentPort!, async (rows) => {
  const value = await trainModels(rows);
  return {
    value,
    transfer: [...TextClassifier.transferables(value.category), ...TextClassifier.transferables(value.department)],
  };
});
