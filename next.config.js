// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Server packages that load WebAssembly, sockets or their own modules at run time (database
  // drivers, the job queue, the ZIP writer), which the bundler must leave alone.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pino",
    "archiver",
  ],
  poweredByHeader: false,
  agentRules: false,
  experimental: {
    authInterrupts: true,
    // With proxy.ts in place, Next.js buffers request bodies up to this size and cuts off the rest
    // (10 MB by default), so a registry CSV over 10 MB would arrive truncated. It must stay above
    // MAX_IMPORT_REQUEST_BYTES in lib/imports/limits.ts (20 MB + 64 KB): a longer body then still
    // declares a length over the import limit, and the import rejects it with 413.
    proxyClientMaxBodySize: "24mb",
  },
};

module.exports = withNextIntl(nextConfig);
