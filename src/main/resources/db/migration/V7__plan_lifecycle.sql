-- Deadlines of the plan lifecycle, kept as data so that any node applies each one once, also after a restart.

-- The end of the current plan the portal's administrators were last warned about, and how many warnings they got
-- for it (1: three days before, 2: one day before). A new end instant starts the count again.
alter table directory.portals
    add column warned_for_end timestamptz,
    add column warnings_sent smallint not null default 0 check (warnings_sent between 0 and 2);

-- When a branch fell to Free (it is blocked 15 days later) and when a portal was blocked.
alter table directory.portals
    add column suspended_at timestamptz,
    add column blocked_at timestamptz;

-- When the main portal fell from Enterprise; its network stays disabled until it is back on Enterprise.
alter table directory.networks
    add column disabled_at timestamptz;

create index portals_plan_end on directory.portals (coalesce(trial_ends_at, paid_until)) where plan <> 'FREE';
create index portals_suspended on directory.portals (suspended_at) where suspended_at is not null and blocked_at is null;

-- Branches already on Free when this version is installed start their 15 days now.
update directory.portals p set suspended_at = now()
where p.plan = 'FREE' and p.network_id is not null
  and not exists (select 1 from directory.networks n where n.main_portal_id = p.id);
