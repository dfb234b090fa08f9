// Body of POST /api/export-jobs: a report exported in the background, or the ZIP of every
// customer's statement for a period.
import { z } from "zod";

import { STREAMED_FORMATS } from "@/lib/jobs/export-parameters";

import { reportQuerySchema } from "./report";

export const exportJobRequestSchema = z.discriminatedUnion("type", [
  reportQuerySchema.extend({
    type: z.literal("report"),
    format: z.enum(STREAMED_FORMATS, { message: "exports.invalidFormat" }),
  }),
  z.object({
    type: z.literal("statements-zip"),
    from: reportQuerySchema.shape.from,
    to: reportQuerySchema.shape.to,
  }),
]);

export type ExportJobRequest = z.infer<typeof exportJobRequestSchema>;
