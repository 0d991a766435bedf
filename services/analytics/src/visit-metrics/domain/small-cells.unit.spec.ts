import { metricsTable, TableRequest } from './metrics-table';
import { DEFAULT_MIN_CELL_COUNT, smallCells } from './small-cells';

describe('small cells are withheld', () => {
  it.each([
    [{ responses: 1, satisfactionSum: 5, scheduled: 40 }, ['satisfactionMean', 'nps']],
    [{ responses: 10, scheduled: 40 }, ['satisfactionMean', 'nps']],
    [{ responses: 11, scheduled: 40 }, []],
    [{ responses: 0, scheduled: 40 }, []],
    [{ scheduled: 3, completed: 3 }, ['scheduled', 'noShowRate']],
    [{ sessions: 2 }, ['scheduled', 'noShowRate']],
  ])('%j withholds %j', (counters, withheld) => {
    expect(
      smallCells(
        counters,
        ['satisfactionMean', 'nps', 'scheduled', 'noShowRate', 'availableMinutes'],
        DEFAULT_MIN_CELL_COUNT,
      ),
    ).toEqual(withheld);
  });

  it('the table nulls a withheld figure and names it, and leaves others alone', () => {
    const request: TableRequest = {
      from: '2026-03-02',
      to: '2026-03-02',
      groupBy: 'day',
      by: 'provider',
      metrics: ['satisfactionMean', 'scheduled'],
      now: new Date('2026-04-01T00:00:00Z'),
      minCellCount: 11,
    };
    const bucket = {
      day: '2026-03-02',
      month: '2026-03',
      clinicId: 'c',
      providerId: 'p',
      visitType: 'video',
      v: { visit: { scheduled: 1, completed: 1, responses: 1, satisfactionSum: 2 } },
    };
    const [row] = metricsTable(request, [bucket], [], []);
    expect(row).toEqual({
      period: '2026-03-02',
      providerId: 'p',
      values: { satisfactionMean: null, scheduled: null },
      suppressed: ['satisfactionMean', 'scheduled'],
    });
    const [open] = metricsTable({ ...request, minCellCount: 1 }, [bucket], [], []);
    expect(open?.values).toEqual({ satisfactionMean: 2, scheduled: 1 });
  });
});
