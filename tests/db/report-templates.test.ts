import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import JSZip from "jszip";
import Papa from "papaparse";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { recordLedgerEntry } from "@/lib/db/ledger";
import { getLatestReportTemplate, saveReportTemplate } from "@/lib/db/report-templates";
import { AppError } from "@/lib/errors";
import { assembleReport } from "@/lib/reports/assemble-report";
import { renderReport } from "@/lib/reports/render";
import { MAX_LOGO_BYTES, prepareLogo } from "@/lib/reports/templates/logo";
import { loadReportBranding } from "@/lib/reports/templates/load-branding";
import { readTemplateRequest } from "@/lib/reports/templates/read-template-request";
import type { ReportData } from "@/lib/reports/types";
import { reportTemplateSchema, type ReportTemplateInput } from "@/lib/validations/report-template";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

const MONTH = { from: "2026-11-01", to: "2026-11-30" };
let customerCode = "";
let adminId = "";
let data: ReportData;

function templateInput(overrides: Partial<ReportTemplateInput> = {}): ReportTemplateInput {
  return reportTemplateSchema("STATEMENT").parse({
    // Comment removed, balance moved before the credits.
    fields: ["occurredAt", "reference", "balance", "kind", "credit", "debit"],
    labels: { it: { reference: "Rif. pratica" }, en: { reference: "Case ref." } },
    companyName: "Tecnoassist S.r.l.",
    address: "Via Emilia 12, 40100 Bologna",
    vatNumber: "01234567897",
    footer: "Documento allegato alla fattura",
    accentColor: "#0F766E",
    paperSize: "A4",
    logo: "keep",
    ...overrides,
  });
}

async function pngLogo(width = 300, height = 100): Promise<Uint8Array> {
  const png = await sharp({ create: { width, height, channels: 3, background: "#0f766e" } })
    .png()
    .toBuffer();

  return new Uint8Array(png);
}

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "report-template-")), name);
  writeFileSync(file, bytes);

  return file;
}

async function templateCount(): Promise<number> {
  return testDb().reportTemplate.count();
}

beforeAll(async () => {
  await resetDatabase();
  const customer = await createCustomer({ name: "Officina Rossi" });
  const admin = await createUser("ADMIN");
  customerCode = customer.code;
  adminId = admin.id;
  const entries = [
    { kind: "TOP_UP" as const, minutes: 600, occurredAt: new Date("2026-11-03T09:00:00Z") },
    {
      kind: "ADJUSTMENT" as const,
      minutes: -15,
      occurredAt: new Date("2026-11-10T09:00:00Z"),
      comment: "Storno per errore di battitura",
    },
  ];
  for (const entry of entries) {
    await recordLedgerEntry(testDb(), { customerId: customer.id, authorId: admin.id, entry });
  }
  data = await assembleReport(testDb(), { kind: "STATEMENT", customerCode, ...MONTH });
}, 120_000);

describe("saving templates", () => {
  beforeEach(async () => {
    await testDb().reportTemplate.deleteMany();
  });

  it("adds a version on every save and audits it", async () => {
    const first = await saveReportTemplate(testDb(), {
      kind: "STATEMENT",
      input: templateInput({ logo: "replace" }),
      logo: await prepareLogo(await pngLogo()),
      actorId: adminId,
    });
    const second = await saveReportTemplate(testDb(), {
      kind: "STATEMENT",
      input: templateInput({ companyName: "Tecnoassist S.p.A." }),
      logo: null,
      actorId: adminId,
    });

    expect(first.version).toBe(1);
    expect(second.version).toBe(2);
    // "keep" carries the logo of the previous version into the new one.
    expect(second.logo?.length).toBe(first.logo?.length);
    const unchanged = await testDb().reportTemplate.findUniqueOrThrow({ where: { id: first.id } });
    expect(unchanged.companyName).toBe("Tecnoassist S.r.l.");
    const audits = await testDb().auditEvent.findMany({
      where: { action: "reportTemplate.save", entityId: { in: [first.id, second.id] } },
    });
    expect(audits).toHaveLength(2);
  });

  it("rejects a template without fields", async () => {
    const parse = () => templateInput({ fields: [] });

    expect(parse).toThrowError(/reportTemplates.noFields/);
    expect(await templateCount()).toBe(0);
  });

  it("rejects an invalid colour and an unknown field", () => {
    expect(() => templateInput({ accentColor: "blue" })).toThrowError(/invalidColor/);
    expect(() => templateInput({ fields: ["notes"] })).toThrowError(/unknownField/);
  });
});

