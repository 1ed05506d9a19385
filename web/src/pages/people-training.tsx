/** Training status of everyone working here, straight from the scheduled work (completed in the inbox, with evidence). */
import type { ReactNode } from "react";
import type { Training } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable } from "../components/data-table.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, PageHeading, StatusTag, type Tone } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";

type Course = Training["organizationWide"][number];
type Row = Training["people"][number];

const tones: Record<Course["status"], Tone> = {
  upcoming: "neutral",
  due: "info",
  overdue: "danger",
  done: "success",
  none: "neutral",
};
const labels: Record<Course["status"], string> = {
  upcoming: "Upcoming",
  due: "Due",
  overdue: "Overdue",
  done: "Done",
  none: "Not scheduled",
};

function CourseCell({ course }: { course: Course | undefined }): ReactNode {
  if (!course) return null;
  return (
    <>
      <StatusTag tone={tones[course.status]}>{labels[course.status]}</StatusTag>
      {course.nextDueOn ? <span> due {course.nextDueOn}</span> : null}
      {course.lastCompletedAt ? (
        <span className="muted">
          {" "}
          (last done <DateTime value={course.lastCompletedAt} />)
        </span>
      ) : null}
    </>
  );
}

const course = (row: Row, id: string) => row.courses.find((c) => c.commitmentId === id);
const load = () => workforceApi.training();

export function TrainingPage(): ReactNode {
  const [resource] = useResource(load);
  return (
    <>
      <PageHeading title="Training" />
      <p className="lead">
        New-hire and refresher training per person, and training after policy changes. Each course is
        completed from the <Link to="/inbox">inbox</Link> with its evidence.
      </p>
      <ResourceView resource={resource} what="training">
        {(training) => (
          <>
            {training.organizationWide.map((c) => (
              <p key={c.commitmentId}>
                After policy changes: <CourseCell course={c} />
              </p>
            ))}
            {training.people.length === 0 ? (
              <EmptyState title="Nobody on the roster yet">
                <p>
                  Add people on the <Link to="/people">People</Link> page; their training is scheduled from
                  their start date.
                </p>
              </EmptyState>
            ) : (
              <DataTable
                caption={`${training.people.length} people working here`}
                rows={training.people}
                rowKey={(row) => row.person.id}
                initialSort={{ key: "name", direction: "ascending" }}
                columns={[
                  {
                    key: "name",
                    header: "Person",
                    cell: (row) => (
                      <Link to={`/people/${encodeURIComponent(row.person.id)}`}>{row.person.name}</Link>
                    ),
                    sortValue: (row) => row.person.name,
                  },
                  { key: "start", header: "Start date", cell: (row) => row.person.startDate },
                  {
                    key: "new",
                    header: "New-hire training",
                    cell: (row) => <CourseCell course={course(row, "new-member-training")} />,
                    sortValue: (row) => course(row, "new-member-training")?.status ?? "",
                  },
                  {
                    key: "refresh",
                    header: "Refresher",
                    cell: (row) => <CourseCell course={course(row, "refresher-training")} />,
                    sortValue: (row) => course(row, "refresher-training")?.status ?? "",
                  },
                ]}
              />
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}
