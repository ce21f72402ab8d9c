// Shared by `npm run seed:bulk` and `npm run bench`: the bench server's session secret (it also
// seals the bench staff's two-factor secrets) and that TOTP secret, so the bench can sign in.
export const BENCH_AUTH_SECRET = "bench-secret-not-for-production";
export const BENCH_TOTP_SECRET = "MJSW4Y3IFVZWKY3SMV2C2MJSGM2DINJW";
export const BENCH_PASSWORD = "samverka-demo";
