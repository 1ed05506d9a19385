-- Which Steward process runs the scheduler (src/server/scheduler-lease.ts). Several processes may
-- serve one PostgreSQL database; only the holder of an unexpired lease ticks, so reminders and
-- digests are not mailed twice. A holder that stops gives the lease up; one that dies loses it when
-- it expires, and another process takes over on its next tick.
CREATE TABLE scheduler_lease (
  -- One row per scheduled duty; 'scheduler' is the only one today.
  name text PRIMARY KEY,
  -- A random id per process, not a host name or pid: nothing about the machine is stored.
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
