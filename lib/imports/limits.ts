// Limits of registry imports, shared by the route handlers and the browser, which checks the file
// size before uploading.

import { MAX_CUSTOMER_CODE_LENGTH } from "@/lib/domain/customer-code";

// 20 MB is room for about 160,000 customers at 128 bytes per row, the average of the ANPR
// registry of municipalities.
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

// Multipart framing and the mapping field add a few kilobytes to the file in the request body.
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_FILE_BYTES + 64 * 1024;

// The preview returns every rejected row but at most this many rows of the other categories. The
// counts are always complete.
export const PREVIEW_ROW_LIMIT = 1000;

// Customer codes of every import, and session codes of the session import.
export const MAX_CODE_LENGTH = MAX_CUSTOMER_CODE_LENGTH;
export const MAX_FIELD_LENGTH = 255;

// Maximum rows of one import. A commit runs in one transaction, so a much larger file would hold
// the embedded database, and every other user's request, for minutes.
export const MAX_IMPORT_ROWS = 200_000;
