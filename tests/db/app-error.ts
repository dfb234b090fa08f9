import { type AppError, isAppError } from "@/lib/errors";

/** Returns the AppError that `promise` rejects with, and fails when it resolves or throws another. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);

  return error;
}
