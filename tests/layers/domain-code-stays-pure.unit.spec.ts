import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The layer rule is the linter's, so breaking it fails CI's lint step: a domain file that
 * imports the framework, the database or the broker is an error. Checked here by planting one.
 */
describe('domain code stays pure', () => {
  const planted: string[] = [];
  /** What `eslint` (as CI's lint step runs it) reports for one file. */
  const lint = (file: string): { ruleId: string | null; severity: number; message: string }[] => {
    // The report goes to a file: the Nx plugin may print notes on stdout first (a fresh clone has
    // no project graph cached yet).
    const report = `${file}.eslint.json`;
    planted.push(report);
    try {
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
          '-f',
          'json',
          '-o',
          report,
          file,
        ],
        { cwd: ROOT, stdio: 'ignore' },
      );
    } catch {
      // eslint exits 1 when it found errors; the report is written all the same.
    }
    return (JSON.parse(readFileSync(report, 'utf8')) as { messages: ReturnType<typeof lint> }[])[0]!
      .messages;
  };

  const plant = (folder: string, source: string): string => {
    const file = join(ROOT, folder, `planted-${randomBytes(4).toString('hex')}.ts`);
    writeFileSync(file, source);
    planted.push(file);
    return file;
  };

  afterAll(() => planted.forEach((file) => rmSync(file, { force: true })));

  it.each([
    ["import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    ["import { Schema } from 'mongoose';", 'mongoose'],
    ["import type { Collection } from 'mongodb';", 'mongodb'],
    ["import { Kafka } from 'kafkajs';", 'kafkajs'],
  ])(
    'refuses %s in a domain folder',
    (line, name) => {
      const file = plant(
        'services/scheduling/src/appointments/domain',
        `${line}\n\nexport const planted = ${JSON.stringify(name)};\n`,
      );
      const errors = lint(file).filter((message) => message.ruleId === 'no-restricted-imports');
      expect(errors).toEqual([
        expect.objectContaining({
          severity: 2,
          message: expect.stringContaining('domain code is pure'),
        }),
      ]);
    },
    60_000,
  );

  it('lets the same import be where the edges are', () => {
    const file = plant(
      'services/scheduling/src/appointments/shared',
      "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Planted {}\n",
    );
    expect(lint(file).filter((message) => message.ruleId === 'no-restricted-imports')).toEqual([]);
  }, 60_000);
});
