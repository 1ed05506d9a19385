/**
 * The SMTP mailer against a real SMTP server (smtp-server, in process, on a random loopback port):
 * an invitation sent through the API arrives with its link.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { smtpMailer } from "../../src/mail/mailer.ts";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer } from "../support/server.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

forEachDatabase("invitations over SMTP", (context) => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let port = 0;
  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate to trust in a test.
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        smtp.close(resolve);
      }),
  );

  it("delivers the invitation with its link through the SMTP server", async () => {
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Steward <steward@steward.test>" });
    const server = await startTestServer(context.db, { mailer, baseUrl: "https://steward.test/" });
    const owner = await server.as("owner");
    const before = received.length;
    const response = await owner.post("/api/v1/members/invitations", {
      email: "rafael.souza@example.com",
      displayName: "Rafael Souza",
      roles: ["auditor"],
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json<{ emailSent: boolean }>().emailSent, true);
    assert.equal(received.length, before + 1);
    const message = received.at(-1)!;
    assert.equal(message.from, "steward@steward.test");
    assert.deepEqual(message.to, ["rafael.souza@example.com"]);
    assert.match(message.data, /^Subject: Join Org org-[a-z0-9]+ on Steward\r$/m);
    // Quoted-printable may wrap long lines with "=" + CRLF: undo that before looking for the link.
    const text = message.data.replace(/=\r\n/g, "").replace(/=3D/g, "=");
    assert.match(text, /https:\/\/steward\.test\/accept-invitation\?token=[A-Za-z0-9_-]{43}/);
  });

  it("reports an email that could not be sent without failing the invitation", async () => {
    const closed = smtpMailer({ url: "smtp://127.0.0.1:1", from: "Steward <steward@steward.test>" });
    const server = await startTestServer(context.db, { mailer: closed });
    const owner = await server.as("owner");
    const response = await owner.post("/api/v1/members/invitations", {
      email: "unlucky@example.com",
      displayName: "Unlucky Person",
      roles: ["auditor"],
    });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json<{ emailSent: boolean }>().emailSent, false);
    const list = (await owner.get("/api/v1/members")).json<{ invitations: { email: string }[] }>();
    assert.deepEqual(
      list.invitations.map((i) => i.email),
      ["unlucky@example.com"],
    );
  });
});
