/** Organization events. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { Change, defineEvent } from "./define.ts";

const Name = z.string().min(1).max(200);

export const OrganizationCreated = defineEvent("organization.created", "organization", {
  /** The URL name, e.g. `brightpath`. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a slug")
    .max(63),
  name: Name,
});

export const OrganizationRenamed = defineEvent("organization.renamed", "organization", {
  name: Change(Name),
});
