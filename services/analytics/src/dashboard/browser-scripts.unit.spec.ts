import { DASHBOARD_SCRIPT } from './dashboard.script';
import { MONTHLY_REPORT_SCRIPT } from './monthly-report.script';

// The pages' scripts are text inside TypeScript template literals, where an escape meant for
// the browser is easily eaten: each must still parse as JavaScript.
describe('the scripts the dashboard pages run', () => {
  it.each([
    ['dashboard.js', DASHBOARD_SCRIPT],
    ['report.js', MONTHLY_REPORT_SCRIPT],
  ])('%s parses', (_, script) => {
    expect(() => new Function(script)).not.toThrow();
  });
});
