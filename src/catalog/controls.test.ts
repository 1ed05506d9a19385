/**
 * The HITRUST CSF and NIST SP 800-53 rev5 id lists: complete, well-formed, unique, and with the
 * titles policies will show. Uniqueness is checked on the raw files, since the maps would hide a
 * duplicate.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { contentDir } from "../paths.ts";
import { loadCatalog } from "./catalog.ts";

const catalog = loadCatalog();
const rawIds = (file: string) =>
  (parse(readFileSync(contentDir("catalog", file), "utf8")) as { id: string }[]).map((e) => e.id);

/** "a".."z", "aa", "ab"... as the CSF letters its control references. */
const letters = (count: number) =>
  Array.from({ length: count }, (_, i) => (i < 26 ? "" : "a") + String.fromCharCode(97 + (i % 26)));

void describe("HITRUST CSF", () => {
  // Controls per category, 00 to 12. 09 runs to 09.af (Fault Logging, Clock Synchronization).
  const perCategory = [1, 25, 9, 4, 2, 11, 10, 5, 13, 32, 13, 5, 5];
  const expectedIds = perCategory.flatMap((n, c) =>
    letters(n).map((l) => `${String(c).padStart(2, "0")}.${l}`),
  );

  void test("holds every control reference of categories 00 to 12, once each", () => {
    const ids = rawIds("hitrust-csf.yaml");
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, expectedIds);
    for (const id of ids) assert.match(id, /^\d{2}\.[a-z]{1,2}$/);
  });

  void test("titles", () => {
    assert.equal(catalog.hitrust.get("01.t")?.title, "Session Time-out");
    assert.equal(catalog.hitrust.get("09.aa")?.title, "Audit Logging");
    assert.equal(catalog.hitrust.get("11.a")?.title, "Reporting Information Security Events");
  });
});

void describe("NIST SP 800-53 rev5", () => {
  const families = [
    "AC",
    "AT",
    "AU",
    "CA",
    "CM",
    "CP",
    "IA",
    "IR",
    "MA",
    "MP",
    "PE",
    "PL",
    "PM",
    "PS",
    "PT",
    "RA",
    "SA",
    "SC",
    "SI",
    "SR",
  ];
  const withdrawn = ["AC-13", "AC-15", "AT-5", "AU-15", "CA-4", "CP-5", "IR-10", "PE-7", "PL-3", "PL-5", "PL-6", "RA-4", "SA-6", "SA-7", "SA-12", "SA-13", "SA-14", "SA-18", "SA-19", "SC-9", "SC-14", "SC-19", "SC-33", "SI-9"]; // prettier-ignore

  void test("holds the base controls of the 20 families, once each, in order, no enhancements", () => {
    const ids = rawIds("nist-800-53r5.yaml");
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[A-Z]{2}-[1-9]\d?$/);
    assert.deepEqual([...new Set(ids.map((id) => id.slice(0, 2)))], families);
    for (const family of families) {
      const numbers = ids.filter((id) => id.startsWith(family + "-")).map((id) => Number(id.slice(3)));
      // Numbered 1..n with only withdrawn controls missing.
      const max = Math.max(...numbers);
      for (let n = 1; n <= max; n++) {
        const id = `${family}-${n}`;
        assert.equal(numbers.includes(n), !withdrawn.includes(id), id);
      }
    }
    assert.equal(ids.length, 300);
  });

  void test("titles", () => {
    assert.equal(catalog.nist.get("AC-2")?.title, "Account Management");
    assert.equal(catalog.nist.get("IR-4")?.title, "Incident Handling");
    assert.equal(catalog.nist.get("AU-6")?.title, "Audit Record Review, Analysis, and Reporting");
    assert.equal(catalog.nist.get("SC-28")?.title, "Protection of Information at Rest");
    assert.equal(catalog.nist.get("PM-1")?.title, "Information Security Program Plan");
  });
});
