// The PenguinMails console: plain DOM, no framework, no build. Every button is
// drawn from what the API answers: `GET /api/me/permissions` (Rookery's
// scope.permissions()) says what the signed-in role may do, `GET /api/me/denials`
// explains what it may not, in the policy's words, and a refused call shows the
// FORBIDDEN problem's own trace. The page keeps no rules of its own.

const $ = (id) => document.getElementById(id);

/** Builds an element; strings become text nodes, never HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

let uniqueId = 0;
const nextId = (prefix) => `${prefix}-${++uniqueId}`;

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, init);
  if (response.status === 204) return null;
  const data = await response.json();
  if (!response.ok)
    throw Object.assign(new Error(data.detail ?? "Request failed"), { problem: data });
  return data;
}

function say(message) {
  $("problem").replaceChildren();
  $("status").textContent = message;
}

function showProblem(error) {
  $("status").replaceChildren();
  const problem = error.problem ?? { detail: String(error.message) };
  const parts = [h("p", {}, h("strong", {}, problem.code ?? "Error"), ": ", problem.detail ?? "")];
  if (Array.isArray(problem.trace) && problem.trace.length > 0) {
    parts.push(
      h("p", {}, "The policy's decision, step by step:"),
      h("pre", {}, problem.trace.join("\n")),
    );
  }
  $("problem").replaceChildren(...parts);
}

/** Runs an action, reports its outcome, and redraws the page. */
async function act(done, work) {
  try {
    await work();
    await render();
    say(done);
  } catch (error) {
    showProblem(error);
  }
}

/**
 * A form whose submit button is enabled only when the permissions allow the
 * action; otherwise the button is disabled and described by the policy's
 * explanation of the denial.
 */
function guardedForm({ allowed, denial, label, fields = [], onSubmit }) {
  const button = h("button", { type: "submit", disabled: !allowed }, label);
  const form = h("form", {}, ...fields, button);
  if (allowed) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      onSubmit(new FormData(form), form);
    });
    return form;
  }
  const whyId = nextId("why");
  button.setAttribute("aria-describedby", whyId);
  for (const field of form.querySelectorAll("input, select")) field.disabled = true;
  const why = h("p", { id: whyId, class: "why" }, explanation(denial));
  return h("div", { class: "guarded" }, form, why);
}

function explanation(denial) {
  return denial === undefined ? "Not allowed for your role." : `Not allowed: ${denial.detail}.`;
}

const labelled = (text, control) => h("label", {}, text, control);

// ---------------------------------------------------------------------------

async function render() {
  let session;
  try {
    session = await api("GET", "/auth/session");
  } catch {
    return renderSignIn();
  }
  $("sign-in").hidden = true;
  $("demo-logins").replaceChildren(); // nothing of the other companies stays in the page
  $("who").hidden = false;
  $("sign-out").hidden = false;
  $("who").textContent = `${session.user.name ?? session.user.email}`;
  if (session.tenantId === null) {
    $("console").hidden = true;
    $("no-company").hidden = false;
    return;
  }
  $("no-company").hidden = true;
  await renderConsole(session);
}

async function renderSignIn() {
  $("who").hidden = true;
  $("sign-out").hidden = true;
  $("console").hidden = true;
  $("no-company").hidden = true;
  $("sign-in").hidden = false;
  const logins = await api("GET", "/demo/logins");
  $("demo-logins").replaceChildren(
    ...logins.map((login) =>
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", onclick: () => signIn(login.email, login.password) },
          `Sign in as ${login.name}`,
        ),
        h(
          "span",
          {},
          `${login.role} of ${login.company}`,
          login.workspaces.length > 0 ? `, assigned to ${login.workspaces.join(", ")}` : "",
          " — ",
          h("code", {}, login.email),
        ),
      ),
    ),
  );
}

async function signIn(email, password) {
  try {
    await api("POST", "/auth/sign-in", { email, password });
    $("problem").replaceChildren();
    $("status").replaceChildren();
    await render();
  } catch (error) {
    showProblem(error);
  }
}

