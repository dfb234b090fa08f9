// The parameters stored on an ExportJob row, checked again when the worker reads them back.
import { z } from "zod";

import { GRANULARITIES } from "@/lib/domain/periods";

export const STREAMED_FORMATS = ["csv", "xlsx"] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

export const exportParametersSchema = z.object({
  from: z.string(),
  to: z.string(),
  customerCode: z.string().nullable(),
  granularity: z.enum(GRANULARITIES).nullable(),
});

export type ExportParameters = z.infer<typeof exportParametersSchema>;
