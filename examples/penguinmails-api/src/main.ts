import { startServer } from "./server.js";

// `pnpm demo` (from the repository's root) or `pnpm start` here: see the README.
// `--memory` (the demo) ignores DATABASE_URL and NILEDB_*: always memory, always seeded.
const memoryOnly = process.argv.includes("--memory");
const port = Number(process.env.PORT ?? 3000);
const server = await startServer({
  port,
  hostname: process.env.HOST ?? "127.0.0.1",
  ...(memoryOnly ? { env: { BASE_URL: process.env.BASE_URL } } : {}),
}).catch((error: unknown) => {
  const busy = (error as { code?: string }).code === "EADDRINUSE";
  console.error(
    busy
      ? `Port ${port} is in use: start with PORT=3001 (or any free port).`
      : `PenguinMails could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

console.log(`\nPenguinMails (Rookery + better-auth + Hono) on the ${server.mode} store`);
console.log(`  Console and API: ${server.url}/`);
if (server.demoLogins.length > 0) {
  console.log(`\nDemo logins (every password: ${server.demoLogins[0]?.password}):`);
  for (const login of server.demoLogins) {
    const where = login.workspaces.length > 0 ? ` (${login.workspaces.join(", ")})` : "";
    console.log(`  ${login.email.padEnd(22)} ${login.role.padEnd(7)} ${login.company}${where}`);
  }
}
console.log("\nOne line per request follows. Ctrl-C stops.\n");

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
