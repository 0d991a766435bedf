# One image recipe for every service, built by Nx:
#   docker build --build-arg SERVICE=scheduling -t telehealth-coordinator/scheduling -f docker/service.Dockerfile .
# Multi-stage: dependencies and the Nx build in a full image; the runtime image holds only the
# built output and production dependencies, and runs as the non-root `node` user (uid 1000,
# the uid the Kubernetes manifests require) with a read-only root filesystem in mind (no writes
# outside /tmp).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
# patches/ before the install: its postinstall script applies them (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN test -n "${SERVICE}" && NX_DAEMON=false npx nx build "${SERVICE}" --output-style=static

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /workspace
COPY package.json package-lock.json ./
COPY patches ./patches
# patch-package is a devDependency, so the postinstall script cannot run here: the production
# dependencies install without scripts (theirs are a telemetry ping and a version notice), then
# the build stage's patch-package applies patches/ to them.
RUN --mount=type=bind,from=build,source=/workspace/node_modules,target=/opt/dev-node_modules \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && node /opt/dev-node_modules/patch-package/index.js \
    && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    OTEL_SERVICE_NAME=${SERVICE} \
    SERVICE_MAIN=/app/dist/services/${SERVICE}/services/${SERVICE}/src/main.js
WORKDIR /app
COPY --from=prod-deps --chown=root:root /workspace/node_modules ./node_modules
COPY --from=build --chown=root:root /workspace/dist/services/${SERVICE} ./dist/services/${SERVICE}
USER node:node
# Node is PID 1 and handles SIGTERM itself (graceful drain, see docs/operations.md).
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node \"$SERVICE_MAIN\""]
