/**
 * Journey: a new installation, from the setup page to the owner acknowledging the policies, with
 * the second factor enrolled on the way and verified at the next sign-in.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import {
  enrollMfa,
  errorSummary,
  loadExampleProfile,
  navLink,
  owner,
  setProfileNumber,
  signIn,
  verifyMfa,
} from "./steps.ts";

describe("first run in the browser", { skip: chromiumMissing, timeout: 120_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("sets up the organization, signs in with a second factor, reads and acknowledges the policies", async () => {
    const { page } = journey;
    await page.goto(`${journey.url}/policies`);
    await page.waitForURL("**/setup");
    await screenshot(page, "setup");

    // Bad input: the server's messages appear in the summary and beside each field.
    await page.getByLabel("Organization name").fill("Northwind Health");
    await page.getByLabel("Short name").fill("North Wind!");
    await page.getByLabel("Your email address").fill("not-an-email");
    await page.getByRole("button", { name: "Create organization" }).click();
    assert.deepEqual(await errorSummary(page), [
      "Short name: expected lower-case letters and digits in groups joined by single hyphens",
      "Your name: expected a name",
      "Your email address: expected an email address",
      "Password: expected a password",
    ]);
    await screenshot(page, "setup-errors");
    const emailError = page.locator("#setup-admin-email-error");
    assert.equal(await emailError.textContent(), "Error: Expected an email address");
    // The summary's link moves focus to the field it names.
    await page.getByRole("link", { name: "Your email address: expected an email address" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "setup-admin-email");

    await page.getByLabel("Short name").fill("northwind");
    await page.getByLabel("Your name").fill(owner.name);
    await page.getByLabel("Your email address").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByLabel("Confirm password").fill(owner.password);
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByText("Your organization is set up.").waitFor();

    await signIn(page, owner.email, "wrong password, surely");
    assert.deepEqual(await errorSummary(page), ["Wrong email or password"]);
    await screenshot(page, "sign-in-error");
    await signIn(page, owner.email, owner.password);

    // Owners must enroll a second factor before anything else; the nav shows nothing until then.
    await page.getByRole("heading", { name: "Set up two-factor authentication" }).waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0);
    await screenshot(page, "mfa-start");
    const { secret, recoveryCodes } = await enrollMfa(page, journey);
    assert.equal(recoveryCodes.length, new Set(recoveryCodes).size);
    assert.ok(recoveryCodes.length >= 8, `only ${recoveryCodes.length} recovery codes`);

    await page.waitForURL("**/policies");
    await page.getByRole("heading", { name: "No policies published yet" }).waitFor();
    await screenshot(page, "policies-empty");

    // The profile: a whole example loaded, then one value changed through the form.
    await loadExampleProfile(journey);
    await setProfileNumber(page, "Idle logoff minutes", 20);
    await screenshot(page, "profile", { fullPage: false });

    await navLink(page, "Policies").click();
    await page.getByRole("button", { name: "Publish policies from the current profile" }).click();
    await page.getByText(/^Version 1 published: \d+ policies, \d+ sections\./).waitFor();
    const status = page.locator("#acknowledgment-status");
    assert.match(await status.innerText(), /Not acknowledged/);
    await screenshot(page, "policies");

    // Reading one policy: contents first, the sections as the server rendered them.
    await page.getByRole("link", { name: /System Access Policy/ }).click();
    await page.getByRole("heading", { level: 1, name: "System Access Policy" }).waitFor();
    const contents = page.getByRole("navigation", { name: "Contents" });
    const firstEntry = contents.getByRole("link").first();
    const target = await firstEntry.getAttribute("href");
    assert.ok(target !== null && target.startsWith("#"));
    await firstEntry.click();
    assert.ok(await page.locator(target).isVisible());
    // The idle logoff number just saved is what the published policy states.
    assert.match(await page.locator("article").innerText(), /20 minutes/);
    await screenshot(page, "policy", { fullPage: false });

    await page.getByRole("link", { name: "All policies" }).click();
    await page.getByRole("button", { name: "I have read and will follow these policies" }).click();
    await status.getByText("Acknowledged", { exact: true }).waitFor();
    assert.match(await status.innerText(), /You acknowledged this version on 2 Mar 2026, 09:00 UTC\./);
    await screenshot(page, "policies-acknowledged", { fullPage: false });

    // The acknowledgment is in the audit trail, and the trail verifies.
    await navLink(page, "Audit log").click();
    await page.getByRole("cell", { name: "policy.acknowledged" }).first().waitFor();
    await page.getByRole("button", { name: "Verify the chain" }).click();
    const verified = page.getByRole("status").filter({ hasText: "events verified" });
    await verified.waitFor();
    assert.match(await verified.innerText(), /^Intact\s+All \d+ events verified\.$/);
    await page.getByLabel("Action").fill("policy.acknowledged");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText(/^\d+ events shown, newest first$/).waitFor();
    const actions = await page.locator("tbody tr td:nth-child(3)").allInnerTexts();
    assert.ok(actions.length > 0);
    assert.deepEqual(new Set(actions), new Set(["policy.acknowledged"]));
    // The export links carry the same filter.
    const csv = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    assert.equal(csv, "/api/v1/audit-events/export?action=policy.acknowledged&format=csv");
    const exported = await page.request.get(`${journey.url}${csv}`);
    assert.equal(exported.status(), 200);
    assert.match(exported.headers()["content-type"] ?? "", /^text\/csv/);
    await screenshot(page, "audit", { fullPage: false });

    // Next sign-in asks for a code from the authenticator, then opens the app.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await signIn(page, owner.email, owner.password);
    await page.getByRole("heading", { name: "Enter your authentication code" }).waitFor();
    await screenshot(page, "mfa-verify");
    await verifyMfa(page, journey, secret);
    await page.waitForURL("**/policies");

    // Without the authenticator, a recovery code works once.
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, owner.email, owner.password);
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL("**/policies");
    assert.deepEqual(journey.problems(), []);
  });

  it("can be used with the keyboard: a skip link first, focus moved to the new page", async () => {
    const { page } = journey;
    await page.goto(`${journey.url}/members`);
    await page.getByRole("heading", { name: "Members" }).waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to main content");
    await screenshot(page, "skip-link", { fullPage: false });
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    // Every form control on the page has a label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea")]
        .filter((control) => (control as HTMLInputElement).labels?.length === 0)
        .map((control) => control.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
    assert.deepEqual(journey.problems(), []);
  });
});
