/**
 * Journey: the owner invites a workforce member and a privacy officer by email; the member joins
 * from the link and sees only what the role allows; the officer sees who has not acknowledged
 * the current policies, and the list follows when the member acknowledges.
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
  loadExampleProfile,
  navLink,
  ownerReady,
} from "./steps.ts";

const worker = { name: "Bo Worker", email: "bo@northwind.example", password: "a long walk on the beach" };
const officer = { name: "Cy Privacy", email: "cy@northwind.example", password: "quiet library afternoon" };

/** The rows of the acknowledgment table as "name: status". */
async function rows(page: Page): Promise<string[]> {
  const table = page.getByRole("table");
  await table.waitFor();
  const cells = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => `${tr.children[0]?.textContent ?? ""}: ${tr.children[3]?.textContent ?? ""}`),
    );
  return cells;
}

/**
 * Waits until the table shows `expected`: a new filter or page is asked of the server, and the
 * rows on screen change when it answers.
 */
async function rowsBecome(page: Page, expected: string[]): Promise<void> {
  let seen: string[] = [];
  for (let tries = 0; tries < 50; tries++) {
    seen = await rows(page);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(seen, expected);
}

/** The "Showing ..." line under a paged list. */
const pageSummary = (page: Page, list: string) =>
  page.getByRole("navigation", { name: `Pages of ${list}` }).getByRole("status");

describe("acknowledgments in the browser", { skip: chromiumMissing, timeout: 180_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("shows an officer who has not acknowledged the current policies", async () => {
    const { page } = journey;
    await ownerReady(journey);
    await loadExampleProfile(journey);
    await page.getByRole("button", { name: "Publish policies from the current profile" }).click();
    await page.getByRole("button", { name: "I have read and will follow these policies" }).click();
    await page.locator("#acknowledgment-status").getByText("Acknowledged", { exact: true }).waitFor();

    await navLink(page, "Members").click();
    await invite(page, worker, "Workforce member");
    await invite(page, officer, "Privacy officer");
    await page.getByRole("heading", { name: "Invitations waiting" }).waitFor();
    await screenshot(page, "members");
    // Changing roles happens in a panel under the table; focus moves to it.
    await page.getByRole("button", { name: "Change roles of Ada Owner" }).click();
    const heading = page.getByRole("heading", { name: "Change the roles of Ada Owner" });
    await heading.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "member-action-heading");
    await screenshot(page, "member-roles", { fullPage: false });
    await page.getByRole("button", { name: "Cancel" }).click();

    // The workforce member joins from the emailed link and sees only the policies.
    const bo = await journey.newPage();
    await joinOrganization(bo, invitationLink(journey, worker.email), worker, "accept-invitation");
    await bo.waitForURL("**/policies");
    await bo.locator("#acknowledgment-status").getByText("Not acknowledged").waitFor();
    assert.deepEqual(await bo.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts(), [
      "Inbox",
      "Calendar",
      "Policies",
      "Policies on a date",
    ]);
    await bo.goto(`${journey.url}/members`);
    await bo.getByRole("heading", { name: "Not available to your role" }).waitFor();
    await screenshot(bo, "not-available", { fullPage: false });

    // The privacy officer joins, sets up a second factor, and opens the acknowledgments.
    const cy = await journey.newPage();
    await joinOrganization(cy, invitationLink(journey, officer.email), officer);
    await enrollMfa(cy, journey);
    await navLink(cy, "Acknowledgments").click();
    await cy.getByRole("heading", { name: "Acknowledgments" }).waitFor();
    assert.equal(await cy.getByLabel("Show").inputValue(), "missing");
    assert.deepEqual(await rows(cy), ["Bo Worker: Not acknowledged", "Cy Privacy: Not acknowledged"]);
    assert.match(
      await cy.locator(".counts").innerText(),
      /1 acknowledged\s+2 not acknowledged\s+of 3 members/,
    );
    assert.equal(await pageSummary(cy, "members").innerText(), "Showing 1–2 of 2 members");
    await screenshot(cy, "acknowledgments");
    // The search is the server's: typing asks nothing until the officer searches.
    await cy.getByLabel("Name or email contains").fill("bo@");
    await cy.getByLabel("Name or email contains").press("Enter");
    await rowsBecome(cy, ["Bo Worker: Not acknowledged"]);
    await pageSummary(cy, "members").getByText("Showing 1–1 of 1 member").waitFor();
    await cy.getByLabel("Name or email contains").fill("");
    await cy.getByRole("button", { name: "Search" }).click();
    await rowsBecome(cy, ["Bo Worker: Not acknowledged", "Cy Privacy: Not acknowledged"]);

    // The member acknowledges; the officer's list follows.
    await bo.getByRole("link", { name: "All policies" }).or(navLink(bo, "Policies")).first().click();
    await bo.getByRole("button", { name: "I have read and will follow these policies" }).click();
    await bo.locator("#acknowledgment-status").getByText("Acknowledged", { exact: true }).waitFor();
    await cy.reload();
    await cy.getByRole("heading", { name: "Acknowledgments" }).waitFor();
    assert.deepEqual(await rows(cy), ["Cy Privacy: Not acknowledged"]);
    await cy.getByLabel("Show").selectOption("acknowledged");
    await rowsBecome(cy, ["Ada Owner: Acknowledged", "Bo Worker: Acknowledged"]);

    // The owner finds a member by part of the email; the open invitations stay listed in full.
    // (Still on the members page from the invitations: reloading shows who has joined since.)
    await page.reload();
    await page.getByRole("heading", { name: "Members" }).waitFor();
    await pageSummary(page, "members").getByText("Showing 1–3 of 3 members").waitFor();
    await page.getByLabel("Name or email contains").fill("CY@NORTHWIND");
    await page.getByRole("button", { name: "Search" }).click();
    await pageSummary(page, "members").getByText("Showing 1–1 of 1 member").waitFor();
    assert.deepEqual(
      await page.getByRole("table").first().locator("tbody tr td:first-child").allInnerTexts(),
      ["Cy Privacy"],
    );
    await page.getByRole("button", { name: "Show everyone" }).click();
    await pageSummary(page, "members").getByText("Showing 1–3 of 3 members").waitFor();
    assert.deepEqual(journey.problems(), []);
  });
});
