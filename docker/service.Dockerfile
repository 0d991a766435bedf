# One image recipe for every service: docker build --build-arg SERVICE=scheduling -f docker/service.Dockerfile .
# Multi-stage: dependencies and the Nx build in a full image, then only the built output and
# production dependencies in a small runtime image that runs as a non-root user.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN npx nx build ${SERVICE} --output-style=static

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production HOST=0.0.0.0 SERVICE_MAIN=/app/dist/services/${SERVICE}/services/${SERVICE}/src/main.js
WORKDIR /app
COPY --from=prod-deps /workspace/node_modules ./node_modules
COPY --from=build /workspace/dist/services/${SERVICE} ./dist/services/${SERVICE}
USER node
CMD ["sh", "-c", "exec node \"$SERVICE_MAIN\""]
