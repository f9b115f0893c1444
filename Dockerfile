# Production image: Node 22, the built app, migrations applied on start.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
COPY extensions ./extensions
RUN npm ci --include=dev --no-audit --no-fund

COPY . .
RUN npm run build && npm prune --omit=dev

EXPOSE 3000
CMD ["npm", "run", "start"]
