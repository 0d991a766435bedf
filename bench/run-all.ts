// `npm run bench`: every benchmark suite in turn.
import { runBackbone } from './backbone/run';
import { runScheduling } from './scheduling/run';
import { runPlatform } from './platform/run';
import { runNotifications } from './notifications/run';

runBackbone()
  .then(runScheduling)
  .then(() => runPlatform())
  .then(() => runNotifications())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
