/** Members of the organization: who holds which roles; invite, change roles and remove as allowed. */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { mfaRequiredRoles } from "../../../src/auth/permissions.ts";
import type { Invitation, Member, MemberList, Role } from "../api/types.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { roleLabel } from "../components/layout.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, Notice, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSession, useSignedIn } from "../session.tsx";
import { InviteForm } from "./members-invite.tsx";
import { MemberActionPanel, type MemberAction } from "./members-actions.tsx";
import { MemberSearchField, Pager } from "./members-pager.tsx";
import { FilterForm } from "../components/fields.tsx";

const mfaRoles: readonly Role[] = mfaRequiredRoles;
const pageSize = 100;
const noun = ["member", "members"] as const;

/** The search and page asked for; the loaded list carries the ones it answers. */
interface Wanted {
  q: string;
  offset: number;
}
type LoadedPage = MemberList & Wanted;

export function MembersPage(): ReactNode {
  const [wanted, setWanted] = useState<Wanted>({ q: "", offset: 0 });
  const load = useCallback(
    () =>
      api
        .members({ q: wanted.q, limit: pageSize, offset: wanted.offset })
        .then((list): LoadedPage => ({ ...list, ...wanted })),
    [wanted],
  );
  const [resource, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);
  const done = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
    },
    [reload],
  );
  return (
    <>
      <PageHeading title="Members" />
      {message ? <Notice tone="success">{message}</Notice> : null}
      <MemberSearch
        applied={wanted.q}
        onSearch={(q) => {
          setWanted({ q, offset: 0 });
        }}
      />
      <ResourceView resource={resource} what="members">
        {(list) => (
          <>
            <Members
              list={list}
              onMove={(offset) => {
                setWanted({ q: list.q, offset });
              }}
              onDone={done}
            />
            <Invitations invitations={list.invitations} />
          </>
        )}
      </ResourceView>
    </>
  );
}

/** Search by name or email; the list answers from the server a page at a time. */
function MemberSearch({ applied, onSearch }: { applied: string; onSearch: (q: string) => void }): ReactNode {
  const [text, setText] = useState(applied);
  return (
    <FilterForm
      label="Search members"
      onApply={() => {
        onSearch(text.trim());
      }}
    >
      <MemberSearchField id="member-search" value={text} onChange={setText}>
        {applied !== "" ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setText("");
              onSearch("");
            }}
          >
            Show everyone
          </button>
        ) : null}
      </MemberSearchField>
    </FilterForm>
  );
}

function Members({
  list,
  onMove,
  onDone,
}: {
  list: LoadedPage;
  onMove: (offset: number) => void;
  onDone: (message: string) => void;
}): ReactNode {
  const { members } = list;
  const { can } = useSession();
  const me = useSignedIn().user.id;
  const [action, setAction] = useState<MemberAction | null>(null);
  const canEdit = can("members:update");
  const canRemove = can("members:remove");

  // The server pages the list in name order, so the columns do not re-sort one page.
  const columns: Column<Member>[] = [
    {
      key: "name",
      header: "Name",
      cell: (m) => (m.id === me ? `${m.displayName} (you)` : m.displayName),
    },
    { key: "email", header: "Email", cell: (m) => m.email },
    { key: "roles", header: "Roles", cell: (m) => m.roles.map(roleLabel).join(", ") },
    {
      key: "mfa",
      header: "Two-factor",
      cell: (m) =>
        m.mfaEnrolled ? (
          <StatusTag tone="success">Set up</StatusTag>
        ) : m.roles.some((role) => mfaRoles.includes(role)) ? (
          <StatusTag tone="danger">Required, not set up</StatusTag>
        ) : (
          <StatusTag tone="neutral">Not set up</StatusTag>
        ),
    },
    {
      key: "last",
      header: "Last sign-in",
      cell: (m) => (m.lastSignedInAt ? <DateTime value={m.lastSignedInAt} /> : "Never"),
    },
  ];
  if (canEdit || canRemove) {
    columns.push({
      key: "actions",
      header: "Actions",
      className: "actions",
      cell: (m) => (
        <div className="button-row">
          {canEdit ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setAction({ kind: "roles", member: m });
              }}
            >
              Change roles<span className="visually-hidden"> of {m.displayName}</span>
            </button>
          ) : null}
          {canRemove && m.id !== me ? (
            <button
              type="button"
              className="button button--warning button--small"
              onClick={() => {
                setAction({ kind: "remove", member: m });
              }}
            >
              Remove<span className="visually-hidden"> {m.displayName}</span>
            </button>
          ) : null}
        </div>
      ),
    });
  }

  const finish = (text: string) => {
    setAction(null);
    onDone(text);
  };
  const page = {
    offset: list.offset,
    shown: members.length,
    total: list.total,
    nextOffset: list.nextOffset,
    limit: pageSize,
  };
  return (
    <>
      <Pager page={page} noun={noun} onMove={onMove}>
        {members.length > 0 ? (
          <DataTable
            caption={list.q === "" ? "Members by name" : `Members whose name or email contains “${list.q}”`}
            columns={columns}
            rows={members}
            rowKey={(m) => m.id}
            initialSort={{ key: "name", direction: "ascending" }}
          />
        ) : list.total > 0 ? (
          <EmptyState title="Nobody on this page">
            <p>Members were removed since the list was loaded. Go back a page.</p>
          </EmptyState>
        ) : list.q !== "" ? (
          <EmptyState title="No members match">
            <p>Nobody&apos;s name or email contains “{list.q}”. Check the spelling or search for less.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No members yet">
            <p>Invite the first member with the form below.</p>
          </EmptyState>
        )}
      </Pager>
      {action ? (
        <MemberActionPanel
          key={`${action.kind}-${action.member.id}`}
          action={action}
          onCancel={() => {
            setAction(null);
          }}
          onDone={finish}
        />
      ) : null}
      {can("members:invite") ? <InviteForm onInvited={onDone} /> : null}
    </>
  );
}

/** Invitations sent and not yet accepted: the person has not chosen a password yet. */
function Invitations({ invitations }: { invitations: Invitation[] }): ReactNode {
  if (invitations.length === 0) return null;
  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations waiting</h2>
      <DataTable
        caption="Sent and not yet accepted. An expired invitation can be sent again."
        rows={invitations}
        rowKey={(row) => row.id}
        columns={[
          {
            key: "name",
            header: "Name",
            cell: (row) => row.displayName,
            sortValue: (row) => row.displayName,
          },
          { key: "email", header: "Email", cell: (row) => row.email, sortValue: (row) => row.email },
          { key: "roles", header: "Roles", cell: (row) => row.roles.map(roleLabel).join(", ") },
          { key: "status", header: "Status", cell: () => <StatusTag tone="info">Invited</StatusTag> },
          { key: "expires", header: "Link expires", cell: (row) => <DateTime value={row.expiresAt} /> },
        ]}
      />
    </section>
  );
}
