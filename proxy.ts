import { NextResponse, type NextRequest } from "next/server";

// Proxy never authorizes (services do). It only passes the path on, so a page that needs a
// signed-in user can send a signed-out visitor to sign in and back again.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-samverka-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
