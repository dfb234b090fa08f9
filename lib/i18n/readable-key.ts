/**
 * Turns a message key such as `postpaid.close` or `BillingMonth` into words ("Postpaid close",
 * "Billing month"), shown when a locale has no translation for a stored audit action or entity.
 */
export function readableKey(key: string): string {
  const words = key
    .split(".")
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" "))
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
  const text = words.join(" ");

  return text.charAt(0).toUpperCase() + text.slice(1);
}