describe("logo checks", () => {
  const cases: [string, string, string][] = [
    ["plain text", "not an image at all", "reportTemplates.logoNotImage"],
    [
      "SVG with a script",
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      "reportTemplates.logoSvgScript",
    ],
    [
      "SVG with an event handler",
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9" onload="x()"/></svg>',
      "reportTemplates.logoSvgScript",
    ],
    [
      "SVG with an external image",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://127.0.0.1/a.png"/></svg>',
      "reportTemplates.logoSvgExternal",
    ],
    [
      "SVG with foreignObject",
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
      "reportTemplates.logoSvgForeignObject",
    ],
    [
      "SVG with an entity",
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
      "reportTemplates.logoSvgEntity",
    ],
  ];

  for (const [name, content, messageKey] of cases) {
    it(`rejects ${name}`, async () => {
      const result = prepareLogo(new TextEncoder().encode(content));

      await expect(result).rejects.toBeInstanceOf(AppError);
      await expect(result).rejects.toMatchObject({ messageKey });
    });
  }

  it("rejects a PNG header over broken data", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

    await expect(prepareLogo(bytes)).rejects.toMatchObject({ code: "UNSUPPORTED_FILE" });
  });

  it("rasterises a clean SVG to a 200-pixel PNG", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="#0f766e"/></svg>';
    const logo = await prepareLogo(new TextEncoder().encode(svg));
    const metadata = await sharp(Buffer.from(logo.data)).metadata();

    expect(logo.mime).toBe("image/png");
    expect(metadata.format).toBe("png");
    expect(metadata.height).toBe(200);
  });

  it("shrinks a large PNG to 200 pixels in height", async () => {
    const logo = await prepareLogo(await pngLogo(1200, 600));
    const metadata = await sharp(Buffer.from(logo.data)).metadata();

    expect(metadata.height).toBe(200);
    expect(metadata.width).toBe(400);
  });

  it("rejects a 50 MB upload by its declared length and saves nothing", async () => {
    const before = await templateCount();
    const body = new FormData();
    body.set("template", JSON.stringify(templateInput({ logo: "replace" })));
    body.set("logo", new File([new Uint8Array(50 * 1024 * 1024)], "huge.png"));
    const request = new Request("http://127.0.0.1/api/reports/templates/statement", {
      method: "POST",
      body,
    });
    const length = (await request.clone().arrayBuffer()).byteLength;
    const sized = new Request(request, { headers: { "content-length": String(length) } });

    await expect(readTemplateRequest(sized, "STATEMENT")).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      messageKey: "reportTemplates.logoTooLarge",
    });
    expect(await templateCount()).toBe(before);
  });

  it("rejects a file over the limit that declares no length", async () => {
    const huge = new Uint8Array(MAX_LOGO_BYTES + 1);
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    await expect(prepareLogo(huge)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("templates in every format", () => {
  let version = 0;

  beforeAll(async () => {
    await testDb().reportTemplate.deleteMany();
    const saved = await saveReportTemplate(testDb(), {
      kind: "STATEMENT",
      input: templateInput({ logo: "replace" }),
      logo: await prepareLogo(await pngLogo()),
      actorId: adminId,
    });
    version = saved.version;
  });

  it("reads the latest version with labels per language", async () => {
    const italian = await loadReportBranding(testDb(), "STATEMENT", "it");
    const english = await loadReportBranding(testDb(), "STATEMENT", "en");
    const latest = await getLatestReportTemplate(testDb(), "STATEMENT");

    expect(italian.templateVersion).toBe(latest?.version);
    expect(italian.labels.reference).toBe("Rif. pratica");
    expect(english.labels.reference).toBe("Case ref.");
    expect(english.labels.balance).toBe("Balance");
    expect(italian.header).toContain("P. IVA 01234567897");
  });

  it("shows fields, labels, logo and version in the PDF", async () => {
    const branding = await loadReportBranding(testDb(), "STATEMENT", "it");
    const file = writeTemp("statement.pdf", await renderReport("pdf", data, branding));
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    const header = text.split("\n").find((line) => line.includes("Rif. pratica")) ?? "";
    const info = execFileSync("pdfinfo", [file]).toString();
    const images = execFileSync("pdfimages", ["-list", file]).toString().trim().split("\n");

    expect(header).toMatch(/Data\s+Rif\. pratica\s+Saldo\s+Movimento\s+Accrediti\s+Addebiti/);
    expect(text).not.toContain("Commento");
    expect(text).not.toContain("Storno per errore");
    expect(text).toContain("Tecnoassist S.r.l.");
    expect(text).toContain("Documento allegato alla fattura");
    expect(text).toContain(`template v${version}`);
    expect(info).toContain(`Keywords:        template v${version}`);
    // pdfimages lists two header lines, then one line per image: the logo.
    expect(images.length).toBeGreaterThanOrEqual(3);
  });

  it("shows fields, labels, logo and version in the Word document", async () => {
    const branding = await loadReportBranding(testDb(), "STATEMENT", "it");
    const zip = await JSZip.loadAsync(await renderReport("docx", data, branding));
    const documentXml = await zip.file("word/document.xml")!.async("string");
    const headerXml = await zip.file("word/header1.xml")!.async("string");
    const footerXml = await zip.file("word/footer1.xml")!.async("string");
    const core = await zip.file("docProps/core.xml")!.async("string");
    const headerRow = documentXml.slice(documentXml.indexOf("<w:tblHeader/>"));
    const labels = [
      ...headerRow.slice(0, headerRow.indexOf("</w:tr>")).matchAll(/<w:t(?: [^>]*)?>([^<]*)</g),
    ];

    expect(labels.map((match) => match[1])).toEqual([
      "Data",
      "Rif. pratica",
      "Saldo",
      "Movimento",
      "Accrediti",
      "Addebiti",
    ]);
    expect(documentXml).not.toContain("Storno per errore");
    expect(documentXml).toContain('w:fill="0F766E"');
    expect(headerXml).toContain("Tecnoassist S.r.l.");
    expect(headerXml).toContain("r:embed");
    expect(footerXml).toContain(`template v${version}`);
    expect(core).toContain(`<cp:keywords>template v${version}</cp:keywords>`);
    expect(
      Object.keys(zip.files).filter((name) => name.startsWith("word/media/")),
    ).not.toHaveLength(0);
  });

  it("shows fields, labels and version in the workbook", async () => {
    const branding = await loadReportBranding(testDb(), "STATEMENT", "en");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderReport("xlsx", data, branding)) as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(6).values as unknown[]).slice(1);

    expect(header).toEqual(["Date", "Case ref.", "Balance", "Kind", "Credits", "Debits"]);
    expect(String(sheet.getCell("A3").value)).toContain(`template v${version}`);
    expect(workbook.keywords).toBe(`template v${version}`);
  });

  it("shows fields and labels in the CSV headers", async () => {
    const branding = await loadReportBranding(testDb(), "STATEMENT", "it");
    const text = new TextDecoder().decode(await renderReport("csv", data, branding));
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ";" }).data;

    expect(rows[0]).toEqual([
      "Codice cliente",
      "Cliente",
      "Data",
      "Rif. pratica",
      "Saldo",
      "Movimento",
      "Accrediti",
      "Addebiti",
    ]);
  });

  it("shows fields, labels, logo and version in the HTML page", async () => {
    const branding = await loadReportBranding(testDb(), "STATEMENT", "it");
    const html = new TextDecoder().decode(await renderReport("html", data, branding));
    const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((match) => match[1]);

    expect(headers).toEqual([
      "Data",
      "Rif. pratica",
      "Saldo",
      "Movimento",
      "Accrediti",
      "Addebiti",
    ]);
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain(`template v${version}`);
    expect(html).not.toContain("Storno per errore");
  });
});
