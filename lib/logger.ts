import pino from "pino";

// Structured logs, one line per event. Never pass passwords, API keys or file contents.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: ["password", "*.password", "apiKey", "*.apiKey"],
});
