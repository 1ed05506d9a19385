/**
 * Journey (issue 5): policies that run. The owner, named Security Officer in the profile, publishes
 * the policies and hires a new workforce member; changes the log-review cadence through a proposal
 * that the Privacy Officer approves in her own browser; the new schedule appears from the effective
 * date. The new member completes their training with an uploaded certificate, and the dashboard
 * shows the training as met.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import {
  enrollMfa,
  invitationLink,
  invite,
  joinOrganization,
  navLink,
  owner,
  ownerPublishes,
  type ProfileDocument,
} from "./steps.ts";

const worker = { name: "Bo Worker", email: "bo@northwind.example", password: "a long walk on the beach" };
const officer = { name: "Cy Privacy", email: "cy@northwind.example", password: "quiet library afternoon" };
const training = "complete security and HIPAA training";
const logReview = "log-review";

/** BrightPath in effect before the clock, the owner its Security Officer and Cy its Privacy Officer, both approving changes. */
function twoOfficers(profile: ProfileDocument): void {
  profile["governance"]!["effectiveDate"] = "2026-03-01";
  const people = profile["people"] as Record<string, Record<string, unknown>>;
  people["securityOfficer"] = { ...people["securityOfficer"], name: owner.name, email: owner.email };
  people["privacyOfficer"] = { ...people["privacyOfficer"], name: officer.name, email: officer.email };
  profile["people"]!["policyApprovers"] = ["securityOfficer", "privacyOfficer"];
}

/** Due dates (YYYY-MM-DD) of the log reviews listed on the commitment's drill-down page, with their status. */
async function logReviews(journey: Journey, page: Page): Promise<string[]> {
  await page.goto(`${journey.url}/dashboard/commitments/${logReview}`);
  const table = page.getByRole("table");
  await table.waitFor();
  return (await table.locator("tbody tr").allInnerTexts()).map((row) => row.replace(/\s+/g, " ").trim());
}

describe("policies that run, in the browser", { skip: chromiumMissing, timeout: 240_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("a change approved by a second officer moves the schedule; training done with a certificate shows as met", async () => {
    const { page } = journey;
    await ownerPublishes(journey, twoOfficers);
    await navLink(page, "Members").click();
    await invite(page, worker, "Workforce member");
    await invite(page, officer, "Privacy officer");

    // HR's part, done here by the owner: the new member joins the roster, starting today.
    await navLink(page, "People").click();
    await page.getByLabel("Full name").fill(worker.name);
    await page.getByLabel("Email address").fill(worker.email);
    await page.getByLabel("Job title").fill("Support specialist");
    await page.getByLabel("Start date").fill("2026-03-02");
    await page.getByRole("button", { name: "Add to the roster" }).click();
    await page.getByRole("link", { name: worker.name }).waitFor();

    // Weekly log reviews from the first version: the first is due on March 8.
    assert.match((await logReviews(journey, page))[0]!, /8 Mar/);

    // The owner proposes reviewing logs every two weeks from tomorrow, and approves their own slot.
    await navLink(page, "Changes").click();
    await page.getByRole("button", { name: "Propose a change" }).click();
    await page
      .getByLabel("Summary")
      .fill("Review audit logs every two weeks; weekly reviews found nothing new.");
    await page.getByLabel("Effective date").fill("2026-03-03");
    await page.locator("#change-value-path").selectOption("auditing.logReviewCadence");
    await page.locator("#change-value-new").fill("2 weeks");
    await page.getByRole("button", { name: "Add this value to the proposal" }).click();
    await page.getByRole("button", { name: "Propose for approval" }).click();
    // The draft opens with its diff: the changed sentence and the schedules it moves.
    await page.getByText("log-review (auditing): every 1 week → every 2 weeks", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Approve this text" }).click();
    await page
      .getByRole("row", { name: /Security Officer/ })
      .getByText("Approved")
      .waitFor();
    assert.equal(await page.getByRole("button", { name: "Publish as the new version" }).count(), 0);

    // The Privacy Officer joins, sets up her second factor, reads the diff and approves.
    const cy = await journey.newPage();
    await cy.clock.setFixedTime(journey.clock.now());
    await joinOrganization(cy, invitationLink(journey, officer.email), officer);
    await enrollMfa(cy, journey);
    await navLink(cy, "Changes").click();
    await cy.getByRole("link", { name: /^Review audit logs every two weeks/ }).click();
    await cy
      .getByText(/2 weeks/)
      .first()
      .waitFor();
    await screenshot(cy, "change-approve");
    await cy.getByRole("button", { name: "Approve this text" }).click();

    // Every slot is filled: the owner publishes, and the schedule follows from March 3.
    await page.reload();
    await page.getByRole("button", { name: "Publish as the new version" }).click();
    const notice = page.getByText(/members are being emailed to acknowledge it/);
    await notice.waitFor();
    await screenshot(page, "change-published");
    // The announcements leave after the answer (the outbox): as many as the notice said.
    const announced = Number(/(\d+) members are being emailed/.exec(await notice.innerText())![1]);
    assert.ok(announced >= 2, `${announced} members announced`);
    const announcements = () =>
      journey.sent.filter((m) => /new HIPAA policies to acknowledge/.test(m.subject));
    for (let waited = 0; announcements().length < announced && waited < 10_000; waited += 50)
      await page.waitForTimeout(50);
    assert.equal(announcements().length, announced);
    await page.reload();
    await page.getByText(`${announced} sent.`).waitFor();
    await screenshot(page, "change-announced");
    const reviews = await logReviews(journey, page);
    await screenshot(page, "schedule-after-change");
    assert.equal(reviews.length, 2, reviews.join("\n"));
    assert.match(reviews[0]!, /8 Mar 2026 Replaced/);
    assert.match(reviews[1]!, /16 Mar/);

    // The new member completes their training with a certificate.
    const bo = await journey.newPage();
    await bo.clock.setFixedTime(journey.clock.now());
    await joinOrganization(bo, invitationLink(journey, worker.email), worker);
    await navLink(bo, "Inbox").click();
    await bo.waitForTimeout(1500);
    await screenshot(bo, "member-inbox");
    await bo.getByRole("heading", { name: /^Due/ }).waitFor();
    const item = bo.getByRole("listitem").filter({ hasText: training });
    await item.getByRole("button", { name: /^Complete/ }).click();
    await item.getByLabel("Upload a file").setInputFiles({
      name: "hipaa-training-certificate.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% certificate of completion\n"),
    });
    await item.getByRole("button", { name: "Mark as done" }).click();
    await bo
      .getByRole("status")
      .filter({ hasText: "Work recorded as done, with 1 evidence item:" })
      .waitFor();
    await screenshot(bo, "training-done");

    // The dashboard shows the training met, with its evidence.
    await navLink(page, "Dashboard").click();
    const row = page.getByRole("row").filter({ hasText: training });
    await row.getByText("Met", { exact: true }).waitFor();
    await screenshot(page, "dashboard-after", { fullPage: false });
    assert.deepEqual(journey.problems(), []);
  });
});
