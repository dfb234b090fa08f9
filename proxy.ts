import { withAuth } from "next-auth/middleware";

// Sends visitors without a session to the sign-in page. Roles are checked again on the server by
// each page and route handler; this only keeps anonymous requests out early.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico).*)"],
};
