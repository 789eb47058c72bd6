# One image recipe for all five services; pick one with the SERVICE build argument:
#
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=referrals -t samverkan/referrals .
#
# Stages: deps (all packages, for generating and compiling) -> build (Prisma client, SWC) ->
# prod-deps (runtime packages only) -> runtime. Works with the classic builder as well as
# BuildKit (no RUN --mount), so `docker-compose` 1.29 can build it.

# package.json asks for Node >= 20.19: the CommonJS output requires ESM-only packages (Nest 12,
# uuid, jose), which needs require(esm).
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV CI=true \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# --- deps: every package, dev ones included (Prisma CLI, SWC) ------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
# No install scripts: nothing the build needs runs one. @prisma/engines would download the
# schema engine, which `prisma generate` does not use (prisma-generate.mjs stands in /bin/true).
RUN npm ci --ignore-scripts

# --- build: generate the service's Prisma client, compile libs and the service ---------------
FROM deps AS build
ARG SERVICE
RUN case "${SERVICE}" in \
      gateway|actors|cases|referrals|learning) ;; \
      *) echo "SERVICE must be one of gateway, actors, cases, referrals, learning (got '${SERVICE}')" >&2; exit 1 ;; \
    esac
# tsconfig.base.json: Prisma's config loader follows services/<svc>/tsconfig.json to it.
COPY .swcrc tsconfig.base.json ./
COPY infra/local ./infra/local
COPY libs/contracts ./libs/contracts
COPY libs/platform ./libs/platform
COPY libs/messaging ./libs/messaging
COPY services/${SERVICE} ./services/${SERVICE}
# The generated client lands in services/<svc>/src/generated and is compiled with the rest, so
# the runtime needs @prisma/client's runtime but not the prisma CLI. The gateway has no database.
RUN if [ -f "services/${SERVICE}/prisma.config.ts" ]; then \
      node infra/local/prisma-generate.mjs "services/${SERVICE}/prisma.config.ts"; \
    fi \
 && node infra/local/build.mjs libs/contracts \
 && node infra/local/build.mjs libs/platform \
 && node infra/local/build.mjs libs/messaging \
 && node infra/local/build.mjs "services/${SERVICE}" \
 && test -f "dist/services/${SERVICE}/src/main.js"
# build.mjs mirrors the source tree under dist/ (so `@samverkan/*` imports, rewritten by
# .swcrc to relative paths, resolve) and copies prisma/migrations to
# dist/services/<svc>/prisma/migrations, where the service applies them at start.

# --- prod-deps: runtime packages only ---------------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
# No install scripts: @prisma/engines would download engines the runtime never uses (queries
# go through the pg driver adapter and the query compiler shipped in @prisma/client).
# Note: `prisma` still lands here, as a required peer of @nestjs-cls/transactional-adapter-prisma.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# --- runtime -----------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG SERVICE
WORKDIR /app
# Inside a container every service listens on 3000 on every interface; compose and Kubernetes
# map it as needed. NODE_ENV=production makes every service demand its secrets (signing key,
# trusted keys, NATS credentials; the gateway JWT_SECRET or JWT_JWKS_URL, cases its identity
# keys) and the gateway refuse development tokens. `npm run secrets` writes them.
# NODE_OPTIONS bounds the V8 heap as infra/node-options.json does for npm start and the bench
# (a test keeps the two equal): a service holds 40-60 MiB of live objects under load, and
# unbounded V8 lets garbage grow the heap past 130 MiB before it collects.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=128" \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/services/${SERVICE} ./dist/services/${SERVICE}
# Files stay owned by root and read-only to the process; the service writes nothing to disk.
USER node
EXPOSE 3000
# Liveness only: the process answers HTTP. Readiness (database, NATS) is /health/ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec: node becomes PID 1 and receives SIGTERM itself; the services enable Nest's shutdown
# hooks, which stop consumers and the outbox relay and drain NATS before exiting. Without
# --enable-source-maps, which would hold every module's source map (about 15 MiB): stack traces
# name the compiled files, which SWC keeps readable and beside their maps in dist/.
CMD ["sh", "-c", "exec node dist/services/${SERVICE}/src/main.js"]
