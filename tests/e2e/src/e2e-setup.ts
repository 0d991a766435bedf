// A platform suite starts five processes and plays a whole day through them.
jest.setTimeout(15 * 60_000);
