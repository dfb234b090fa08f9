// Word lists for demo data: surnames, sectors and the texts that operators and administrators
// type. Company names are combinations of these words, so a match with a real company is chance.

export const SURNAMES = [
  "Rossi",
  "Ferri",
  "Bianchi",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Lombardi",
  "Moretti",
  "Barbieri",
  "Fontana",
  "Santoro",
  "Rinaldi",
  "Galli",
  "Martini",
  "Leone",
  "Gentile",
  "Martinelli",
  "Vitale",
  "Serra",
  "Marchetti",
  "Parisi",
  "Villa",
  "Ferraro",
  "Fabbri",
  "Marini",
  "Grasso",
  "Valentini",
  "Sala",
  "Gatti",
  "Pellegrini",
  "Farina",
  "Monti",
  "Cattaneo",
  "Morelli",
  "Silvestri",
  "Testa",
  "Bernardi",
  "Bellini",
  "Riva",
  "Donati",
  "Sartori",
  "Negri",
  "Zanetti",
  "Bonetti",
  "Tosi",
  "Benedetti",
] as const;

export const FIRST_NAMES = [
  "Giuseppe",
  "Giovanni",
  "Antonio",
  "Mario",
  "Luigi",
  "Franco",
  "Paolo",
  "Roberto",
  "Stefano",
  "Maria",
  "Anna",
  "Laura",
  "Elena",
  "Francesca",
] as const;

// Sector words with their grammatical gender and number, so the place adjective can agree:
// 0 masculine singular, 1 feminine singular, 2 masculine plural, 3 feminine plural.
export const SECTORS: readonly (readonly [string, 0 | 1 | 2 | 3])[] = [
  ["Officine Meccaniche", 3],
  ["Trasporti", 2],
  ["Ceramiche", 3],
  ["Costruzioni", 3],
  ["Serramenti", 2],
  ["Arredamenti", 2],
  ["Impianti Elettrici", 2],
  ["Logistica", 1],
  ["Tipografia", 1],
  ["Caseificio", 0],
  ["Cantina Sociale", 1],
  ["Laboratorio Analisi", 0],
  ["Autoricambi", 2],
  ["Forniture Alberghiere", 3],
  ["Materie Plastiche", 3],
  ["Vetreria", 1],
  ["Carpenteria Metallica", 1],
  ["Stampaggio Lamiere", 0],
  ["Pannelli Solari", 2],
  ["Distribuzione Alimentare", 1],
];

// Sector words that follow a surname: "Rossi Impianti S.r.l.".
export const SURNAME_SECTORS = [
  "Impianti",
  "Serramenti",
  "Trasporti",
  "Costruzioni",
  "Automazioni",
  "Ricambi",
  "Elettroforniture",
  "Termoidraulica",
  "Arredo Ufficio",
  "Packaging",
  "Informatica",
  "Edilizia",
] as const;

export const PROFESSIONAL_FIRMS = [
  "Studio Commercialista",
  "Studio Legale",
  "Studio Tecnico",
  "Studio Notarile",
  "Studio Dentistico",
  "Farmacia",
  "Agenzia Immobiliare",
  "Centro Fisioterapico",
] as const;

export const STREETS = [
  "Via Roma",
  "Via Garibaldi",
  "Via Mazzini",
  "Via Cavour",
  "Via dell'Industria",
  "Via dell'Artigianato",
  "Via Enrico Fermi",
  "Via Galileo Galilei",
  "Via Guglielmo Marconi",
  "Via Leonardo da Vinci",
  "Viale Europa",
  "Via XX Settembre",
  "Via IV Novembre",
  "Corso Italia",
  "Piazza della Libertà",
  "Via delle Industrie",
  "Via dei Mestieri",
  "Viale Lombardia",
] as const;

export const DEVICE_LABELS = [
  "PC amministrazione",
  "Server gestionale",
  "Notebook titolare",
  "PC magazzino",
  "PC reception",
  "Workstation ufficio tecnico",
  "PC contabilità",
  "Server posta",
] as const;

export const CONTRACT_NOTES = [
  "Rinnovo tacito annuale",
  "Include assistenza sistemistica sui server",
  "Assistenza solo in orario d'ufficio",
  "Tariffa agevolata concordata con il titolare",
] as const;

export const CUSTOMER_NOTES = [
  "Avvisare il referente prima di collegarsi al server",
  "Referente IT interno: chiedere di Giorgio",
  "Backup notturno alle 22:00: non riavviare il server dopo le 21:30",
] as const;

export const SESSION_NOTES = [
  "Configurazione stampante di rete",
  "Aggiornamento del gestionale",
  "Fatture elettroniche scartate dallo SDI: corretto il codice destinatario",
  "Reset password della posta elettronica",
  "Installazione certificato di firma digitale",
  "Backup non completato: verificato lo spazio sul NAS",
  "La VPN non si connette da remoto",
  "Aggiornamento antivirus",
  "Configurazione nuovo PC",
  "Errore nella stampa delle etichette",
  "Calendario condiviso non sincronizzato",
  "Lentezza del server: chiusi processi bloccati",
] as const;

export const POSITIVE_ADJUSTMENTS = [
  "Omaggio: sessione interrotta per un problema di linea da parte nostra",
  "Minuti in omaggio per il rinnovo del contratto",
  "Recupero minuti: intervento coperto dalla garanzia del software",
] as const;

export const NEGATIVE_ADJUSTMENTS = [
  "Intervento on-site scalato dal pacchetto come da accordi",
  "Configurazione firewall eseguita fuori sessione, 45 minuti",
  "Supporto telefonico prolungato addebitato sul pacchetto",
] as const;

// Technicians who appear in sessions by name only, without a user account.
export const OTHER_OPERATORS = ["Luca Bianchi", "Giulia Fontana", "Davide Colombo"] as const;

export const ITALIAN_MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
] as const;
