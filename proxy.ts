import { withAuth } from "next-auth/middleware";

// Sends visitors without a session to the sign-in page. Route handlers under /api are left out:
// they check the session and role themselves and return 401 or 403 in JSON. The first-run setup
// page is left out too, because no account exists when it is needed.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|setup|api/|_next/static|_next/image|favicon.ico).*)"],
};
