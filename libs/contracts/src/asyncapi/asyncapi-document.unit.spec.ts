import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { allEventDefinitions } from '../registry/event-registry';
import { ASYNCAPI_FILE } from '../docs-paths';
import { renderAsyncApiYaml } from './asyncapi-file';
import { buildAsyncApi } from './build-asyncapi';

const document = buildAsyncApi({ version: '0.0.0-test' });
const types = allEventDefinitions().map((definition) => [definition.type, definition] as const);

describe('the AsyncAPI document', () => {
  test.each(types)('lists %s on its topic, sent by its producers', (type, definition) => {
    const message = document.components.messages[type];
    const [channelId, channel] =
      Object.entries(document.channels).find(([, each]) => each.address === definition.topic) ?? [];
    const operation = Object.values(document.operations).find(
      (each) => each.channel.$ref === `#/channels/${channelId}`,
    );

    expect(message).toMatchObject({
      name: type,
      contentType: 'application/json',
      payload: definition.schema,
    });
    expect(message?.headers).toMatchObject({
      properties: {
        ce_type: { const: type },
        ce_source:
          definition.sources.length === 1
            ? { const: definition.source }
            : { enum: [definition.source, ...definition.sources.slice(1)] },
      },
    });
    expect(channel?.address).toBe(definition.topic);
    expect(channel?.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
    expect(operation).toMatchObject({ action: 'send' });
    expect(operation?.messages).toContainEqual({
      $ref: `#/channels/${channelId}/messages/${type}`,
    });
    // The channel names every service that may write it, and no other.
    for (const source of definition.sources)
      expect(channel?.description).toContain(source.replace('/thc/', ''));
  });

  it('keeps the compliance topic to compliance-audit and gives PhiAccessed a channel of its own', () => {
    expect(document.channels['compliance']?.address).toBe('thc.compliance.v1');
    expect(document.channels['compliance']?.messages).not.toHaveProperty([
      'thc.compliance.PhiAccessed.v1',
    ]);
    expect(document.operations['compliance-audit.send']?.channel).toEqual({
      $ref: '#/channels/compliance',
    });
    expect(document.channels['compliance-phi-access']).toMatchObject({
      address: 'thc.compliance.phi-access.v1',
      messages: {
        'thc.compliance.PhiAccessed.v1': {
          $ref: '#/components/messages/thc.compliance.PhiAccessed.v1',
        },
      },
    });
    expect(Object.keys(document.channels['compliance-phi-access']?.messages ?? {})).toEqual([
      'thc.compliance.PhiAccessed.v1',
    ]);
  });

  it('is committed as generated (if this fails, run `npm run asyncapi` and commit docs/asyncapi.yaml)', () => {
    const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
    const generated = renderAsyncApiYaml();
    if (committed !== generated) {
      const lines = committed.split('\n');
      const line = generated.split('\n').findIndex((text, index) => text !== lines[index]) + 1;
      throw new Error(
        `docs/asyncapi.yaml is out of date with libs/contracts (first difference at line ${line}): ` +
          'run `npm run asyncapi` and commit the result',
      );
    }
  });

  it('is a valid AsyncAPI 3.0 document according to the official parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(
      readFileSync(ASYNCAPI_FILE, 'utf8'),
    );
    // Severity 0 is an error; the parser also suggests newer spec versions (warnings), which is
    // a choice, not a defect.
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(parsed?.allMessages().length).toBe(types.length);
  }, 30_000);
});
