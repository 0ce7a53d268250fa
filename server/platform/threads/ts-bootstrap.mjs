// Loads a TypeScript worker entry through tsx, as the server itself runs in a checkout (`node --import
// tsx`): Node 20 applies neither the parent's `--import` nor a Worker's `execArgv: ['--import', …]` to
// worker threads. Only used from sources; the compiled build starts its `.js` entries directly.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
