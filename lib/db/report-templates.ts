// Versioned report templates. A save never edits a row: it adds the next version, so every export
// can name the version that produced it and older files stay explainable.
import { z } from "zod";

import { AppError } from "@/lib/errors";
import type { PreparedLogo } from "@/lib/reports/templates/logo";
import type { ReportKind } from "@/lib/reports/types";
import type { ReportTemplateInput } from "@/lib/validations/report-template";

import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import type { ReportTemplate } from "./generated/client";
import { isUniqueViolation } from "./ledger";

export type { ReportTemplate };

/** Returns the latest version of the template of `kind`, or null when none was saved. */
export async function getLatestReportTemplate(
  db: Db | Tx,
  kind: ReportKind,
): Promise<ReportTemplate | null> {
  return db.reportTemplate.findFirst({ where: { report: kind }, orderBy: { version: "desc" } });
}

export interface CompanyDetails {
  companyName: string | null;
  address: string | null;
  vatNumber: string | null;
}

// The "company" setting is written by the first-run setup. Its fields are read leniently, so a
// setting with another shape only loses the defaults it cannot supply.
const companySettingSchema = z
  .object({
    name: z.string().optional(),
    companyName: z.string().optional(),
    address: z.string().optional(),
    vatNumber: z.string().optional(),
  })
  .passthrough();

/** Returns the issuer details of the "company" setting, with nulls for what it does not contain. */
export async function getCompanyDetails(db: Db | Tx): Promise<CompanyDetails> {
  const setting = await db.setting.findUnique({ where: { key: "company" } });
  const parsed = companySettingSchema.safeParse(setting?.value ?? {});
  const value = parsed.success ? parsed.data : {};

  return {
    companyName: value.companyName || value.name || null,
    address: value.address || null,
    vatNumber: value.vatNumber || null,
  };
}

/**
 * Saves `input` as the next version of the template of `kind` and writes an audit event, in one
 * transaction. `logo` is the new image when `input.logo` is "replace"; "keep" copies the previous
 * version's logo. Throws CONFLICT when another save took the same version number first.
 */
export async function saveReportTemplate(
  db: Db,
  options: {
    kind: ReportKind;
    input: ReportTemplateInput;
    logo: PreparedLogo | null;
    actorId: string | null;
  },
): Promise<ReportTemplate> {
  const { kind, input, actorId } = options;
  if (input.logo === "replace" && !options.logo) {
    throw new AppError("VALIDATION", "reportTemplates.logoMissing");
  }

  try {
    return await db.$transaction(async (tx) => {
      const previous = await getLatestReportTemplate(tx, kind);
      const logo = pickLogo(input.logo, options.logo, previous);
      const saved = await tx.reportTemplate.create({
        data: {
          report: kind,
          version: (previous?.version ?? 0) + 1,
          fields: input.fields,
          labels: input.labels,
          companyName: input.companyName,
          header: input.address,
          vatNumber: input.vatNumber,
          footer: input.footer,
          logo: logo ? Buffer.from(logo.data) : null,
          logoMime: logo?.mime ?? null,
          accentColor: input.accentColor,
          paperSize: input.paperSize,
          createdById: actorId,
        },
      });
      await recordAudit(tx, {
        actorId,
        action: "reportTemplate.save",
        entityType: "ReportTemplate",
        entityId: saved.id,
        before: previous ? { version: previous.version } : undefined,
        after: {
          report: kind,
          version: saved.version,
          fields: input.fields,
          labels: input.labels,
          companyName: input.companyName,
          accentColor: input.accentColor,
          paperSize: input.paperSize,
          logoBytes: logo?.data.length ?? 0,
        },
      });

      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "reportTemplates.concurrentSave", { cause: error });
    }
    throw error;
  }
}

function pickLogo(
  action: ReportTemplateInput["logo"],
  uploaded: PreparedLogo | null,
  previous: ReportTemplate | null,
): PreparedLogo | null {
  if (action === "remove") return null;
  if (action === "replace") return uploaded;
  if (!previous?.logo || !previous.logoMime) return null;

  return { data: new Uint8Array(previous.logo), mime: previous.logoMime as PreparedLogo["mime"] };
}

/** Records in the audit log that a report was exported and with which template version. */
export async function recordReportExport(
  db: Db,
  options: {
    actorId: string | null;
    kind: ReportKind;
    format: string;
    templateVersion: number | null;
    customerCode: string | null;
    from: string;
    to: string;
    bytes: number;
  },
): Promise<void> {
  await recordAudit(db, {
    actorId: options.actorId,
    action: "report.export",
    entityType: "Report",
    entityId: options.kind,
    after: {
      format: options.format,
      templateVersion: options.templateVersion,
      customerCode: options.customerCode,
      from: options.from,
      to: options.to,
      bytes: options.bytes,
    },
  });
}