async function renderConsole(session) {
  const [permissions, denials, tenant, workspaces, members] = await Promise.all([
    api("GET", "/me/permissions"),
    api("GET", "/me/denials"),
    api("GET", "/tenant"),
    api("GET", "/workspaces"),
    api("GET", "/members"),
  ]);
  const can = (action, workspaceId) =>
    workspaceId === undefined
      ? permissions.tenant.includes(action)
      : (permissions.workspaces[workspaceId] ?? []).includes(action);
  const denial = (action, workspaceId) =>
    (workspaceId === undefined ? denials.tenant : (denials.workspaces[workspaceId] ?? [])).find(
      (d) => d.action === action,
    );
  const [campaigns, domains, contacts, templates, settings] = await Promise.all([
    api("GET", "/campaigns"),
    api("GET", "/domains"),
    api("GET", "/contacts"),
    api("GET", "/templates"),
    api("GET", "/settings"),
  ]);
  const subscription = can("billing.read") ? await api("GET", "/subscription") : null;
  const invitations = can("member.add") ? await api("GET", "/invitations?status=pending") : null;
  const effective = await Promise.all(
    workspaces.items.map((w) => api("GET", `/workspaces/${w.id}/settings`)),
  );
  const ctx = { session, permissions, can, denial, members: members.items };

  $("who").textContent =
    `${session.user.name ?? session.user.email} · ${permissions.role} · ${tenant.name}`;
  const parts = [
    h("h1", {}, tenant.name),
    h(
      "p",
      { class: "muted" },
      `Signed in as ${session.user.email}, `,
      h("span", { class: "badge", "data-testid": "role" }, permissions.role),
      permissions.role === "member"
        ? ` — you see the workspaces assigned to you (${workspaces.items.length}).`
        : " — you see every workspace of the company.",
    ),
    h("h2", {}, "Workspaces"),
    h(
      "div",
      { class: "grid" },
      workspaces.items.map((workspace, index) =>
        workspaceCard(ctx, workspace, effective[index], {
          campaigns: campaigns.items.filter((r) => r.workspaceId === workspace.id),
          domains: domains.items.filter((r) => r.workspaceId === workspace.id),
          contacts: contacts.items.filter((r) => r.workspaceId === workspace.id),
        }),
      ),
    ),
    workspaces.items.length === 0
      ? h("p", { class: "muted" }, "No workspace assigned to you yet.")
      : null,
    membersSection(ctx),
    inviteSection(ctx, workspaces.items, invitations),
    settingsSection(ctx, settings),
    templatesSection(ctx, templates.items),
    subscriptionSection(ctx, subscription),
    denialsSection(denials, workspaces.items),
  ];
  $("console").replaceChildren(...parts.filter((part) => part !== null));
  $("console").hidden = false;
}

function workspaceCard(ctx, workspace, effective, held) {
  const titleId = nextId("workspace");
  const list = (title, items, text) =>
    h(
      "div",
      {},
      h("h4", {}, title),
      items.length === 0
        ? h("p", { class: "muted" }, "None yet.")
        : h(
            "ul",
            {},
            items.map((item) => h("li", {}, text(item.data))),
          ),
    );
  const subject = h("input", { name: "subject", required: true, maxlength: 200 });
  const memberChoice = h(
    "select",
    { name: "userId" },
    ctx.members
      .filter((m) => m.role === "member")
      .map((m) => h("option", { value: m.userId }, m.name ?? m.email)),
  );
  return h(
    "article",
    { class: "card", "aria-labelledby": titleId, "data-workspace": workspace.name },
    h("h3", { id: titleId }, workspace.name),
    h("p", { class: "muted" }, `Signature here: “${effective.signature}”`),
    list("Campaigns", held.campaigns, (d) => `${d.subject} (${d.status})`),
    list("Domains", held.domains, (d) => `${d.hostname}${d.verified ? " ✓ verified" : ""}`),
    list("Contacts", held.contacts, (d) => `${d.name} <${d.email}>`),
    guardedForm({
      allowed: ctx.can("campaign.create", workspace.id),
      denial: ctx.denial("campaign.create", workspace.id),
      label: "Create campaign",
      fields: [labelled("New campaign subject", subject)],
      onSubmit: (form) =>
        act(`Campaign “${form.get("subject")}” created in ${workspace.name}.`, () =>
          api("POST", "/campaigns", {
            workspaceId: workspace.id,
            data: { subject: form.get("subject") },
          }),
        ),
    }),
    guardedForm({
      allowed: ctx.can("workspace.assign", workspace.id),
      denial: ctx.denial("workspace.assign", workspace.id),
      label: "Assign",
      fields: [labelled("Assign a member", memberChoice)],
      onSubmit: (form) =>
        act(`Assigned to ${workspace.name}.`, () =>
          api("PUT", `/workspaces/${workspace.id}/members/${form.get("userId")}`),
        ),
    }),
  );
}

