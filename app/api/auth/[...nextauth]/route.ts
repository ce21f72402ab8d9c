import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";

// next-auth 4 types its handler as `any`; it is a route handler for GET and POST.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
export { handler as GET, handler as POST };
