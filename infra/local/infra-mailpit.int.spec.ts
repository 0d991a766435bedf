import { freePortBlock, MailpitClient } from '@thc/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

const SCRIPT = join(__dirname, 'infra.sh');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The mailpit component of infra.sh, on ports and in a state folder of this file's own, so the
 * run's shared Mailpit is not touched.
 */
describe('infra.sh mailpit', () => {
  let env: NodeJS.ProcessEnv;
  let stateDir: string;
  let smtpPort: number;
  let httpPort: number;

  const infra = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile('bash', [SCRIPT, ...args], { env, timeout: 600_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'thc-infra-mailpit-'));
    smtpPort = await freePortBlock(2);
    httpPort = smtpPort + 1;
    env = {
      ...process.env,
      THC_INFRA_DIR: stateDir,
      MAILPIT_SMTP_PORT: String(smtpPort),
      MAILPIT_HTTP_PORT: String(httpPort),
    };
  }, 600_000);

  afterAll(async () => {
    await infra('down', 'mailpit');
    await rm(stateDir, { recursive: true, force: true });
  });

  it('builds the binary and prints where it is, starting nothing', async () => {
    const build = await infra('build', 'smtp');

    expect(build.code).toBe(0);
    expect(build.stdout.trim()).toMatch(/\/mailpit-1\.33\.1\/mailpit$/);
    expect((await infra('status', 'mailpit')).code).toBe(3);
  }, 600_000);

  it('starts Mailpit with chaos, keeps its mail across down and up, and clean deletes it', async () => {
    const up = await infra('up', 'mailpit');
    expect(up.code).toBe(0);
    expect(up.stderr).toContain(
      `Mailpit: http://127.0.0.1:${httpPort}/ (SMTP 127.0.0.1:${smtpPort})`,
    );
    const status = await infra('status', 'mailpit');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^mailpit\\s+running\\s+127\\.0\\.0\\.1:${httpPort}`));

    const mailpit = new MailpitClient(`http://127.0.0.1:${httpPort}`);
    await mailpit.clearChaos(); // answers 400 unless Mailpit runs with --enable-chaos
    const transport = createTransport(`smtp://127.0.0.1:${smtpPort}`);
    await transport.sendMail({
      from: 'visits@clinic.test',
      to: 'kept@example.test',
      subject: 'Kept',
    });
    transport.close();
    await mailpit.waitForMessagesTo('kept@example.test', 1);

    expect((await infra('down', 'mailpit')).code).toBe(0);
    expect((await infra('status', 'mailpit')).code).toBe(3);
    expect((await infra('up', 'mailpit')).code).toBe(0);
    expect(await mailpit.countTo('kept@example.test')).toBe(1);

    expect((await infra('clean', 'mailpit')).code).toBe(0);
    expect((await infra('up', 'mailpit')).code).toBe(0);
    expect(await mailpit.countTo('kept@example.test')).toBe(0);
  }, 600_000);

  // The published Go module lacks the built UI; a binary made from it alone serves an empty page
  // whose script and stylesheet answer 404.
  it.each([
    ['inbox', '', ['app.js', 'app.css']],
    ['API documentation', 'api/v1/', ['docs.js']],
  ])(
    'serves the %s page with the script and stylesheet it names',
    async (_, page, expected) => {
      expect((await infra('up', 'mailpit')).code).toBe(0);
      const pageUrl = new URL(page, `http://127.0.0.1:${httpPort}/`);
      const html = await (await fetch(pageUrl)).text();
      const assets = [...html.matchAll(/(?:src|href)="?([^"\s>]*dist\/[^"\s>]+)/g)].map(
        ([, ref]) => new URL(ref, pageUrl),
      );
      expect(assets.map(({ pathname }) => pathname.replace(/.*\//, '')).sort()).toEqual(
        [...expected].sort(),
      );

      for (const asset of assets) {
        const response = await fetch(asset);
        expect({ asset: asset.pathname, status: response.status }).toEqual({
          asset: asset.pathname,
          status: 200,
        });
        expect(response.headers.get('content-type')).toMatch(
          asset.pathname.endsWith('.js') ? /^application\/javascript/ : /^text\/css/,
        );
        expect((await response.text()).length).toBeGreaterThan(100_000);
      }
    },
    600_000,
  );

  it("serves the icon font the UI's stylesheet loads", async () => {
    expect((await infra('up', 'mailpit')).code).toBe(0);
    const css = new URL('dist/app.css', `http://127.0.0.1:${httpPort}/`);
    const fonts = [
      ...(await (await fetch(css)).text()).matchAll(/url\("?([^")]+\.woff2?(?:\?[^")]*)?)"?\)/g),
    ];
    expect(fonts.length).toBeGreaterThan(0);

    for (const [, ref] of fonts) {
      const font = await fetch(new URL(ref, css));
      expect(font.status).toBe(200);
      expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
  }, 600_000);
});
