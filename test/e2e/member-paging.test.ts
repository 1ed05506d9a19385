/**
 * Journey: an organization of 151 members. The owner pages through the members and the
 * acknowledgments with the keyboard, searches by name, and downloads a CSV holding every member
 * the filter selects, not only the page on screen.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { seedManyMembers } from "../identity/many-members.ts";
import { chromiumMissing, screenshot, startJourney, type Journey } from "./harness.ts";
import { loadExampleProfile, navLink, ownerReady } from "./steps.ts";

const summary = (page: Page) =>
  page.getByRole("navigation", { name: "Pages of members" }).getByRole("status");
const firstColumn = (page: Page) =>
  page.getByRole("region", { name: "Members on this page" }).locator("tbody tr td:first-child");

/** Moves a page with the keyboard: focus the button, press Enter, wait for the new page's line. */
async function turn(page: Page, button: "Previous page" | "Next page", expected: string): Promise<void> {
  await page.getByRole("button", { name: button }).focus();
  await page.keyboard.press("Enter");
  await summary(page).getByText(expected, { exact: true }).waitFor();
}

/** The element that has focus, by role and name as far as the page says. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.getAttribute("role") ?? element?.tagName ?? ""}: ${element?.getAttribute("aria-label") ?? ""}`;
  });

describe("member lists a page at a time in the browser", { skip: chromiumMissing, timeout: 180_000 }, () => {
  let journey: Journey;
  before(async () => {
    journey = await startJourney();
  });
  after(async () => {
    await journey.close();
  });

  it("pages, searches and downloads every matching member", async () => {
    const { page, db } = journey;
    await ownerReady(journey);
    await loadExampleProfile(journey);
    await page.getByRole("button", { name: "Publish policies from the current profile" }).click();
    await page.getByText(/^Version \S+ published/).waitFor();
    const { rows } = await db.query<{ id: string }>("SELECT id FROM organizations");
    await seedManyMembers(db, rows[0]!.id, { count: 150, domain: "northwind.example" });

    await navLink(page, "Members").click();
    await summary(page).getByText("Showing 1–100 of 151 members", { exact: true }).waitFor();
    assert.equal(await firstColumn(page).count(), 100);
    assert.equal(await page.getByRole("button", { name: "Previous page" }).isDisabled(), true);

    await turn(page, "Next page", "Showing 101–151 of 151 members");
    // Focus moves to the new rows, so reading starts at the top of the page just loaded.
    assert.equal(await focused(page), "region: Members on this page");
    const second = await firstColumn(page).allInnerTexts();
    assert.deepEqual([second.length, second[0], second.at(-1)], [51, "Member 100", "Member 150"]);
    assert.equal(await page.getByRole("button", { name: "Next page" }).isDisabled(), true);
    await screenshot(page, "members-page-2");
    await turn(page, "Previous page", "Showing 1–100 of 151 members");
    assert.deepEqual((await firstColumn(page).allInnerTexts()).slice(0, 2), [
      "Ada Owner (you)",
      "Member 001",
    ]);

    await page.getByLabel("Name or email contains").fill("member 14");
    await page.getByLabel("Name or email contains").press("Enter");
    await summary(page).getByText("Showing 1–10 of 10 members", { exact: true }).waitFor();
    assert.deepEqual(await firstColumn(page).allInnerTexts(), [
      ...Array.from({ length: 10 }, (_, i) => `Member 14${i}`),
    ]);
    assert.equal(await page.getByRole("button", { name: "Next page" }).count(), 0);

    // The acknowledgments: everyone is missing until they acknowledge.
    await navLink(page, "Acknowledgments").click();
    await summary(page).getByText("Showing 1–100 of 151 members", { exact: true }).waitFor();
    await turn(page, "Next page", "Showing 101–151 of 151 members");
    assert.equal(await focused(page), "region: Members on this page");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const csv = readFileSync(await (await download).path(), "utf8")
      .trim()
      .split("\r\n");
    assert.equal(csv[0], "name,email,acknowledged,acknowledgedAt");
    assert.equal(csv.length, 152, "every member not acknowledged, not only the page on screen");
    assert.ok(csv.includes("Member 001,m001@northwind.example,false,"));
    assert.deepEqual(journey.problems(), []);
  });
});
