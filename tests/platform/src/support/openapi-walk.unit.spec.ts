import type { OpenAPIV3 } from 'openapi-types';
import { undocumentedOperations } from './openapi-walk';

const PROBLEM: OpenAPIV3.ResponseObject = {
  description: 'Refused',
  content: { 'application/problem+json': { schema: { type: 'object' } } },
};

/** One documented GET whose 200 is `answer`, and otherwise everything a caller needs. */
function documentWith(answer: OpenAPIV3.ResponseObject): OpenAPIV3.Document {
  return {
    openapi: '3.0.0',
    info: { title: 'planted', version: '1' },
    paths: {
      '/things': {
        get: {
          summary: 'List the things',
          description: '**Roles:** admin.\n\n**PHI:** none.',
          responses: { '200': answer, '403': PROBLEM },
        },
      },
    },
  };
}

// The contract spec runs this walk over every service's served document; these plant each
// kind of answer so a walk that could not fail would show here.
describe('the walk of an OpenAPI document', () => {
  it('passes an operation whose success answer has a schema', () => {
    const typed = { description: 'The things', content: { 'application/json': { schema: {} } } };
    expect(undocumentedOperations(documentWith(typed))).toEqual([]);
  });

  it('passes a text or FHIR answer that says its media type and schema', () => {
    const calendar = {
      description: 'An iCalendar event',
      content: { 'text/calendar': { schema: { type: 'string' as const } } },
    };
    expect(undocumentedOperations(documentWith(calendar))).toEqual([]);
  });

  it('names a success answer documented by its description alone', () => {
    expect(undocumentedOperations(documentWith({ description: 'The things' }))).toEqual([
      'GET /things: 200 answer without a schema',
    ]);
  });

  it('names an answer whose media type has no schema', () => {
    const bare = { description: 'Empty TwiML', content: { 'text/xml': {} } };
    expect(undocumentedOperations(documentWith(bare))).toEqual([
      'GET /things: 200 answer without a schema',
    ]);
  });

  it('asks nothing of a 204, which has no body', () => {
    const document = documentWith({ description: 'unused' });
    const operation = document.paths['/things']!.get!;
    operation.responses = {
      '204': { description: 'Recorded' },
      '403': operation.responses['403']!,
    };
    expect(undocumentedOperations(document)).toEqual([]);
  });
});
