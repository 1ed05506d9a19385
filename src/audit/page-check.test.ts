import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  canonicalJson,
  chainHash,
  chainHashV2,
  encoderFor,
  GENESIS_HASH,
  type EncodedFields,
  type HashVersion,
} from "./canonical.ts";
import { isoFromTimestamptz } from "./chain-reader.ts";
import { pageChecker } from "./page-check.ts";

const ORG = "org_0123456789abcdef";
const encode = encoderFor(ORG);

/** An event's fields as a page holds them: the timestamp as PostgreSQL prints it in UTC. */
type Stored = Omit<EncodedFields, "organizationId" | "occurredAt"> & { at: string };

/** Stored rows chained with the reference encoding of `version`, as `readChainPage` packs them. */
function chain(rows: Stored[], version: HashVersion = 1): { page: Buffer; hashes: string[] } {
  let prev = GENESIS_HASH;
  const hashes: string[] = [];
  const records = rows.map((r) => {
    const text = [r.actorType, r.actorId, r.action, r.targetType, r.targetId];
    const hash =
      version === 2
        ? chainHashV2(ORG, [String(r.seq), r.at, ...text, r.changes, prev])
        : chainHash(
            prev,
            encode(
              r.seq,
              isoFromTimestamptz(r.at),
              ...(text as [string, string, string, string, string]),
              r.changes,
            ),
          );
    const record = [`ev${r.seq}`, r.seq, r.at, ...text, r.changes, prev, hash, version].join("\x1f");
    hashes.push(hash);
    prev = hash;
    return record;
  });
  return { page: Buffer.from(records.join("\x1e"), "utf8"), hashes };
}

const row = (seq: number, overrides: Partial<Stored> = {}): Stored => ({
  seq,
  at: `2025-01-31 09:00:${String(seq % 60).padStart(2, "0")}.25+00`,
  actorType: "user",
  actorId: `usr_${seq}`,
  action: "policy.acknowledged",
  targetType: "policy-version",
  targetId: `pv_${seq}`,
  changes: canonicalJson({ version: seq, note: "ünïcode ✓" }),
  ...overrides,
});

/** How many records from the start the fast path confirms. */
function confirmed(page: Buffer, headSeq = 1000): number {
  return pageChecker(ORG, headSeq, GENESIS_HASH).check(page, 0, 1).expected - 1;
}

/** Checks a whole page from the chain's start: every record confirmed, the last one named. */
function assertConfirmsAll(page: Buffer, hashes: string[]): void {
  const checker = pageChecker(ORG, 1000, GENESIS_HASH);
  const done = checker.check(page, 0, 1);
  assert.equal(done.stop, page.length);
  assert.equal(done.expected, hashes.length + 1);
  assert.equal(checker.prevHash(), hashes.at(-1));
  assert.equal(page.toString("utf8", done.lastIdStart, done.lastIdEnd), `ev${hashes.length}`);
}

describe("byte-level page check, hash version 2", () => {
  it("confirms records whatever their text holds, since the hash covers it as stored", () => {
    const rows = [1, 2, 3, 4].map((seq) => row(seq));
    rows[1]!.actorId = 'usr_"quoted"\\';
    rows[2]!.at = "2025-01-31 09:00:03+00";
    const { page, hashes } = chain(rows, 2);
    assert.equal(hashes.length, 4);
    assertConfirmsAll(page, hashes);
  });

  it("stops at altered fields, broken links, wrong seqs, separators and relabelled versions", () => {
    const { page } = chain(
      [1, 2, 3].map((seq) => row(seq)),
      2,
    );
    const text = page.toString("utf8");
    const altered = (from: string, to: string) => confirmed(Buffer.from(text.replace(from, to), "utf8"));
    assert.equal(altered("usr_2", "usr_9"), 1, "altered actor");
    assert.equal(altered('"version":2', '"version":7'), 1, "altered changes");
    assert.equal(altered("09:00:02.25", "09:00:02.26"), 1, "altered time");
    assert.equal(altered("pv_2", "pv_2\x1fextra"), 1, "a separator inside a field");
    assert.equal(altered("usr_2\x1fpolicy", "usr_2policy"), 1, "two fields run together");
    assert.equal(confirmed(page, 2), 2, "beyond the chain head");
    const second = page.indexOf(0x1e) + 1;
    const relabelled = Buffer.from(page);
    relabelled[second - 2] = 0x31; // the first record's hash_version: "2" becomes "1"
    assert.equal(confirmed(relabelled), 0, "a version 2 record claiming version 1");
    const unlinked = pageChecker(ORG, 1000, GENESIS_HASH).check(page, second, 2);
    assert.equal(unlinked.expected, 2, "prev_hash is not the hash the chain reached");
    const { page: gap } = chain([row(1), row(3)], 2);
    assert.equal(confirmed(gap), 1, "seq gap");
  });

  it("follows a chain from version 1 records into version 2 ones", () => {
    const v1 = chain([row(1), row(2)], 1);
    // Version 2 records chained on from the last version 1 hash, as after the migration.
    let prev = v1.hashes[1]!;
    const records = [row(3), row(4)].map((r) => {
      const fields = [
        String(r.seq),
        r.at,
        r.actorType,
        r.actorId,
        r.action,
        r.targetType,
        r.targetId,
        r.changes,
      ];
      const hash = chainHashV2(ORG, [...fields, prev]);
      const record = [`ev${r.seq}`, ...fields, prev, hash, "2"].join("\x1f");
      prev = hash;
      return record;
    });
    const page = Buffer.concat([v1.page, Buffer.from(`\x1e${records.join("\x1e")}`, "utf8")]);
    assert.equal(confirmed(page), 4);
  });
});

