// Installs the packed @rookery tarballs with npm into a scratch application
// outside the workspace, as a user would, and checks that they work there:
// one copy of each peer, at the version asked for; every entry imported (ESM)
// and required (CJS) at run time; a tenancy on the in-memory adapter that
// provisions a tenant and stores a typed resource; a Hono app answering a
// request through @rookery/hono, and an instrumented tenancy; a Nile adapter
// over a pg.Pool; the `rookery` CLI; and `tsc --noEmit` under `module: node16` and
// under `module: esnext` + `moduleResolution: bundler` over every entry and
// the TypeScript examples of the packages' READMEs. All of it twice: with the
// NEWEST versions of the peers that the published ranges allow (asked of the
// registry now) and with the OLDEST (the range floors). Entries come from
// the exports maps, so a new one is checked without editing this file.
// Needs `pnpm build` first. Exits non-zero on any failure.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { entriesOf, pack, publishedPackages, ROOT } from "./packages.mjs";

/** Peers checked at both ends of their range; other peers get the workspace's pinned version. */
const RANGED = [
  "zod",
  "neverthrow",
  "pg",
  "@types/pg",
  "hono",
  "express",
  "@types/express",
  "@opentelemetry/api",
];
const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const TOOLS = {
  typescript: rootManifest.devDependencies.typescript,
  "@types/node": rootManifest.devDependencies["@types/node"],
};

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const failures = [];

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs one named check; a failure is reported with its output and counted, not thrown. */
function check(label, command, args, cwd) {
  const t = Date.now();
  try {
    run(command, args, cwd);
    console.log(`  ok      ${label} (${seconds(t)})`);
  } catch (error) {
    console.log(`  FAILED  ${label} (${seconds(t)})`);
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim() || String(error);
    console.log(output.replace(/^/gm, "          "));
    failures.push(label);
  }
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** `{ name: range }` over the published packages; one range per name, or it is an error. */
function rangesOf(packages, pick) {
  const ranges = {};
  for (const pkg of packages) {
    for (const [name, range] of Object.entries(pick(pkg.manifest) ?? {})) {
      if (ranges[name] !== undefined && ranges[name] !== range) {
        throw new Error(`${name} has two ranges across the packages: ${ranges[name]}, ${range}`);
      }
      ranges[name] = range;
    }
  }
  return ranges;
}

/** The oldest (the floor of a `^x.y.z` range) and the newest published version in a range. */
function versionsIn(name, range) {
  const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
  if (floor === undefined) throw new Error(`${name}: expected a ^x.y.z range, found ${range}`);
  const listed = JSON.parse(run("npm", ["view", `${name}@${range}`, "version", "--json"], ROOT));
  const versions = [listed].flat().sort(compareVersions);
  if (!versions.includes(floor)) throw new Error(`${name}@${floor} is not published`);
  return { oldest: floor, newest: versions.at(-1) };
}

const packages = publishedPackages();
const entries = packages.flatMap(entriesOf);
const peerRanges = rangesOf(packages, (m) => m.peerDependencies);
const depRanges = rangesOf(packages, (m) => m.dependencies);
const optional = new Set(
  packages.flatMap((pkg) =>
    Object.entries(pkg.manifest.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional)
      .map(([name]) => name),
  ),
);
const ours = new Set(packages.map((pkg) => pkg.name));

// Versions for each side of the matrix. Optional peers are left out, to show
// that nothing needs them.
// Newest first, in a fresh install, so that what comes with our packages is resolved by npm.
const sides = { newest: {}, oldest: {} };
for (const name of RANGED) {
  const range = peerRanges[name] ?? depRanges[name];
  const { oldest, newest } = versionsIn(name, range);
  sides.oldest[name] = oldest;
  sides.newest[name] = newest;
}
for (const name of Object.keys(peerRanges)) {
  if (ours.has(name) || optional.has(name) || RANGED.includes(name)) continue;
  const pinned = packages.map((pkg) => pkg.manifest.devDependencies?.[name]).find(Boolean);
  if (pinned === undefined) throw new Error(`${name}: no pinned devDependency to install`);
  sides.oldest[name] = pinned;
  sides.newest[name] = pinned;
}

// The scratch application lives outside the workspace: nothing of it may resolve from there.
const scratch = mkdtempSync(join(tmpdir(), "rookery-consumer-"));
if (!relative(ROOT, scratch).startsWith(".."))
  throw new Error(`${scratch} is inside the workspace`);
const app = join(scratch, "app");
mkdirSync(join(app, "src"), { recursive: true });

try {
  const listed = entries.map((e) => (e.cjs ? e.specifier : `${e.specifier} (ESM only)`));
  console.log(`Packing ${packages.length} packages; entries: ${listed.join(", ")}`);
  const tarballs = {};
  for (const pkg of packages) {
    const { tarball, files } = pack(pkg, join(scratch, "tarballs"));
    if (!files.some((file) => file.startsWith("dist/"))) {
      throw new Error(`${pkg.name} has no dist/ in its tarball: run pnpm build first`);
    }
    tarballs[pkg.name] = `file:${tarball}`;
  }
  writeSources(app, packages, entries);

  for (const [side, versions] of Object.entries(sides)) {
    const t = Date.now();
    const list = Object.entries(versions).map(([name, version]) => `${name}@${version}`);
    console.log(`\n${side}: ${list.join(", ")}`);
    // The newest side lists only the peers: what our packages depend on (@types/pg)
    // must come with them, the newest in range, with no install step of the user's.
    const wanted = Object.fromEntries(
      Object.entries(versions).filter(([name]) => side === "oldest" || !(name in depRanges)),
    );
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify(
        {
          name: "rookery-consumer",
          private: true,
          type: "module",
          dependencies: { ...tarballs, ...wanted },
          devDependencies: TOOLS,
        },
        null,
        2,
      )}\n`,
    );
    const install = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
    try {
      run("npm", install, app);
    } catch {
      run("npm", install, app); // once more: a registry hiccup is not a failure of ours
    }
    console.log(`  ok      npm install (${seconds(t)})`);
    for (const [name, version] of Object.entries(versions)) {
      // One copy of each, the application's: a second one is what breaks types and instanceof.
      check(`${name}@${version}, one copy`, process.execPath, ["one-copy.mjs", name, version], app);
    }
    check("ESM: import every entry, provision a tenant", process.execPath, ["esm.mjs"], app);
    check("CJS: require every entry, provision a tenant", process.execPath, ["cjs.cjs"], app);
    check("CLI: rookery --help", join(app, "node_modules", ".bin", "rookery"), ["--help"], app);
    const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
    check("tsc, module node16", process.execPath, [tsc, "-p", "tsconfig.node16.json"], app);
    check(
      "tsc, module esnext, bundler",
      process.execPath,
      [tsc, "-p", "tsconfig.bundler.json"],
      app,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\nConsumer check: ${failures.length} failed, in ${seconds(started)}`);
if (failures.length > 0) process.exit(1);

/** Writes the application's code: README examples, entry imports and the runtime scenario. */
function writeSources(dir, packages, entries) {
  // The TypeScript of each README, as a user would paste it.
  for (const pkg of packages) {
    const readme = readFileSync(join(pkg.dir, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    if (blocks.length === 0) throw new Error(`${pkg.name}: README.md has no ts example`);
    const base = pkg.name.replace("@rookery/", "readme-");
    blocks.forEach((code, i) => {
      writeFileSync(join(dir, "src", `${base}-${i + 1}.ts`), code);
    });
  }
  // Every entry, imported (ESM) and, where it has a require() build, required (CJS).
  const esm = entries.map((entry) => entry.specifier);
  const cjs = entries.filter((entry) => entry.cjs).map((entry) => entry.specifier);
  const ids = (list) => list.map((_, i) => `entry${i}`).join(", ");
  writeFileSync(
    join(dir, "src", "entries.ts"),
    `${esm.map((entry, i) => `import * as entry${i} from "${entry}";`).join("\n")}\n` +
      `export const entries = [${ids(esm)}];\n`,
  );
  writeFileSync(
    join(dir, "src", "entries.cts"),
    `${cjs.map((entry, i) => `import entry${i} = require("${entry}");`).join("\n")}\n` +
      `export const entries = [${ids(cjs)}];\n`,
  );

  const compilerOptions = {
    target: "es2022",
    lib: ["es2023"],
    types: ["node"],
    strict: true,
    noEmit: true,
    // Our declarations are checked too, against the installed zod, neverthrow and pg.
    skipLibCheck: false,
  };
  const tsconfig = (options, include) =>
    `${JSON.stringify({ compilerOptions: options, include })}\n`;
  writeFileSync(
    join(dir, "tsconfig.node16.json"),
    tsconfig({ ...compilerOptions, module: "node16", moduleResolution: "node16" }, ["src"]),
  );
  writeFileSync(
    join(dir, "tsconfig.bundler.json"),
    tsconfig({ ...compilerOptions, module: "esnext", moduleResolution: "bundler" }, ["src/*.ts"]),
  );

  writeFileSync(join(dir, "esm.mjs"), scenario(esm, "(name) => import(name)"));
  writeFileSync(join(dir, "cjs.cjs"), scenario(cjs, "async (name) => require(name)"));
  writeFileSync(
    join(dir, "one-copy.mjs"),
    `import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
const [name, version] = process.argv.slice(2);
const paths = execFileSync("npm", ["ls", name, "--all", "--parseable"], { encoding: "utf8" })
  .split("\\n").filter(Boolean);
if (new Set(paths).size !== 1) throw new Error(\`\${name} is installed \${paths.length} times: \${paths.join(", ")}\`);
const installed = JSON.parse(readFileSync(\`\${paths[0]}/package.json\`, "utf8")).version;
if (installed !== version) throw new Error(\`\${name}: \${installed} installed, not \${version}\`);
`,
  );
}

/** The run-time check, the same for ESM and CJS but for how a module is loaded. */
function scenario(entries, load) {
  return `const load = ${load};
const entries = ${JSON.stringify(entries)};
const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

async function main() {
  for (const entry of entries) {
    const module = await load(entry);
    check(Object.keys(module).length > 0, \`\${entry} exports nothing\`);
  }
  const { createTenancy } = await load("@rookery/core");
  const { memoryAdapter } = await load("@rookery/memory");
  const { nileAdapter } = await load("@rookery/nile");
  const { z } = await load("zod");
  const pg = await load("pg");

  const tenancy = createTenancy({
    adapter: memoryAdapter(),
    plans: { starter: { limits: { seats: 3, workspaces: 1 } } },
    resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string() }) } },
  });
  check(tenancy.isOk(), \`createTenancy: \${JSON.stringify(tenancy.error)}\`);
  const signup = await tenancy.value.platform.provisionTenant({
    name: "Penguin Corp",
    plan: "starter",
    owner: { email: "pat@penguin.example" },
  });
  check(signup.isOk(), \`provisionTenant: \${JSON.stringify(signup.error)}\`);
  const scope = await tenancy.value.as(signup.value.owner.userId);
  check(scope.isOk(), \`as: \${JSON.stringify(scope.error)}\`);
  const note = await scope.value.resources("note").create({ data: { text: "hello" } });
  check(note.isOk() && note.value.data.text === "hello", \`create: \${JSON.stringify(note.error)}\`);

  // The HTTP layer: a Hono app with the middleware, a 401 problem and a scoped answer.
  const { Hono } = await load("hono");
  const { rookery, problemHandler, unwrap } = await load("@rookery/hono");
  const { instrumentTenancy } = await load("@rookery/telemetry");
  const traced = instrumentTenancy(tenancy.value);
  const app = new Hono();
  app.onError(problemHandler());
  app.use(rookery({ tenancy: traced, identify: (c) => c.req.header("x-user") ?? null }));
  app.get("/note", async (c) => c.json(unwrap(await c.var.scope.resources("note").get(note.value.id))));
  const anonymous = await app.request("/note");
  check(anonymous.status === 401, \`hono: \${anonymous.status} without a user\`);
  check(
    anonymous.headers.get("content-type") === "application/problem+json",
    "hono: a problem+json answer",
  );
  const answered = await app.request("/note", { headers: { "x-user": signup.value.owner.userId } });
  const body = await answered.json();
  check(answered.status === 200 && body.data.text === "hello", \`hono: \${JSON.stringify(body)}\`);
  const { problemHandler: expressProblems } = await load("@rookery/express");
  check(typeof expressProblems() === "function", "express: problemHandler");

  // The Pool constructor connects lazily: no database is needed to build the adapter.
  const pool = new (pg.default ?? pg).Pool({ connectionString: "postgres://127.0.0.1:1/none" });
  const adapter = nileAdapter({ pool });
  check(adapter.isOk(), \`nileAdapter: \${JSON.stringify(adapter.error)}\`);
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}
