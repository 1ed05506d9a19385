/**
 * Steps the journeys share, each done the way a person would: by labels, button names and the
 * text on the page. The API is used directly only to load a whole example profile (typing two
 * hundred fields is not what these journeys test).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { totpCode } from "../../src/modules/identity/totp.ts";
import { packageRoot } from "../../src/paths.ts";
import { screenshot, type Journey } from "./harness.ts";

export const owner = {
  organization: "Northwind Health",
  name: "Ada Owner",
  email: "ada@northwind.example",
  password: "correct horse battery staple",
};

/** A link of the main navigation (the page body may hold links with the same words). */
export const navLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    // The Inbox link's name gains its badge ("Inbox , 1 to do") once the count arrives, which
    // may be before or after the click: the name is matched with or without it.
    name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\s*,|$)`),
  });

/** The text of the error summary's items, as a list. */
export async function errorSummary(page: Page): Promise<string[]> {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  return (await summary.getByRole("listitem").allInnerTexts()).map((text) => text.trim());
}

/** First start: the app sends a new installation to the setup page; create the organization. */
export async function setUp(journey: Journey): Promise<void> {
  const { page } = journey;
  await page.goto(`${journey.url}/`);
  await page.waitForURL("**/setup");
  await page.getByLabel("Organization name").fill(owner.organization);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Your email address").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Confirm password").fill(owner.password);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL("**/sign-in");
}

/** Fills in and sends the sign-in form; returns the status the API answered (401, 423, 200...). */
export async function signIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith("/api/v1/auth/sign-in")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return response.status();
}

/**
 * Enrolls the signed-in user's authenticator: reads the setup key from the page, answers with the
 * code an app would show at the server's (controlled) time. Returns the key and recovery codes.
 */
export async function enrollMfa(
  page: Page,
  journey: Journey,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.waitForURL("**/mfa**");
  await page.getByRole("button", { name: "Create my setup key" }).click();
  const secret = (await page.locator("#mfa-secret").innerText()).replace(/\s+/g, "");
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await page.getByLabel("Authentication code").fill(totpCode(secret, journey.clock.now()));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
  const recoveryCodes = (
    await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts()
  ).map((code) => code.trim());
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  return { secret, recoveryCodes };
}

/** The sign-in's second step. The clock moves on first: a code is accepted once per 30 seconds. */
export async function verifyMfa(page: Page, journey: Journey, secret: string): Promise<void> {
  await page.waitForURL("**/mfa**");
  journey.clock.advanceMinutes(1);
  await page.getByLabel("Authentication code").fill(totpCode(secret, journey.clock.now()));
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Setup, sign-in and enrollment of the owner: where most journeys start. */
export async function ownerReady(journey: Journey): Promise<{ secret: string }> {
  await setUp(journey);
  await signIn(journey.page, owner.email, owner.password);
  const { secret } = await enrollMfa(journey.page, journey);
  await journey.page.waitForURL("**/policies");
  return { secret };
}

/** An example profile as the API takes it, its sections as plain records. */
export type ProfileDocument = Record<string, Record<string, unknown>>;

/**
 * Saves an example profile through the API with the page's own session (cookie and CSRF token),
 * after `change` adjusts it (naming the journey's people as officers, an effective date...).
 */
export async function loadExampleProfile(
  journey: Journey,
  page = journey.page,
  change: (profile: ProfileDocument) => void = () => {},
): Promise<void> {
  const profile = parse(
    readFileSync(join(packageRoot(), "examples", "brightpath-saas.yaml"), "utf8"),
  ) as ProfileDocument;
  change(profile);
  const session = (await (await page.request.get(`${journey.url}/api/v1/session`)).json()) as {
    csrfToken: string;
  };
  const response = await page.request.put(`${journey.url}/api/v1/profile`, {
    data: profile,
    headers: { "x-csrf-token": session.csrfToken },
  });
  assert.equal(response.status(), 200, await response.text());
}

/** Changes one number of the profile through the profile form and saves it. */
export async function setProfileNumber(page: Page, label: string, value: number): Promise<void> {
  await navLink(page, "Profile").click();
  const field = page.getByLabel(label, { exact: true });
  await field.fill(String(value));
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByRole("status").filter({ hasText: "Profile saved as version" }).waitFor();
}

/** The link an invitation email carries. */
export function invitationLink(journey: Journey, to: string): string {
  const mail = journey.sent.findLast((message) => message.to === to);
  assert.ok(mail, `no email was sent to ${to}`);
  const link = /https?:\/\/\S+\/accept-invitation\?token=\S+/.exec(mail.text)?.[0];
  assert.ok(link, "the invitation email has no link");
  return link;
}

/** Invites one person with one role from the members page (the page must be open). */
export async function invite(
  page: Page,
  person: { name: string; email: string },
  role: string,
): Promise<void> {
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  const roles = page.getByRole("group", { name: "Roles" });
  await roles.getByLabel("Workforce member", { exact: false }).uncheck();
  await roles.getByLabel(role, { exact: false }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText(`Invitation sent to ${person.email}.`).waitFor();
}

/** Follows an invitation link in `page`, sets a password and signs in. */
export async function joinOrganization(
  page: Page,
  link: string,
  person: { email: string; password: string },
  shot?: string,
): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
  if (shot) await screenshot(page, shot, { fullPage: false });
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm password").fill(person.password);
  await page.getByRole("button", { name: "Join the organization" }).click();
  await page.waitForURL("**/sign-in");
  await page.getByText(`You have joined ${owner.organization}.`).waitFor();
  assert.equal(await signIn(page, person.email, person.password), 200);
}

/**
 * The owner sets up, saves an example profile adjusted by `change` and publishes the first version.
 * The browser's clock is the server's (controlled) one, so "today", "due" and "done recently" agree.
 */
export async function ownerPublishes(
  journey: Journey,
  change: (profile: ProfileDocument) => void,
): Promise<void> {
  const { page } = journey;
  await page.clock.setFixedTime(journey.clock.now());
  await ownerReady(journey);
  await loadExampleProfile(journey, page, change);
  await page.getByRole("button", { name: "Publish policies from the current profile" }).click();
  await page.getByText(/^Version \S+ published/).waitFor();
}