describe("byte-level page check, hash version 1", () => {
  it("confirms plain records, whatever the timestamp's fraction", () => {
    const rows = [1, 2, 3, 4, 5].map((seq) => row(seq));
    rows[1]!.at = "2025-01-31 09:00:02+00";
    rows[2]!.at = "2025-01-31 09:00:03.123+00";
    rows[3]!.at = "2025-01-31 09:00:04.123456+00";
    const { page, hashes } = chain(rows);
    assert.equal(hashes.length, 5);
    assertConfirmsAll(page, hashes);
  });

  it("leaves text JSON escapes, and odd timestamps, to the reference check", () => {
    for (const odd of [
      { actorId: 'usr_"quoted"' },
      { targetId: "back\\slash" },
      { action: "tab\there" },
      { targetType: "é-type" }, // fine: not escaped by JSON, so confirmed below
      { at: "2025-01-31 10:00:00+01" },
      { at: "10000-01-31 09:00:00+00" },
    ]) {
      const { page } = chain([row(1), row(2, odd), row(3)]);
      const expected = "targetType" in odd ? 3 : 1;
      assert.equal(confirmed(page), expected, JSON.stringify(odd));
    }
  });

  it("cannot be fooled by an escape written into the stored text", () => {
    // The reference encodes `a"b` as "a\"b"; storing `a\"b` instead would give the same bytes
    // if copied raw. The fast path refuses the backslash, so the reference check sees the change.
    const { page } = chain([row(1), row(2, { actorId: 'a"b' })]);
    const forged = Buffer.from(page.toString("utf8").replace('a"b', 'a\\"b'), "utf8");
    assert.equal(confirmed(forged), 1);
  });

  it("stops at altered fields, broken links, wrong seqs and events beyond the head", () => {
    const rows = [1, 2, 3].map((seq) => row(seq));
    const { page } = chain(rows);
    const text = page.toString("utf8");
    assert.equal(confirmed(Buffer.from(text.replace("usr_2", "usr_9"), "utf8")), 1, "altered actor");
    assert.equal(
      confirmed(Buffer.from(text.replace('"version":2', '"version":7'), "utf8")),
      1,
      "altered changes",
    );
    assert.equal(confirmed(page, 2), 2, "beyond the chain head");
    const { page: gap } = chain([row(1), row(3)]);
    assert.equal(confirmed(gap), 1, "seq gap");
    const second = page.indexOf(0x1e) + 1;
    const unlinked = pageChecker(ORG, 1000, GENESIS_HASH).check(page, second, 2);
    assert.equal(unlinked.expected, 2, "prev_hash is not the hash the chain reached");
    assert.equal(unlinked.stop, second);
    const extra = Buffer.from(text.replace("pv_2", "pv_2\x1fextra"), "utf8");
    assert.equal(confirmed(extra), 1, "a separator inside a field");
  });

  it("leaves changes stored in another JSON form to the reference check", () => {
    const { page } = chain([row(1)]);
    // jsonb's formatting of the same object: the reference re-encodes it, the fast path does not.
    const spaced = Buffer.from(page.toString("utf8").replace('{"note":', '{"note": '), "utf8");
    assert.equal(confirmed(spaced), 0);
  });
});
