import { refusedIndex } from './duplicate-key';

describe('refusedIndex', () => {
  it('reads the refused document of an ordered insertMany', () => {
    expect(refusedIndex({ code: 11000, writeErrors: [{ code: 11000, index: 2 }] })).toBe(2);
  });

  it('treats a bare duplicate-key error as the first document', () => {
    expect(refusedIndex({ code: 11000 })).toBe(0);
  });

  test.each([
    [new Error('network')],
    [{ code: 121 }],
    [{ writeErrors: [{ code: 121, index: 0 }] }],
    [null],
    ['E11000'],
  ])('ignores %p', (error) => {
    expect(refusedIndex(error)).toBeUndefined();
  });
});
