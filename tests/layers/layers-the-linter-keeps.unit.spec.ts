import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The layer rules are the linter's, so breaking one fails CI's lint step: a domain file that
 * imports the framework, the database or the broker; a use case that reaches into a sibling use
 * case; a controller that goes to storage instead of a handler. Checked here by planting each.
 */
describe('the layers the linter keeps', () => {
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

  const plant = (folder: string, source: string, suffix = '.ts'): string => {
    const file = join(ROOT, folder, `planted-${randomBytes(4).toString('hex')}${suffix}`);
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
      'services/scheduling/src/appointments/book-appointment',
      "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class Planted {}\n",
    );
    expect(lint(file).filter((message) => message.ruleId === 'no-restricted-imports')).toEqual([]);
  }, 60_000);

  it('refuses a use case importing a sibling use case', () => {
    const file = plant(
      'services/scheduling/src/appointments/book-appointment',
      "import { planned } from '../cancel-appointment/planted';\n\nexport const planted = planned;\n",
    );
    expect(lint(file).filter((m) => m.ruleId === 'layers/no-sibling-use-case-imports')).toEqual([
      expect.objectContaining({
        severity: 2,
        message: expect.stringContaining(
          "use case 'book-appointment' imports 'cancel-appointment'",
        ),
      }),
    ]);
  }, 60_000);

  it("lets a use case import its part's root, its domain and its infrastructure", () => {
    const file = plant(
      'services/scheduling/src/appointments/book-appointment',
      [
        "import { a } from '../planted-root';",
        "import { b } from '../domain/planted';",
        "import { c } from '../infrastructure/planted';",
        '',
        'export const planted = [a, b, c];',
        '',
      ].join('\n'),
    );
    expect(lint(file).filter((m) => m.ruleId === 'layers/no-sibling-use-case-imports')).toEqual([]);
  }, 60_000);

  it.each([
    ["import { AppointmentRepository } from '../appointment.repository';", 'a repository'],
    ["import { SlotViews } from './slot-views.projection';", 'a projection'],
    ["import { MongoEventStore } from '@thc/event-store';", 'the event store'],
  ])(
    'refuses %s in a controller (%s)',
    (line) => {
      const file = plant(
        'services/scheduling/src/appointments/book-appointment',
        `${line}\n\nexport const planted = 1;\n`,
        '.controller.ts',
      );
      expect(lint(file).filter((m) => m.ruleId === 'layers/controllers-use-handlers')).toEqual([
        expect.objectContaining({
          severity: 2,
          message: expect.stringContaining('go through a handler'),
        }),
      ]);
    },
    60_000,
  );
});