function membersSection(ctx) {
  const changeRole = ctx.can("member.change-role");
  const remove = ctx.can("member.remove");
  const rows = ctx.members.map((member) => {
    const self = member.userId === ctx.permissions.userId;
    const actions = [];
    if (!self && changeRole) {
      const role = h(
        "select",
        { "aria-label": `New role for ${member.name ?? member.email}` },
        ["admin", "member"].map((r) => h("option", { value: r, selected: r === member.role }, r)),
      );
      actions.push(
        role,
        h(
          "button",
          {
            type: "button",
            onclick: () =>
              act(`${member.email} is now ${role.value}.`, () =>
                api("PATCH", `/members/${member.userId}`, { role: role.value }),
              ),
          },
          "Change role",
        ),
      );
    }
    if (!self && remove) {
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () =>
              act(`${member.email} was removed.`, () => api("DELETE", `/members/${member.userId}`)),
          },
          "Remove",
        ),
      );
    }
    return h(
      "tr",
      {},
      h("td", {}, member.name ?? ""),
      h("td", {}, member.email),
      h("td", {}, h("span", { class: "badge" }, member.role)),
      h("td", {}, self ? h("span", { class: "muted" }, "you") : actions),
    );
  });
  const denied = [ctx.denial("member.change-role"), ctx.denial("member.remove")].filter(Boolean);
  return h(
    "section",
    { "aria-labelledby": "members-title" },
    h("h2", { id: "members-title" }, "Members and roles"),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Name", "E-mail", "Role", "Actions"].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      h("tbody", {}, rows),
    ),
    denied.map((d) => h("p", { class: "why" }, explanation(d))),
  );
}

function inviteSection(ctx, workspaces, invitations) {
  const email = h("input", { name: "email", type: "email", required: true });
  const role = h(
    "select",
    { name: "role" },
    h("option", { value: "member" }, "member"),
    h("option", { value: "admin" }, "admin"),
  );
  const workspace = h(
    "select",
    { name: "workspaceId" },
    h("option", { value: "" }, "none"),
    workspaces.map((w) => h("option", { value: w.id }, w.name)),
  );
  return h(
    "section",
    { "aria-labelledby": "invite-title" },
    h("h2", { id: "invite-title" }, "Invite a member"),
    guardedForm({
      allowed: ctx.can("member.add"),
      denial: ctx.denial("member.add"),
      label: "Invite",
      fields: [
        labelled("E-mail", email),
        labelled("Role", role),
        labelled("Workspace (members)", workspace),
      ],
      onSubmit: (form) => {
        const body = { email: form.get("email"), role: form.get("role") };
        if (form.get("workspaceId") !== "" && form.get("role") === "member") {
          body.workspaceIds = [form.get("workspaceId")];
        }
        act(`Invitation sent to ${body.email}.`, () => api("POST", "/invitations", body));
      },
    }),
    invitations === null
      ? null
      : h(
          "div",
          {},
          h("h3", {}, "Pending invitations"),
          invitations.items.length === 0
            ? h("p", { class: "muted" }, "None.")
            : h(
                "ul",
                { "aria-label": "Pending invitations" },
                invitations.items.map((i) =>
                  h(
                    "li",
                    {},
                    `${i.email} as ${i.role} `,
                    h(
                      "button",
                      {
                        type: "button",
                        class: "link",
                        onclick: () =>
                          act(`Invitation to ${i.email} revoked.`, () =>
                            api("POST", `/invitations/${i.id}/revoke`),
                          ),
                      },
                      `Revoke ${i.email}`,
                    ),
                  ),
                ),
              ),
        ),
  );
}

