import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { canonicalJson, chainHash, encodeEvent, GENESIS_HASH } from "./canonical.ts";

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
    const encoding = encodeEvent({
      organizationId: "org_1",
      seq: 1,
      occurredAt: "2025-01-31T09:00:00.000Z",
      actorType: "user",
      actorId: "usr_1",
      action: "organization.renamed",
      targetType: "organization",
      targetId: "org_1",
      changes: canonicalJson({ name: { to: 'Ünïcode "Health"', from: "Old" } }),
    });
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
});
