/**
 * Journey: an owner named as Security Officer in the profile publishes the policies, reads the
 * dashboard, finds work due in the inbox, is told the work needs evidence, completes it with an
 * uploaded file, and sees it done in the inbox, on its detail page and in the calendar.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import { errorSummary, navLink, owner, ownerPublishes, type ProfileDocument } from "./steps.ts";

/** BrightPath, in effect before the clock, with the owner as its Security Officer. */
function ownerAsSecurityOfficer(profile: ProfileDocument): void {
  profile["governance"]!["effectiveDate"] = "2026-03-01";
  const people = profile["people"] as Record<string, Record<string, unknown>>;
  people["securityOfficer"] = { ...people["securityOfficer"], name: owner.name, email: owner.email };
}

const alertReview = "review every alert of lower severity";

/** The Inbox link, whose name carries the count of work to do ("Inbox, 5 to do"). */
const inboxLink = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });

describe("the inbox in the browser", { skip: chromiumMissing, timeout: 180_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("completes due work with an uploaded file", async () => {
    const { page } = journey;
    await ownerPublishes(journey, ownerAsSecurityOfficer);

    await navLink(page, "Dashboard").click();
    await page.getByRole("heading", { name: "Due this week" }).waitFor();
    assert.match(await page.locator(".totals").innerText(), /Due/);
    await screenshot(page, "dashboard", { fullPage: false });

    await inboxLink(page).click();
    await inboxLink(page).getByText("5").waitFor();
    await page.getByRole("heading", { name: /^Due/ }).waitFor();
    const item = page.getByRole("listitem").filter({ hasText: alertReview });
    await item.getByRole("button", { name: /^Complete/ }).click();
    await item.getByRole("heading", { name: "Complete this work" }).waitFor();
    // Sent without evidence: the server's field error appears in the summary and beside the field.
    await item.getByRole("button", { name: "Mark as done" }).click();
    assert.deepEqual(await errorSummary(page), [
      "Evidence: attach at least one file or link that shows the work was done",
    ]);
    await item.locator("#evidence-file-error").waitFor();
    await screenshot(page, "inbox");

    await item
      .getByLabel("What was done (optional)")
      .fill("Reviewed the week's alerts; none needed an incident.");
    await item.getByLabel("Upload a file").setInputFiles({
      name: "alert-review-week-10.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Alerts reviewed: 14. Incidents opened: 0.\n"),
    });
    assert.equal(await item.getByLabel("Title of the file").inputValue(), "alert-review-week-10.txt");
    await item.getByRole("button", { name: "Mark as done" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Work recorded as done, with 1 evidence item:" })
      .waitFor();
    await page.getByRole("table").filter({ hasText: alertReview }).waitFor();
    assert.equal(await page.locator(".work-list").filter({ hasText: alertReview }).count(), 0);
    await inboxLink(page).getByText("4").waitFor();
    await screenshot(page, "inbox-done");

    await page.getByRole("table").getByRole("link").filter({ hasText: alertReview }).click();
    await page.locator(".summary-list").getByText("Done", { exact: true }).waitFor();
    await page.getByRole("link", { name: "alert-review-week-10.txt" }).waitFor();
    await screenshot(page, "work");

    await navLink(page, "Calendar").click();
    await page.getByRole("heading", { name: "March 2026", exact: true }).waitFor();
    await page.locator(".calendar").getByRole("link").first().waitFor();
    await screenshot(page, "calendar");
    assert.deepEqual(journey.problems(), []);
  });
});
