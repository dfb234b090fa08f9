import type { Db } from "../client";
import { type UserSummary, userSummarySelect } from "./user-summary";

/** Returns every user, active ones first, then by name. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  return db.user.findMany({
    select: userSummarySelect,
    orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
  });
}
