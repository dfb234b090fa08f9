import { redirect } from "next/navigation";

import { ACCOUNT_PATH, getCurrentUser } from "@/lib/auth/guards";
import { navigationFor } from "@/components/layout/navigation";

// The home page is the first area the user's role may open.
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect(ACCOUNT_PATH);

  redirect(navigationFor(user.role)[0]?.href ?? "/login");
}
