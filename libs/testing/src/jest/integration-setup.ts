// Integration tests wait on real brokers and consumer-group joins; Jest's 5 s default is for
// pure code. Set per file because Jest ignores testTimeout inside a multi-project config.
jest.setTimeout(60_000);
