import { startServer } from "./server.js";

// `pnpm --filter @rookery/example-getting-started start`: the API of docs/getting-started.md.
const started = await startServer(Number(process.env.PORT ?? 3000));
if (started.isErr()) {
  console.error(started.error.message);
  process.exit(1);
}
const { url, workspaceId, campaignId } = started.value;
console.log(`Listening on ${url}. Pat owns Penguin Corp; Kim owns Krill Inc.`);
console.log(`  curl -H "Authorization: Bearer pat" ${url}/api/campaigns`);
console.log(`  curl -H "Authorization: Bearer kim" ${url}/api/campaigns/${campaignId}`);
console.log(
  `  curl -H "Authorization: Bearer pat" -H "Content-Type: application/json" -d '{"subject":"Hi"}' ${url}/api/workspaces/${workspaceId}/campaigns`,
);
