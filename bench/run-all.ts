// `npm run bench`: every benchmark suite in turn.
import { runBackbone } from './backbone/run';

runBackbone().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
