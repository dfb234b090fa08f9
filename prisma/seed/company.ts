// Invented Italian companies: name, VAT number, address and contacts that belong together (the
// name's place adjective, the town, the postal code, the phone prefix and the tax office all come
// from the same province).
import { type Random } from "@/lib/domain/random";
import { vatCheckDigit } from "@/lib/domain/vat-number";

import { PROVINCES, type Province } from "./places";
import {
  FIRST_NAMES,
  PROFESSIONAL_FIRMS,
  SECTORS,
  STREETS,
  SURNAME_SECTORS,
  SURNAMES,
} from "./word-lists";

export interface CompanyIdentity {
  name: string;
  vatNumber: string;
  address: string;
  city: string;
  province: string;
  postalCode: string;
  email: string;
  phone: string;
}

// Reserved by RFC 2606 for documentation, so a demo address can never reach a real mailbox.
const EMAIL_DOMAIN_SUFFIX = ".example";
const MAILBOXES = ["info", "amministrazione", "segreteria"];

/** Invents a company whose name and VAT number differ from those in `taken`, then adds them. */
export function inventCompany(random: Random, taken: Set<string>): CompanyIdentity {
  const province = random.pick(PROVINCES);
  const [city, postalCode] = random.pick(province.towns);

  let name = inventName(random, province);
  while (taken.has(name)) name = inventName(random, province);
  taken.add(name);

  let vatNumber = inventVatNumber(random, province);
  while (taken.has(vatNumber)) vatNumber = inventVatNumber(random, province);
  taken.add(vatNumber);

  return {
    name,
    vatNumber,
    address: `${random.pick(STREETS)}, ${random.integer(1, 120)}`,
    city,
    province: province.code,
    postalCode,
    email: `${random.pick(MAILBOXES)}@${slugOf(name)}${EMAIL_DOMAIN_SUFFIX}`,
    phone: inventPhone(random, province),
  };
}

function inventName(random: Random, province: Province): string {
  const pattern = random.weightedPick([
    ["sector-place", 35],
    ["surname-sector", 30],
    ["partnership", 15],
    ["firm", 20],
  ] as const);

  if (pattern === "sector-place") {
    const [sector, form] = random.pick(SECTORS);
    const legalForm = random.weightedPick([
      ["S.r.l.", 70],
      ["S.p.A.", 30],
    ]);

    return `${sector} ${province.adjective[form]} ${legalForm}`;
  }
  if (pattern === "surname-sector") {
    const legalForm = random.weightedPick([
      ["S.r.l.", 60],
      ["S.n.c.", 25],
      ["S.a.s.", 15],
    ]);

    return `${random.pick(SURNAMES)} ${random.pick(SURNAME_SECTORS)} ${legalForm}`;
  }
  if (pattern === "partnership") {
    const legalForm = random.pick(["S.n.c.", "S.a.s."]);

    return random.chance(0.3)
      ? `F.lli ${random.pick(SURNAMES)} ${legalForm}`
      : `${random.pick(SURNAMES)} ${random.pick(FIRST_NAMES)} & C. ${legalForm}`;
  }

  const firm = random.pick(PROFESSIONAL_FIRMS);
  const surname = random.pick(SURNAMES);
  // Professional firms are not companies, so their names carry no legal form.
  if (firm.startsWith("Studio") && random.chance(0.25)) return `${firm} ${surname} & Associati`;

  return `${firm} ${surname}`;
}

function inventVatNumber(random: Random, province: Province): string {
  const firstTen = `${String(random.integer(0, 9_999_999)).padStart(7, "0")}${province.taxOffice}`;

  return `${firstTen}${vatCheckDigit(firstTen)}`;
}

// A common length for Italian landline numbers: 10 digits including the area code.
function inventPhone(random: Random, province: Province): string {
  const subscriberDigits = 10 - province.phonePrefix.length;
  const subscriber = String(
    random.integer(2 * 10 ** (subscriberDigits - 1), 10 ** subscriberDigits - 1),
  );

  return `+39 ${province.phonePrefix} ${subscriber}`;
}

/** Turns a company name into a domain label: "F.lli Rossi S.n.c." becomes "flli-rossi". */
function slugOf(name: string): string {
  const withoutLegalForm = name.replace(/ (& C\. )?(S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|S\.a\.s\.)$/, "");

  return withoutLegalForm
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "e")
    .replace(/[^a-z0-9 ]/g, "")
    .trim()
    .replace(/ +/g, "-");
}