function settingsSection(ctx, settings) {
  const signature = h("input", { name: "signature", value: settings.signature, maxlength: 500 });
  const limit = h("input", {
    name: "dailySendLimit",
    type: "number",
    min: 0,
    value: settings.dailySendLimit,
  });
  return h(
    "section",
    { "aria-labelledby": "settings-title" },
    h("h2", { id: "settings-title" }, "Company settings"),
    h(
      "dl",
      { class: "card" },
      h("dt", {}, "Time zone"),
      h("dd", {}, settings.timezone),
      h("dt", {}, "Daily send limit"),
      h("dd", { "data-testid": "daily-send-limit" }, String(settings.dailySendLimit)),
      h("dt", {}, "Signature"),
      h("dd", { "data-testid": "signature" }, settings.signature),
    ),
    guardedForm({
      allowed: ctx.can("settings.update"),
      denial: ctx.denial("settings.update"),
      label: "Save settings",
      fields: [labelled("Signature", signature), labelled("Daily send limit", limit)],
      onSubmit: (form) =>
        act("Settings saved.", () =>
          api("PATCH", "/settings", {
            signature: form.get("signature"),
            dailySendLimit: Number(form.get("dailySendLimit")),
          }),
        ),
    }),
  );
}

function templatesSection(ctx, templates) {
  const name = h("input", { name: "name", required: true, maxlength: 200 });
  return h(
    "section",
    { "aria-labelledby": "templates-title" },
    h("h2", { id: "templates-title" }, "Templates (shared by the company)"),
    templates.length === 0
      ? h("p", { class: "muted" }, "None yet.")
      : h(
          "ul",
          {},
          templates.map((t) => h("li", {}, t.data.name)),
        ),
    guardedForm({
      allowed: ctx.can("template.create"),
      denial: ctx.denial("template.create"),
      label: "Create template",
      fields: [labelled("Template name", name)],
      onSubmit: (form) =>
        act("Template created.", () =>
          api("POST", "/templates", { data: { name: form.get("name"), html: "<p></p>" } }),
        ),
    }),
  );
}

function subscriptionSection(ctx, subscription) {
  const plan = h(
    "select",
    { name: "plan" },
    ["starter", "growth"].map((p) => h("option", { value: p }, p)),
  );
  return h(
    "section",
    { "aria-labelledby": "subscription-title" },
    h("h2", { id: "subscription-title" }, "Subscription"),
    subscription === null
      ? h("p", { class: "why" }, explanation(ctx.denial("billing.read")))
      : h("p", {}, `Plan: ${subscription.plan} (${subscription.status})`),
    guardedForm({
      allowed: ctx.can("billing.update"),
      denial: ctx.denial("billing.update"),
      label: "Change plan",
      fields: [labelled("Plan", plan)],
      onSubmit: (form) =>
        act(`Plan changed to ${form.get("plan")}.`, () =>
          api("PUT", "/subscription/plan", { plan: form.get("plan") }),
        ),
    }),
  );
}

function denialsSection(denials, workspaces) {
  const item = (denial, where) =>
    h(
      "li",
      {},
      h("code", {}, denial.action),
      where,
      `: ${denial.detail}. `,
      h(
        "details",
        {},
        h("summary", {}, "The policy's trace"),
        h("pre", {}, denial.trace.join("\n")),
      ),
    );
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const all = [
    ...denials.tenant.map((d) => item(d, "")),
    ...Object.entries(denials.workspaces).flatMap(([id, list]) =>
      list.map((d) => item(d, ` in ${names.get(id) ?? id}`)),
    ),
  ];
  return h(
    "section",
    { "aria-labelledby": "denials-title" },
    h("h2", { id: "denials-title" }, "What your role may not do"),
    all.length === 0
      ? h("p", { class: "muted" }, "Nothing: your role may take every action here.")
      : h("ul", { class: "denials" }, all),
  );
}

// ---------------------------------------------------------------------------

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  signIn(form.get("email"), form.get("password"));
});

$("accept-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = new FormData(event.target).get("token");
  act("Welcome aboard.", () => api("POST", "/join/accept", { token }));
});

$("sign-out").addEventListener("click", async () => {
  await api("POST", "/auth/sign-out");
  say("Signed out.");
  await render();
});

render().catch(showProblem);
