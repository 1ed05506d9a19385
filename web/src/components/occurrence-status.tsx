/**
 * How work reads on every page: status labels (the word first, the color repeats it), calendar
 * days, owner roles, rules and trigger events in plain words.
 */
import type { ReactNode } from "react";
import type { GradeStatus, OccurrenceStatus } from "../api/types.ts";
import { roleLabel } from "./layout.tsx";
import { StatusTag, type Tone } from "./status.tsx";

const occurrenceWords: Record<OccurrenceStatus, [string, Tone]> = {
  upcoming: ["Upcoming", "neutral"],
  due: ["Due", "warning"],
  overdue: ["Overdue", "danger"],
  done: ["Done", "success"],
  "done-late": ["Done late", "info"],
  waived: ["Waived", "neutral"],
  superseded: ["Replaced", "neutral"],
};

export const occurrenceStatusLabel = (status: OccurrenceStatus) => occurrenceWords[status][0];

export function OccurrenceStatusTag({ status }: { status: OccurrenceStatus }): ReactNode {
  const [word, tone] = occurrenceWords[status];
  return <StatusTag tone={tone}>{word}</StatusTag>;
}

const gradeWords: Record<GradeStatus, [string, Tone]> = {
  overdue: ["Overdue", "danger"],
  due: ["Due", "warning"],
  "never-done": ["Never done", "danger"],
  met: ["Met", "success"],
  "not-triggered": ["Not triggered", "neutral"],
  standing: ["Standing", "info"],
};

export const gradeStatusLabel = (status: GradeStatus) => gradeWords[status][0];

export function GradeStatusTag({ status }: { status: GradeStatus }): ReactNode {
  const [word, tone] = gradeWords[status];
  return <StatusTag tone={tone}>{word}</StatusTag>;
}

/** What each grade means, for the dashboard's explanations. */
export const gradeMeaning: Record<GradeStatus, string> = {
  overdue: "work past its deadline",
  due: "work due soon",
  "never-done": "recurring work with no completion yet",
  met: "the latest work was done",
  "not-triggered": "waits for an event that has not happened",
  standing: "a rule to follow, with no schedule",
};

/** The grades from worst to best, as the dashboard lists them. */
export const gradeOrder = Object.keys(gradeMeaning) as GradeStatus[];

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** A calendar day as stored (YYYY-MM-DD) to "Tue 3 Mar 2026"; days carry no time zone. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

export function Day({ value }: { value: string | null }): ReactNode {
  if (!value) return <span className="muted">None</span>;
  return <time dateTime={value}>{formatDay(value)}</time>;
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day moved by whole days (negative goes back), computed in UTC so no clock change interferes. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "security-officer" -> "Security officer", "policy-approvers" -> "Policy approvers". */
export const ownerLabel = roleLabel;

export const ruleText: Record<string, string> = {
  "separation-of-duties":
    "Separation of duties: the person whose activity is reviewed may not complete this; another owner must.",
  "evidence-required": "Evidence required: attach at least one file or link when you complete it.",
};

/** "access.emergency-used" -> "Access emergency used". */
export function eventLabel(event: string): string {
  const words = event.replace(/[.-]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A long sentence cut at a word boundary, for table cells and calendar days. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, "")}…`;
}

export const isOpen = (status: OccurrenceStatus) =>
  status === "upcoming" || status === "due" || status === "overdue";
