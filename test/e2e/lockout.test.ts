/**
 * Journey: account lockout after the number of failed sign-ins the organization's profile states;
 * the page says the account is locked, the right password does not help until the lockout ends.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import { errorSummary, loadExampleProfile, owner, ownerReady, setProfileNumber, signIn } from "./steps.ts";

const lockedMessage = "This account is locked after too many failed attempts; try again later";

describe("lockout in the browser", { skip: chromiumMissing, timeout: 120_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("locks the account after the profile's failed attempts and shows why", async () => {
    const { page } = journey;
    await ownerReady(journey);
    await loadExampleProfile(journey);
    await setProfileNumber(page, "Lockout attempts", 3);
    await setProfileNumber(page, "Lockout minutes", 15);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");

    for (let attempt = 1; attempt < 3; attempt++) {
      assert.equal(await signIn(page, owner.email, `not the password ${attempt}`), 401);
      assert.deepEqual(await errorSummary(page), ["Wrong email or password"]);
    }
    // The third failure reaches the profile's number: the account is locked.
    assert.equal(await signIn(page, owner.email, "not the password 3"), 423);
    await page.getByRole("alert").getByText(lockedMessage).waitFor();
    await screenshot(page, "lockout", { fullPage: false });

    // While locked, even the right password is refused with the same message.
    assert.equal(await signIn(page, owner.email, owner.password), 423);
    await page.getByRole("alert").getByText(lockedMessage).waitFor();
    assert.equal(new URL(page.url()).pathname, "/sign-in");

    // After the profile's lockout minutes the right password works again.
    journey.clock.advanceMinutes(16);
    assert.equal(await signIn(page, owner.email, owner.password), 200);
    await page.getByRole("heading", { name: "Enter your authentication code" }).waitFor();
    assert.deepEqual(journey.problems(), []);
  });
});
