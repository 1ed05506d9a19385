/** Optional parts of the policy set and services offered to customers. */
import { z } from "zod";
import { NonEmpty, wholeNumber } from "./primitives.ts";

export const Modules = z
  .strictObject({
    customerServices: z
      .strictObject({
        backup: z.boolean().default(false).describe("Backups are offered to customers as a service."),
        logging: z
          .boolean()
          .default(false)
          .describe("Log collection and retention are offered to customers as a service."),
        intrusionDetection: z
          .boolean()
          .default(false)
          .describe("Intrusion detection is offered to customers as a service."),
        disasterRecovery: z
          .boolean()
          .default(false)
          .describe("Disaster recovery is offered to customers as a service."),
      })
      .prefault({})
      .describe("Security services customers may subscribe to."),
    sharedResponsibility: z
      .boolean()
      .default(false)
      .describe("Publish a shared-responsibility table showing what each kind of customer inherits."),
    auditReports: z
      .strictObject({
        email: z
          .email({ error: "expected an email address" })
          .describe("Where customers request audit reports."),
        reports: z.array(NonEmpty).min(1).describe("Reports available, for example 'SOC 2 Type II report'."),
        responseDays: wholeNumber(1, 90, "Business days within which a complete request is answered.", 10),
      })
      .nullable()
      .default(null)
      .describe("Audit-report request process; null when not offered."),
    baaTemplate: z
      .boolean()
      .default(true)
      .describe("Publish the organization's business associate agreement template."),
  })
  .describe("Optional modules.");
