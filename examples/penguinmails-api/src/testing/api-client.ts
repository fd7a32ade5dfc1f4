import { expect } from "vitest";
import { type RunningServer, startServer } from "../server.js";

export const PASSWORD = "rookery-demo";

/** A response, its body read once: JSON when it is JSON, else text. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape
  readonly body: any;
}

/**
 * A browser-like client of the real server: it keeps better-auth's session
 * cookie from the answers it gets, and sends it back.
 */
export class Client {
  cookie: string | null = null;

  constructor(readonly base: string) {}

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const init: RequestInit = { method, headers: { ...headers } };
    const sent = init.headers as Record<string, string>;
    if (this.cookie !== null) sent.cookie = this.cookie;
    if (body !== undefined) {
      sent["content-type"] ??= "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.base}${path}`, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      if (!pair.startsWith("better-auth.session_token=")) continue;
      this.cookie = /Max-Age=0/i.test(cookie) ? null : pair;
    }
    const text = await response.text();
    const json = response.headers.get("content-type")?.includes("json") && text !== "";
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: json ? JSON.parse(text) : text,
    };
  }

  get = (path: string) => this.send("GET", path);
  post = (path: string, body?: unknown) => this.send("POST", path, body);
  put = (path: string, body?: unknown) => this.send("PUT", path, body);
  patch = (path: string, body?: unknown) => this.send("PATCH", path, body);
  delete = (path: string) => this.send("DELETE", path);

  /** The session token better-auth keeps (the cookie's value before its signature). */
  get sessionToken(): string {
    const value = decodeURIComponent(this.cookie?.split("=")[1] ?? "");
    return value.split(".")[0] ?? "";
  }
}

/** The seeded app on a free port, with its log lines kept for the tests. */
export async function startSeeded(): Promise<{ server: RunningServer; logged: string[] }> {
  const logged: string[] = [];
  const server = await startServer({ port: 0, env: {}, log: (line) => logged.push(line) });
  return { server, logged };
}

/** A client signed in as one of the seeded people. */
export async function signedIn(server: RunningServer, email: string): Promise<Client> {
  const client = new Client(server.url);
  const answer = await client.post("/api/auth/sign-in", { email, password: PASSWORD });
  expect(answer.status).toBe(200);
  return client;
}

/** Expects a problem+json answer with this status and code. */
export function expectProblem(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
}

/** The seeded people, by the local part of their e-mail. */
const SEEDED = {
  pat: "pat@penguin.example",
  ada: "ada@penguin.example",
  max: "max@penguin.example",
  mia: "mia@penguin.example",
  kim: "kim@krill.example",
  kai: "kai@krill.example",
} as const;

/** Clients signed in as several seeded people at once, named by the local part of their e-mail. */
export async function signedInAs<Name extends keyof typeof SEEDED>(
  server: RunningServer,
  ...names: Name[]
): Promise<Record<Name, Client>> {
  const clients = await Promise.all(names.map((name) => signedIn(server, SEEDED[name])));
  return Object.fromEntries(names.map((name, i) => [name, clients[i]])) as Record<Name, Client>;
}
