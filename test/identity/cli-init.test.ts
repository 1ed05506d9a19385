/**
 * `steward init` in-process on an embedded database in a temporary directory: the password from
 * standard input, the profile stored as version 1, then `steward audit verify` on the same data.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { slugFromName } from "../../src/cli/init.ts";
import type { CliIo } from "../../src/cli/io.ts";
import { runCli } from "../../src/cli/main.ts";
import { openDatabase } from "../../src/db/index.ts";
import { securitySettingsFor } from "../../src/modules/identity/security-settings.ts";
import { examplePath } from "../support/profiles.ts";

const root = mkdtempSync(join(tmpdir(), "steward-init-"));
const dataDir = join(root, "data");
after(() => {
  rmSync(root, { recursive: true, force: true });
});

async function steward(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readStdin: () => Promise.resolve(stdin),
  };
  const code = await runCli(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const profile = examplePath("brightpath-saas.yaml");
const init = (...extra: string[]) => ["init", "--profile", profile, "--data", dataDir, ...extra];

describe("steward init", () => {
  it("makes slugs from organization names", () => {
    assert.equal(slugFromName("BrightPath"), "brightpath");
    assert.equal(slugFromName("  Cedar Ridge Health, Inc. "), "cedar-ridge-health-inc");
    assert.equal(slugFromName("Clínica São José"), "clinica-sao-jose");
    assert.equal(slugFromName("!!!"), "");
  });

  it("answers bad flags and weak passwords with exit 2 and the problem", async () => {
    assert.deepEqual(await steward(["init", "--profile", profile, "--bogus"]), {
      code: 2,
      out: "",
      err: "steward init: Unknown option '--bogus'",
    });
    assert.deepEqual(await steward(["init", "--profile", profile]), {
      code: 2,
      out: "",
      err: "steward init: --admin-email: required (the first owner's email)",
    });
    assert.deepEqual(await steward(init("--admin-email", "not-an-email")), {
      code: 2,
      out: "",
      err: "steward init: --admin-email: expected an email address",
    });
    // The example profile asks for 14 characters.
    assert.deepEqual(
      await steward(init("--admin-email", "priya.raman@brightpath.example"), "thirteen char\n"),
      {
        code: 2,
        out: "",
        err: "steward init: password: must be at least 14 characters (access.passwordMinLength in the profile)",
      },
    );
    assert.deepEqual(await steward(init("--admin-email", "priya.raman@brightpath.example"), ""), {
      code: 2,
      out: "",
      err: "steward init: no password on standard input (expected it on the first line)",
    });
    const missing = await steward([
      "init",
      "--profile",
      join(root, "nope.yaml"),
      "--admin-email",
      "a@b.example",
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.yaml: file not found\n.*invalid profile; nothing was created$/);
  });

  it("creates the organization, its owner and profile version 1, with an intact audit trail", async () => {
    const created = await steward(
      init("--admin-email", "Priya.Raman@BrightPath.example"),
      "a long and unusual passphrase\nignored second line\n",
    );
    assert.deepEqual(created, {
      code: 0,
      out: [
        `Created organization BrightPath (slug brightpath) in ${dataDir}.`,
        "Owner: priya.raman@brightpath.example, roles owner and security-officer.",
        "Stored the profile as version 1.",
        "Sign in and set up an authenticator app: owners and officers need a second factor.",
      ].join("\n"),
      err: "",
    });
    const again = await steward(
      init("--admin-email", "someone.else@brightpath.example"),
      "another long passphrase\n",
    );
    assert.deepEqual(again, {
      code: 1,
      out: "",
      err: "steward init: organization.name: an organization with this slug already exists",
    });
    assert.deepEqual(await steward(["audit", "verify", "--data", dataDir]), {
      code: 0,
      out: "audit trail intact: 3 events in 1 organization",
      err: "",
    });

    const db = await openDatabase({ dataDir });
    try {
      const { rows } = await db.query<{
        id: string;
        display_name: string;
        roles: string[];
        actions: string[];
      }>(
        `SELECT o.id, u.display_name,
                (SELECT array_agg(role ORDER BY role) FROM memberships m WHERE m.user_id = u.id) AS roles,
                (SELECT array_agg(action ORDER BY seq) FROM audit_events a WHERE a.organization_id = o.id) AS actions
           FROM organizations o, users u WHERE u.email = 'priya.raman@brightpath.example'`,
      );
      assert.deepEqual(
        rows.map((r) => ({ display_name: r.display_name, roles: r.roles, actions: r.actions })),
        [
          {
            display_name: "Priya Raman",
            roles: ["owner", "security-officer"],
            actions: ["organization.created", "membership.created", "profile.version-created"],
          },
        ],
      );
      // The stored profile now drives the security rules (BrightPath: 6 attempts, 14 characters).
      assert.deepEqual(await securitySettingsFor(db)(rows[0]!.id), {
        idleLogoffMinutes: 15,
        lockoutAttempts: 6,
        lockoutMinutes: 30,
        passwordMinLength: 14,
      });
    } finally {
      await db.close();
    }
  });
});
