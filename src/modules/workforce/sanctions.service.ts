/**
 * `recordSanction`: an entry in the sanctions log. The notes stay on the row; the audit event
 * carries the person's id, the date and the two categories only.
 */
import { recordEvent } from "../../audit/index.ts";
import type { Database } from "../../db/index.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { listCurrentPolicySummaries } from "../policies/policies.repo.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import { findPerson } from "./people.repo.ts";
import { insertSanction } from "./sanctions.repo.ts";
import type { RecordSanctionBody } from "./sanctions.schema.ts";

export async function recordSanction(options: {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  sanction: RecordSanctionBody;
  now: Date;
}): Promise<string> {
  const { organizationId, sanction, now } = options;
  const actor = actorOf(options.caller, "recordSanction");
  return options.db.transaction(async (tx) => {
    if (!(await findPerson(tx, organizationId, sanction.personId))) throw notFound("person");
    if (sanction.policyId !== null) {
      // Once policies are published, the reference must name one of them.
      const policies = await listCurrentPolicySummaries(tx, organizationId);
      if (policies.length > 0 && !policies.some((p) => p.id === sanction.policyId)) {
        throw new AppError("validation_failed", "the request has invalid fields", [
          { field: "body.policyId", message: "expected the id of a published policy" },
        ]);
      }
    }
    const id = await insertSanction(tx, organizationId, { ...sanction, recordedBy: actor.id, now });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "sanction.recorded",
        target: { type: "sanction", id },
        changes: {
          personId: sanction.personId,
          occurredOn: sanction.occurredOn,
          category: sanction.category,
          action: sanction.action,
          policyId: sanction.policyId,
        },
      },
    });
    return id;
  });
}
