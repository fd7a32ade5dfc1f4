import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { startSeeded } from "./testing/api-client.js";

/** Debian's chromium package; Playwright's own browser download does not work here. */
const CHROMIUM = "/usr/bin/chromium";
/** Without the networking flags, chromium tries hosts a closed network refuses. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOTS = resolve(import.meta.dirname, "../../../reports/screenshots");
/** Generous: the machines are shared. Every wait below waits for a condition, never a time. */
const WAIT = 30_000;

let server: RunningServer;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The console's browser test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run installs it). It never skips.`,
    );
  }
  ({ server } = await startSeeded());
  profile = await mkdtemp(join(tmpdir(), "penguinmails-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 1000 },
  });
  context.setDefaultTimeout(WAIT);
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
}, 120_000);

/** A fresh page, signed in through the demo list of the sign-in page. */
async function signInAs(name: string, company: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await page.getByRole("heading", { level: 1, name: company }).waitFor();
  return page;
}

/** The explanation a disabled control is described by. */
async function explanationOf(control: Locator): Promise<string> {
  await control.waitFor();
  expect(await control.isDisabled()).toBe(true);
  const id = await control.getAttribute("aria-describedby");
  return (await control.page().locator(`#${id}`).textContent()) ?? "";
}

async function screenshot(page: Page, role: string): Promise<void> {
  const path = join(SCREENSHOTS, `${role}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot of the ${role}'s view: ${path}`);
}

const section = (page: Page, title: string) => page.getByRole("region", { name: title });

describe("the web console in headless Chromium", () => {
  it("offers the demo logins, and shows the owner everything with nothing refused", async () => {
    const page = await signInAs("Pat Penguin", "Penguin Corp");
    await page.getByRole("article", { name: "Acme Client" }).waitFor();
    await page.getByRole("article", { name: "Globex Client" }).waitFor();
    expect(await page.getByTestId("role").textContent()).toBe("owner");
    for (const label of ["Invite", "Save settings", "Change plan", "Create template"]) {
      expect(await page.getByRole("button", { name: label }).isEnabled()).toBe(true);
    }
    await section(page, "What your role may not do").getByText("Nothing").waitFor();

    // The owner's action: a company-wide setting.
    const settings = section(page, "Company settings");
    await settings.getByLabel("Signature").fill("Signed by Pat");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").getByText("Settings saved.").waitFor();
    await page.getByTestId("signature").getByText("Signed by Pat").waitFor();
    await screenshot(page, "owner");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await page.getByRole("listitem").filter({ hasText: "Sign in as" }).count()).toBe(6);
    await page.close();
  }, 120_000);

  it("shows the admin every workspace and team tool, and explains billing's refusal", async () => {
    const page = await signInAs("Ada Admin", "Penguin Corp");
    expect(await page.getByTestId("role").textContent()).toBe("admin");
    const plan = page.getByRole("button", { name: "Change plan" });
    expect(await explanationOf(plan)).toBe(
      "Not allowed: role admin is not granted billing.update.",
    );
    await section(page, "Subscription")
      .getByText("Not allowed: role admin is not granted billing.read.")
      .waitFor();

    // The table offers role changes; the policy refuses the owner's, and the page shows its trace.
    const patRow = page.getByRole("row").filter({ hasText: "pat@penguin.example" });
    await patRow.getByRole("button", { name: "Change role" }).click();
    const alert = page.getByRole("alert");
    await alert
      .getByText("Not allowed: the owner's role changes only by transferring ownership.")
      .waitFor();
    await alert.getByText("denied (owner-protected) at the owner step", { exact: false }).waitFor();

    // The admin's action: an invitation, listed at once among the pending ones.
    const invite = section(page, "Invite a member");
    await invite.getByLabel("E-mail").fill("newbie@penguin.example");
    await invite.getByRole("button", { name: "Invite" }).click();
    await page
      .getByRole("status")
      .getByText("Invitation sent to newbie@penguin.example.")
      .waitFor();
    await page
      .getByRole("list", { name: "Pending invitations" })
      .getByText("newbie@penguin.example")
      .waitFor();
    await screenshot(page, "admin");
    await page.close();
  }, 120_000);

  it("shows a member only their workspace, the disabled tools with the policy's reasons, and lets them work there", async () => {
    const page = await signInAs("Max Member", "Penguin Corp");
    expect(await page.getByTestId("role").textContent()).toBe("member");
    const acme = page.getByRole("article", { name: "Acme Client" });
    await acme.waitFor();
    expect(await page.getByRole("article").count()).toBe(1);
    expect(await page.locator("body").textContent()).not.toContain("Globex");
    expect(await explanationOf(page.getByRole("button", { name: "Invite" }))).toBe(
      "Not allowed: role member is not granted member.add.",
    );
    expect(await explanationOf(page.getByRole("button", { name: "Save settings" }))).toBe(
      "Not allowed: role member is not granted settings.update.",
    );
    expect(await explanationOf(acme.getByRole("button", { name: "Assign" }))).toBe(
      "Not allowed: role member is not granted workspace.assign.",
    );
    const refusals = section(page, "What your role may not do");
    await refusals.getByText("member.add").first().waitFor();

    // The member's action: a campaign in the assigned workspace.
    await acme.getByLabel("New campaign subject").fill("Browser launch");
    await acme.getByRole("button", { name: "Create campaign" }).click();
    await page
      .getByRole("status")
      .getByText("Campaign “Browser launch” created in Acme Client.")
      .waitFor();
    await page
      .getByRole("article", { name: "Acme Client" })
      .getByText("Browser launch (draft)")
      .waitFor();
    await screenshot(page, "member");
    await page.close();
  }, 120_000);

  it("shows a member of Krill Inc their company, and nothing of Penguin Corp", async () => {
    const page = await signInAs("Kai Krill", "Krill Inc");
    await page
      .getByRole("article", { name: "Krill Digest" })
      .getByText("Krill digest #1 (draft)")
      .waitFor();
    // Everything in the document, hidden parts included.
    const text = (await page.locator("body").textContent()) ?? "";
    for (const foreign of [
      "Penguin Corp",
      "penguin.example",
      "Acme",
      "Globex",
      "Spring launch",
      "Newsletter",
      "pat@",
      "Browser launch",
    ]) {
      expect(text).not.toContain(foreign);
    }
    await screenshot(page, "krill-member");
    await page.close();
  }, 120_000);
});
