import { describe, expect, it } from "vitest";

import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_REQUEST_BYTES } from "@/lib/imports/limits";
import { readCsvUpload } from "@/lib/imports/upload";

const URL = "http://127.0.0.1/api/imports/registry/inspect";

function uploadRequest(form: FormData, headers: Record<string, string> = {}): Request {
  return new Request(URL, { method: "POST", body: form, headers });
}

describe("readCsvUpload", () => {
  it("returns the file name and bytes", async () => {
    const form = new FormData();
    form.append("file", new File(["code,name\nC1,Rossi\n"], "clienti.csv"));
    form.append("mapping", "{}");

    const upload = await readCsvUpload(uploadRequest(form));

    expect(upload.fileName).toBe("clienti.csv");
    expect(new TextDecoder().decode(upload.bytes)).toBe("code,name\nC1,Rossi\n");
    expect(upload.form.get("mapping")).toBe("{}");
  });

  it("rejects a declared length over the limit", async () => {
    const form = new FormData();
    form.append("file", new File(["code,name\n"], "clienti.csv"));
    const request = uploadRequest(form, { "content-length": String(MAX_IMPORT_REQUEST_BYTES + 1) });

    await expect(readCsvUpload(request)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
      messageKey: "imports.fileTooLarge",
      values: { maxMegabytes: 20 },
    });
  });

  it("rejects a file over the limit", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(MAX_IMPORT_FILE_BYTES + 1)], "big.csv"));

    await expect(readCsvUpload(uploadRequest(form))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
  });

  it("rejects a form without a file", async () => {
    const form = new FormData();
    form.append("file", "not a file");

    await expect(readCsvUpload(uploadRequest(form))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "imports.fileMissing",
    });
  });

  it("rejects a body that is not multipart", async () => {
    const request = new Request(URL, { method: "POST", body: "code,name\n" });

    await expect(readCsvUpload(request)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "imports.fileMissing",
    });
  });
});
