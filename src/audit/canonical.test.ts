import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  canonicalJson,
  chainHash,
  encodeEvent,
  eventHash,
  GENESIS_HASH,
  pgTimestampText,
} from "./canonical.ts";

/** The fields of the frozen test vectors. */
const VECTOR = {
  organizationId: "org_1",
  seq: 1,
  occurredAt: "2025-01-31T09:00:00.000Z",
  actorType: "user",
  actorId: "usr_1",
  action: "organization.renamed",
  targetType: "organization",
  targetId: "org_1",
  changes: canonicalJson({ name: { to: 'Ünïcode "Health"', from: "Old" } }),
};

describe("canonical encoding", () => {
  it("sorts keys at every depth, without whitespace, as RFC 8785 does", () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } }),
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
    assert.equal(canonicalJson({ é: 1, Z: 2, a: 3, "10": 4, "9": 5 }), '{"10":4,"9":5,"Z":2,"a":3,"é":1}');
    assert.equal(canonicalJson([1.5, -0, 1e21, 1e-7, "\u2028\n"]), '[1.5,0,1e+21,1e-7,"\u2028\\n"]');
  });

  it("drops undefined properties like JSON does and refuses what JSON cannot carry", () => {
    assert.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}');
    assert.throws(() => canonicalJson({ a: Number.NaN }), /finite/);
    assert.throws(() => canonicalJson({ a: 1n }), /bigint/);
  });

  it("is frozen: this vector changes only with a new encoding version and a migration", () => {
    const encoding = encodeEvent(VECTOR);
    assert.equal(
      encoding,
      '{"action":"organization.renamed","actor":{"id":"usr_1","type":"user"},"changes":{"name":{"from":"Old","to":"Ünïcode \\"Health\\""}},' +
        '"occurred_at":"2025-01-31T09:00:00.000Z","organization_id":"org_1","seq":1,"target":{"id":"org_1","type":"organization"}}',
    );
    // Same as: printf '%s%s' "$GENESIS" "$ENCODING" | sha256sum
    assert.equal(
      chainHash(GENESIS_HASH, encoding),
      "d7dcbc3b7e639340743fe6902b1a40f262f7cbb1a11fcce625fce2b1d08f652b",
    );
  });

  it("writes timestamps as PostgreSQL prints them in UTC, for version 2", () => {
    assert.equal(pgTimestampText("2025-01-31T09:00:00.000Z"), "2025-01-31 09:00:00+00");
    assert.equal(pgTimestampText("2025-01-31T09:00:00.100Z"), "2025-01-31 09:00:00.1+00");
    assert.equal(pgTimestampText("2025-01-31T09:00:00.120Z"), "2025-01-31 09:00:00.12+00");
    assert.equal(pgTimestampText("2025-01-31T09:00:00.007Z"), "2025-01-31 09:00:00.007+00");
  });

  it("is frozen in version 2 too: the fields' text joined by U+001F after a tag and the organization", () => {
    const hash = eventHash(2, GENESIS_HASH, { ...VECTOR, occurredAt: "2025-01-31T09:00:00.120Z" });
    // Same as: printf 'steward-audit-v2\x1forg_1\x1f1\x1f2025-01-31 09:00:00.12+00\x1fuser\x1fusr_1\x1f
    // organization.renamed\x1forganization\x1forg_1\x1f{"name":{"from":"Old","to":"Ünïcode \\"Health\\""}}\x1f%s'
    // "$GENESIS" | sha256sum (one line)
    assert.equal(hash, "3bb17a4ed47f65bd8d24f5e961315becb6fadca57be2198a60d6054bd4d0fda7");
  });
});
