import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { z } from "zod";
import { AuditEventSchema, eventSchemas } from "./events/index.ts";
import { isSecretKey, SECRET_KEY_FRAGMENTS } from "./secrets.ts";

const signedIn = { action: "user.signed-in", target: { type: "user", id: "usr_1" }, changes: { mfa: true } };
const secretNames = [
  "password",
  "token",
  "secret",
  "totp",
  "recoveryCodes",
  "passwordHash",
  "api_token",
  "totpSecret",
  "clientSecret",
];

/** Every property name a JSON Schema declares, at any depth. */
function propertyNames(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) propertyNames(item, out);
  else if (typeof schema === "object" && schema !== null) {
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === "properties" && typeof value === "object" && value !== null)
        out.push(...Object.keys(value));
      propertyNames(value, out);
    }
  }
  return out;
}

describe("audit event schemas", () => {
  it("accept each event type", () => {
    assert.equal(AuditEventSchema.safeParse(signedIn).success, true);
    assert.equal(
      eventSchemas.length,
      new Set(eventSchemas.map((s) => s.shape.action.value)).size,
      "one schema per action",
    );
  });

  it("refuse secret fields anywhere in an event", () => {
    for (const name of secretNames) {
      for (const event of [
        { ...signedIn, changes: { mfa: true, [name]: "x" } },
        { ...signedIn, [name]: "x" },
        { ...signedIn, target: { type: "user", id: "usr_1", [name]: "x" } },
      ]) {
        const result = AuditEventSchema.safeParse(event);
        assert.equal(result.success, false, `${name} was accepted`);
        assert.ok(!JSON.stringify(result.error?.issues).includes('"x"'), "the value is not echoed");
      }
      assert.equal(isSecretKey(name), true, name);
    }
    assert.equal(isSecretKey("mfa"), false);
  });

  it("declare no secret-named field in any schema", () => {
    for (const schema of eventSchemas) {
      const names = propertyNames(z.toJSONSchema(schema));
      assert.ok(names.length > 0);
      for (const name of names)
        assert.equal(isSecretKey(name), false, `${schema.shape.action.value} declares ${name}`);
    }
    assert.ok(SECRET_KEY_FRAGMENTS.includes("recoverycode"));
  });
});
