import { withAuth } from "next-auth/middleware";

// Sends visitors without a session to the sign-in page. Route handlers under /api are left out:
// they check the session and role themselves and return 401 or 403 in JSON.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico).*)"],
};
