import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { getDb } from "@/lib/db/client";
import { beginSignInAttempt, clearFailedSignIns } from "@/lib/db/login-attempts";
import { logger } from "@/lib/logger";

import { clientAddress, trustedProxyCount } from "./client-address";
import { verifyPassword } from "./password";

// Error codes the sign-in form translates; next-auth passes the thrown message to the client.
export const SIGN_IN_ERRORS = {
  rateLimited: "RATE_LIMITED",
  unavailable: "SIGN_IN_UNAVAILABLE",
  invalid: "CredentialsSignin",
} as const;

// Limits keep absurd inputs away from the database and from bcrypt, which reads 72 bytes at most.
const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).email(),
  password: z.string().min(1).max(1000),
});

// Compared against when the email is unknown, so both cases take the time of one bcrypt check and
// the response time does not reveal which emails have an account.
const UNKNOWN_USER_HASH = "$2b$12$a2oHzgCujy5y0zy2JU9ZS.cntchlNcByHZkhZD.fmj5rgSTTjavKS";

// An invalid TRUSTED_PROXIES is logged for the operator of the server, and the browser gets only
// the fixed error code, because next-auth sends a thrown message to the client.
function readClientAddress(headers: Record<string, unknown> | undefined): string | null {
  try {
    return clientAddress(headers, trustedProxyCount());
  } catch (error) {
    logger.error({ err: error }, "sign-in failed: invalid TRUSTED_PROXIES");
    throw new Error(SIGN_IN_ERRORS.unavailable);
  }
}

export const authOptions: NextAuthOptions = {
  // Set by scripts/start.mjs from .data/auth-secret unless the deployment provides its own.
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;

        const { email, password } = parsed.data;
        const address = readClientAddress(request?.headers);
        const db = getDb();
        // Counted as a failure before the password is checked, so parallel guesses see each other.
        const attempt = await beginSignInAttempt(db, email, address).catch((error: unknown) => {
          // As above, the client gets only the fixed code.
          logger.error({ err: error, email }, "sign-in attempt could not be recorded");
          throw new Error(SIGN_IN_ERRORS.unavailable);
        });
        if (attempt.blocked) {
          logger.warn({ email, address }, "sign-in rate limited");
          throw new Error(SIGN_IN_ERRORS.rateLimited);
        }

        const user = await db.user.findUnique({ where: { email } });
        const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
        const valid = user !== null && user.active && matches;
        if (!user || !valid) {
          logger.info({ email, address }, "sign-in failed");
          return null;
        }

        await clearFailedSignIns(db, email);
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        logger.info({ userId: user.id }, "signed in");

        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.role = user.role;
      }

      return token;
    },
    session({ session, token }) {
      if (token.userId && token.role) {
        session.user = { ...session.user, id: token.userId, role: token.role };
      }

      return session;
    },
  },
};
