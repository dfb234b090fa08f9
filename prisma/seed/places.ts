// Italian provinces used for demo customer addresses, phone numbers and VAT numbers.

export interface Province {
  // Two-letter vehicle registration code, used in addresses.
  code: string;
  // Adjective of the provincial capital: masculine singular, feminine singular, masculine plural,
  // feminine plural ("Bresciano", "Bresciana", "Bresciani", "Bresciane").
  adjective: readonly [string, string, string, string];
  // Code of the provincial tax office: digits 8-10 of a VAT number issued there.
  // NOTE: these are the provinces' ISTAT numbers, not checked against the official office list.
  taxOffice: string;
  phonePrefix: string;
  // Towns of the province with their postal code, the capital first.
  towns: readonly (readonly [string, string])[];
}

export const PROVINCES: readonly Province[] = [
  {
    code: "BS",
    adjective: ["Bresciano", "Bresciana", "Bresciani", "Bresciane"],
    taxOffice: "017",
    phonePrefix: "030",
    towns: [
      ["Brescia", "25121"],
      ["Lumezzane", "25065"],
      ["Desenzano del Garda", "25015"],
      ["Rovato", "25038"],
    ],
  },
  {
    code: "BG",
    adjective: ["Bergamasco", "Bergamasca", "Bergamaschi", "Bergamasche"],
    taxOffice: "016",
    phonePrefix: "035",
    towns: [
      ["Bergamo", "24121"],
      ["Treviglio", "24047"],
      ["Seriate", "24068"],
    ],
  },
  {
    code: "MI",
    adjective: ["Milanese", "Milanese", "Milanesi", "Milanesi"],
    taxOffice: "015",
    phonePrefix: "02",
    towns: [
      ["Milano", "20121"],
      ["Legnano", "20025"],
      ["Rho", "20017"],
      ["Sesto San Giovanni", "20099"],
    ],
  },
  {
    code: "CO",
    adjective: ["Comasco", "Comasca", "Comaschi", "Comasche"],
    taxOffice: "013",
    phonePrefix: "031",
    towns: [
      ["Como", "22100"],
      ["Cantù", "22063"],
    ],
  },
  {
    code: "VA",
    adjective: ["Varesino", "Varesina", "Varesini", "Varesine"],
    taxOffice: "012",
    phonePrefix: "0332",
    towns: [
      ["Varese", "21100"],
      ["Saronno", "21047"],
      ["Busto Arsizio", "21052"],
    ],
  },
  {
    code: "VR",
    adjective: ["Veronese", "Veronese", "Veronesi", "Veronesi"],
    taxOffice: "023",
    phonePrefix: "045",
    towns: [
      ["Verona", "37121"],
      ["Legnago", "37045"],
      ["Villafranca di Verona", "37069"],
    ],
  },
  {
    code: "VI",
    adjective: ["Vicentino", "Vicentina", "Vicentini", "Vicentine"],
    taxOffice: "024",
    phonePrefix: "0444",
    towns: [
      ["Vicenza", "36100"],
      ["Schio", "36015"],
      ["Bassano del Grappa", "36061"],
    ],
  },
  {
    code: "PD",
    adjective: ["Padovano", "Padovana", "Padovani", "Padovane"],
    taxOffice: "028",
    phonePrefix: "049",
    towns: [
      ["Padova", "35121"],
      ["Cittadella", "35013"],
    ],
  },
  {
    code: "TV",
    adjective: ["Trevigiano", "Trevigiana", "Trevigiani", "Trevigiane"],
    taxOffice: "026",
    phonePrefix: "0422",
    towns: [
      ["Treviso", "31100"],
      ["Conegliano", "31015"],
      ["Castelfranco Veneto", "31033"],
    ],
  },
  {
    code: "MO",
    adjective: ["Modenese", "Modenese", "Modenesi", "Modenesi"],
    taxOffice: "036",
    phonePrefix: "059",
    towns: [
      ["Modena", "41121"],
      ["Sassuolo", "41049"],
      ["Carpi", "41012"],
    ],
  },
  {
    code: "BO",
    adjective: ["Bolognese", "Bolognese", "Bolognesi", "Bolognesi"],
    taxOffice: "037",
    phonePrefix: "051",
    towns: [
      ["Bologna", "40121"],
      ["Imola", "40026"],
      ["Casalecchio di Reno", "40033"],
    ],
  },
  {
    code: "PR",
    adjective: ["Parmense", "Parmense", "Parmensi", "Parmensi"],
    taxOffice: "034",
    phonePrefix: "0521",
    towns: [
      ["Parma", "43121"],
      ["Fidenza", "43036"],
    ],
  },
  {
    code: "TO",
    adjective: ["Torinese", "Torinese", "Torinesi", "Torinesi"],
    taxOffice: "001",
    phonePrefix: "011",
    towns: [
      ["Torino", "10121"],
      ["Pinerolo", "10064"],
      ["Moncalieri", "10024"],
    ],
  },
  {
    code: "FI",
    adjective: ["Fiorentino", "Fiorentina", "Fiorentini", "Fiorentine"],
    taxOffice: "048",
    phonePrefix: "055",
    towns: [
      ["Firenze", "50121"],
      ["Empoli", "50053"],
    ],
  },
  {
    code: "TN",
    adjective: ["Trentino", "Trentina", "Trentini", "Trentine"],
    taxOffice: "022",
    phonePrefix: "0461",
    towns: [
      ["Trento", "38121"],
      ["Rovereto", "38068"],
    ],
  },
  {
    code: "AN",
    adjective: ["Anconetano", "Anconetana", "Anconetani", "Anconetane"],
    taxOffice: "042",
    phonePrefix: "071",
    towns: [
      ["Ancona", "60121"],
      ["Jesi", "60035"],
    ],
  },
];
