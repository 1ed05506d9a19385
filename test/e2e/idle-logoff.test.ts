/**
 * Journey: idle logoff after the number of minutes the organization's profile states (and its
 * policies publish), measured on the server's clock; the user lands on the sign-in page told why,
 * and returns to the page they were on.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import {
  loadExampleProfile,
  navLink,
  owner,
  ownerReady,
  setProfileNumber,
  signIn,
  verifyMfa,
} from "./steps.ts";

describe("idle logoff in the browser", { skip: chromiumMissing, timeout: 120_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("signs the user out after the profile's idle minutes and says why", async () => {
    const { page } = journey;
    const { secret } = await ownerReady(journey);
    await loadExampleProfile(journey);
    await setProfileNumber(page, "Idle logoff minutes", 10);

    // Ten minutes without a request is still within the limit.
    journey.clock.advanceMinutes(10);
    await navLink(page, "Members").click();
    await page.getByRole("heading", { name: "Members" }).waitFor();
    await page.getByRole("cell", { name: "Ada Owner (you)" }).waitFor();

    // One more minute than the profile allows: the next request finds the session ended.
    journey.clock.advanceMinutes(11);
    await navLink(page, "Audit log").click();
    await page.waitForURL("**/sign-in?next=%2Faudit");
    const notice = page.getByText("You were signed out after a period of inactivity.");
    await notice.waitFor();
    await screenshot(page, "idle-logoff", { fullPage: false });
    assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0);

    // A reload keeps the user on the sign-in page; signing in again returns to the audit log.
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await signIn(page, owner.email, owner.password);
    await verifyMfa(page, journey, secret);
    await page.waitForURL("**/audit");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    assert.deepEqual(journey.problems(), []);
  });
});
