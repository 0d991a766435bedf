// `npm test`: every test tier (unit, then integration against real Kafka and a real
// MongoDB-wire server, which the integration tier's global setup provides).
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { ensureDependencies, run } from './ensure-dependencies.mjs';

ensureDependencies();
run('jest', ['--config', 'jest.config.js', ...process.argv.slice(2)]);
