import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { RegisterTest } from "./group.js";
import { rowsOf } from "./helpers.js";

export function registerUserTests(test: RegisterTest): void {
  test("user insert stores the user; get and getByEmail find it", async ({
    adapter,
    inspect,
    f,
  }) => {
    const user = f.user({ email: "pat@example.com", name: "Pat Penguin" });
    expect(expectOk(await adapter.platform((u) => u.users.insert(user)))).toEqual(user);
    expect(expectOk(await adapter.platform((u) => u.users.get(user.id)))).toEqual(user);
    const byEmail = await adapter.platform((u) => u.users.getByEmail("pat@example.com"));
    expect(expectOk(byEmail)).toEqual(user);
    expect(expectOk(await adapter.platform((u) => u.users.get(f.userId())))).toBeNull();
    const unknown = await adapter.platform((u) => u.users.getByEmail("nobody@example.com"));
    expect(expectOk(unknown)).toBeNull();
    expect(await rowsOf(inspect, "users")).toEqual([user]);
  });

  test("getMany answers the users that exist, once each, in ascending id order", async ({
    adapter,
    f,
  }) => {
    const [a, b, c] = [f.user(), f.user(), f.user()];
    for (const user of [a, b, c]) expectOk(await adapter.platform((u) => u.users.insert(user)));
    const asked = [c.id, f.userId(), a.id, c.id];
    const found = expectOk(await adapter.platform((u) => u.users.getMany(asked)));
    expect(found).toEqual([a, c].sort((x, y) => x.id.localeCompare(y.id)));
    expect(expectOk(await adapter.platform((u) => u.users.getMany([])))).toEqual([]);
  });

  test("user insert of an existing id is CONFLICT", async ({ adapter, inspect, f }) => {
    const user = f.user();
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const twin = f.user({ id: user.id, email: "other@example.com" });
    expectErr(await adapter.platform((u) => u.users.insert(twin)), "CONFLICT", "user");
    expect(await rowsOf(inspect, "users")).toEqual([user]);
  });

  test("e-mails are unique whatever their case: a second insert is CONFLICT", async ({
    adapter,
    inspect,
    f,
  }) => {
    const first = f.user({ email: "Pat@Example.com" });
    expect(first.email).toBe("pat@example.com");
    expectOk(await adapter.platform((u) => u.users.insert(first)));
    const second = f.user({ email: "PAT@EXAMPLE.COM" });
    expectErr(await adapter.platform((u) => u.users.insert(second)), "CONFLICT", "user");
    expect(await rowsOf(inspect, "users")).toEqual([first]);
  });

  test("user update changes the e-mail and frees the old one", async ({ adapter, inspect, f }) => {
    const user = f.user({ email: "old@example.com" });
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const patch = { email: "new@example.com", name: null, updatedAt: f.now() };
    const updated = expectOk(await adapter.platform((u) => u.users.update(user.id, patch)));
    expect(updated).toEqual({ ...user, ...patch });
    const old = await adapter.platform((u) => u.users.getByEmail("old@example.com"));
    expect(expectOk(old)).toBeNull();
    const reuse = f.user({ email: "old@example.com" });
    expectOk(await adapter.platform((u) => u.users.insert(reuse)), "reusing the freed e-mail");
    expect(await rowsOf(inspect, "users")).toHaveLength(2);
  });

  test("user update to a taken e-mail is CONFLICT; of an absent user NOT_FOUND", async ({
    adapter,
    inspect,
    f,
  }) => {
    const a = f.user({ email: "a@example.com" });
    const b = f.user({ email: "b@example.com" });
    for (const user of [a, b]) expectOk(await adapter.platform((u) => u.users.insert(user)));
    const taken = await adapter.platform((u) =>
      u.users.update(b.id, { email: "a@example.com", updatedAt: f.now() }),
    );
    expectErr(taken, "CONFLICT", "user");
    const absent = await adapter.platform((u) =>
      u.users.update(f.userId(), { name: "Ghost", updatedAt: f.now() }),
    );
    expectErr(absent, "NOT_FOUND", "user");
    const rows = await rowsOf(inspect, "users");
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([a, b]));
  });

  test("user remove deletes the row and reports whether one went", async ({
    adapter,
    inspect,
    f,
  }) => {
    const user = f.user();
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    expect(expectOk(await adapter.platform((u) => u.users.remove(user.id)))).toBe(true);
    expect(expectOk(await adapter.platform((u) => u.users.remove(user.id)))).toBe(false);
    expect(expectOk(await adapter.platform((u) => u.users.get(user.id)))).toBeNull();
    expect(await rowsOf(inspect, "users")).toEqual([]);
  });
}
