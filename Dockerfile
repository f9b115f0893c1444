# Production image: Node 22, the built app, migrations applied on start.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
COPY extensions ./extensions
RUN npm ci --include=dev --no-audit --no-fund

COPY . .
RUN npm run build && npm prune --omit=dev

# V8's old space capped at 256 MB: it collects before the heap balloons, which keeps a busy process under
# 300 MB RSS (bench/app-process.ts: PRODUCTION_NODE_FLAGS, measured by `npm run bench -- --shops ...`).
ENV NODE_OPTIONS="--max-old-space-size=256"
EXPOSE 3000
CMD ["npm", "run", "start"]
