import { safeReturnTo } from './return-to';

describe('where a person lands after signing in', () => {
  it('keeps a path of this site', () => {
    expect(safeReturnTo('/console/issues')).toBe('/console/issues');
    expect(safeReturnTo('/reports?month=2026-11')).toBe('/reports?month=2026-11');
  });

  it.each([
    null,
    undefined,
    '',
    'https://elsewhere.example/',
    '//elsewhere.example',
    '/\\elsewhere.example',
    'console',
  ])('drops anything else: %s', (value) => {
    expect(safeReturnTo(value)).toBeUndefined();
  });
});
