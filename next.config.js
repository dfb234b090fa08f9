// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The database drivers load WebAssembly and sockets, which the bundler must leave alone.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pino"],
  poweredByHeader: false,
  agentRules: false,
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
