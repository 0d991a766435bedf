// The layer rules of a service, checked by ESLint so that breaking one fails CI's lint step.
// A service is `services/<service>/src/<part>/<use-case>/...`: parts hold use-case folders
// beside `domain/`, `infrastructure/` and `testing/`.
import path from 'node:path';

const NOT_USE_CASES = new Set(['domain', 'infrastructure', 'testing', 'docs']);

/** `{ service, part, useCase }` of a file under services/, or undefined. */
function placeOf(file) {
  const all = path.resolve(file).split(path.sep);
  const parts = all.slice(all.lastIndexOf('services'));
  if (parts[0] !== 'services' || parts[2] !== 'src' || parts.length < 6) return undefined;
  const useCase = parts[4];
  return NOT_USE_CASES.has(useCase) ? undefined : { service: parts[1], part: parts[3], useCase };
}

/** The file a relative import names, resolved from the importing file; bare names stay as they are. */
function targetOf(file, source) {
  return source.startsWith('.') ? path.resolve(path.dirname(file), source) : source;
}

const importSources = (context, check) => ({
  ImportDeclaration: (node) => check(node, node.source.value),
  ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
  ExportAllDeclaration: (node) => check(node, node.source.value),
});

/** A use case never reaches into a sibling use case: what both need lives at the part's root. */
const noSiblingUseCaseImports = {
  meta: {
    type: 'problem',
    messages: {
      sibling:
        "use case '{{from}}' imports '{{to}}', a sibling use case: move what both need to the part's root or its infrastructure",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from) return {};
    return importSources(context, (node, source) => {
      if (!source.startsWith('.')) return;
      const to = placeOf(targetOf(file, source) + '.ts');
      if (
        to &&
        to.service === from.service &&
        to.part === from.part &&
        to.useCase !== from.useCase
      ) {
        context.report({
          node,
          messageId: 'sibling',
          data: { from: from.useCase, to: to.useCase },
        });
      }
    });
  },
};

const STORAGE = /\.(repository|projection)$/;

/** A controller speaks HTTP and hands the work to a handler or a query, never to storage. */
const controllersUseHandlers = {
  meta: {
    type: 'problem',
    messages: {
      storage:
        "a controller imports '{{source}}': go through a handler (.handler.ts) or a query (.query.ts)",
    },
    schema: [],
  },
  create(context) {
    if (!context.filename.endsWith('.controller.ts')) return {};
    return importSources(context, (node, source) => {
      if (source === '@thc/event-store' || STORAGE.test(source)) {
        context.report({ node, messageId: 'storage', data: { source } });
      }
    });
  },
};

export const layers = {
  rules: {
    'no-sibling-use-case-imports': noSiblingUseCaseImports,
    'controllers-use-handlers': controllersUseHandlers,
  },
};
