# The web app's image: the built pages and the small Node server that serves them and passes
# /svc/<service>/... to the services.
#   docker build -t telehealth-coordinator/web -f docker/web.Dockerfile .
# Multi-stage: the Nx build in a full image; the runtime image holds only dist/apps/web and the
# one package the server loads at run time (jose, for the development sign-in, which production
# refuses but the server imports), and runs as the non-root `node` user (uid 1000, the uid the
# Kubernetes manifests require) on a read-only root filesystem (it writes nothing).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
# patches/ before the install: its postinstall script applies them (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx build web --output-style=static
# The runtime stage copies jose alone (it has no dependencies of its own): stop here if the
# built server requires any other package, rather than ship an image that fails at start.
RUN ! grep -rhoE "require\(\"[^\".][^\"]*\"\)" dist/apps/web/server \
    | grep -vE "require\(\"(node:[^\"]+|jose)\"\)"

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /workspace/node_modules/jose ./node_modules/jose
COPY --from=build --chown=root:root /workspace/dist/apps/web ./dist/apps/web
USER node:node
EXPOSE 3000
# Node is PID 1 and handles SIGTERM itself (stops accepting, ends when open requests end).
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/web/server/apps/web/server/main.js"]
