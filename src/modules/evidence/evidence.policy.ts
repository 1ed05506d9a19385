/**
 * Rules about evidence that the permission matrix cannot express, as pure functions: who sees an
 * item, and how untrusted names from uploads are made safe to store and to send back.
 */
import { can, type Role } from "../../auth/permissions.ts";

export interface EvidenceViewer {
  userId: string;
  roles: readonly Role[];
}

/** Whether the viewer sees the organization's evidence, or only what they uploaded themselves. */
export const readsAllEvidence = (viewer: EvidenceViewer): boolean => can(viewer.roles, "evidence:read");

/**
 * evidence:read sees every item; anyone else only what they uploaded (a workforce member's own
 * training certificate). Anything else answers exactly like an unknown id.
 */
export const mayReadEvidence = (viewer: EvidenceViewer, item: { uploadedBy: string }): boolean =>
  readsAllEvidence(viewer) || item.uploadedBy === viewer.userId;

/**
 * The file name to keep: the last path segment, without control or reserved characters, at most
 * 200 characters (the extension kept), "evidence" when nothing remains.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "_")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned === "") return "evidence";
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/** The declared media type when it is well formed (lower case, no parameters), else octet-stream. */
export function safeMediaType(declared: string): string {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type)
    ? type
    : "application/octet-stream";
}

/**
 * A Content-Disposition that always downloads: an ASCII fallback name plus the exact name in
 * RFC 5987 form, so no quote or non-ASCII character can break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
