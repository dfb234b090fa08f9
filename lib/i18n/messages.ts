import { type Locale, MESSAGE_NAMESPACES } from "./config";

export type Messages = Record<string, unknown>;

/** Loads every namespace of `locale` into one messages object keyed by namespace. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    MESSAGE_NAMESPACES.map(async (namespace) => {
      const file = (await import(`@/messages/${locale}/${namespace}.json`)) as {
        default: Messages;
      };

      return [namespace, file.default] as const;
    }),
  );

  return Object.fromEntries(entries);
}
