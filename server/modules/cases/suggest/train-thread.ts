/** Worker-thread entry: trains the suggestion models on the rows model.ts read (see run-in-worker.ts). */
import { parentPort } from 'node:worker_threads';
import { serveOneJob } from '../../../platform/threads/run-in-worker.ts';
import { TextClassifier } from './classifier.ts';
import { trainModels, type TrainedParts, type TrainingRow } from './training.ts';

await serveOneJob<TrainingRow[], TrainedParts>(parentPort!, async (rows) => {
  const value = await trainModels(rows);
  return {
    value,
    transfer: [...TextClassifier.transferables(value.category), ...TextClassifier.transferables(value.department)],
  };
});
