// `npm run db:seed` (and `npm start` on the embedded database): loads the demo world once.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "./seed-demo";

const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
try {
  const result = await seedDemo(db);
  console.log(
    result.skipped
      ? "[samverka] demodata finns redan"
      : `[samverka] demodata inläst: ${result.users} användare, ${result.applications} ansökningar`,
  );
} finally {
  await db.$disconnect();
}
