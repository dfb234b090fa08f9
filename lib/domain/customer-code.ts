// Maximum length of a customer code, shared by the customer form and every import. ERP customer
// codes are short identifiers, so in an import a longer value usually means that the wrong column
// was mapped. The database column has no length limit.
export const MAX_CUSTOMER_CODE_LENGTH = 64;
