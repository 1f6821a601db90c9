# syntax=docker/dockerfile:1
# One image for all six services; each Deployment's command picks the app:
#   node dist/apps/<app>/src/main.js          gateway, catalog, orders, courses, users, jobs
#   node scripts/migrate.mjs <app>            the migration Jobs
# Build:  docker build -t mestres-cafe-platform:<version> .

# Node matches .nvmrc (bump both together). CI should pin the digest as well:
#   --build-arg NODE_IMAGE=node:24.22.3-bookworm-slim@sha256:<digest>
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ---- build: all dependencies, compile apps/ and libs/ to dist/ -------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
RUN node scripts/build.mjs

# ---- production dependencies only ------------------------------------------------------
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only to the app user: the code cannot be changed at runtime.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The gateway locates the repository root by nest-cli.json.
COPY nest-cli.json ./
COPY scripts/migrate.mjs ./scripts/migrate.mjs
# Static supergraph composed by `npm run compose` (SUPERGRAPH_PATH in the gateway's config).
COPY apps/gateway/supergraph.graphql ./apps/gateway/supergraph.graphql
# The base image's `node` user; the Deployments run as the same uid (runAsUser: 1000).
USER 1000:1000
EXPOSE 4000 4001 4002 4003 4004 4005
CMD ["node", "dist/apps/gateway/src/main.js"]
