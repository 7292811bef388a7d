-- Branch networks. A network has one main portal; a portal belongs to at most one network, as its main portal or as
-- a branch, because each portal row holds a single network_id.
create table directory.networks (
    id bigint generated always as identity primary key,
    main_portal_id bigint not null unique references directory.portals (id),
    zone text not null,
    created_at timestamptz not null
);

alter table directory.portals
    add column network_id bigint references directory.networks (id),
    add column ever_in_network boolean not null default false,
    add column connected_at timestamptz;
create index portals_network on directory.portals (network_id, lower(title), id) where network_id is not null;

-- Connection requests between a main portal (or an Enterprise portal that would become one) and a branch.
-- INVITE: the main side asks the branch; JOIN: the branch asks the main side.
create table directory.network_requests (
    id bigint generated always as identity primary key,
    main_portal_id bigint not null references directory.portals (id),
    branch_portal_id bigint not null references directory.portals (id),
    direction text not null check (direction in ('INVITE', 'JOIN')),
    state text not null check (state in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    requested_by bigint not null references directory.persons (id),
    answered_by bigint references directory.persons (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    answered_at timestamptz
);
create unique index network_requests_one_pending on directory.network_requests (main_portal_id, branch_portal_id)
    where state = 'PENDING';
create index network_requests_branch on directory.network_requests (branch_portal_id, state);

-- The network events a portal's administrators read.
create table portal.network_log (
    portal_id bigint not null references directory.portals (id),
    id bigint not null default nextval('portal.record_ids'),
    event text not null,
    other_portal text,
    actor text,
    created_at timestamptz not null,
    primary key (portal_id, id)
);
alter table portal.network_log enable row level security;
alter table portal.network_log force row level security;
create policy portal_isolation on portal.network_log
    using (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint)
    with check (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint);

-- db-scheduler's table: deadlines and background jobs, shared by every node.
create table directory.scheduled_tasks (
    task_name text not null,
    task_instance text not null,
    task_data bytea,
    execution_time timestamptz not null,
    picked boolean not null,
    picked_by text,
    last_success timestamptz,
    last_failure timestamptz,
    consecutive_failures int,
    last_heartbeat timestamptz,
    version bigint not null,
    priority smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution on directory.scheduled_tasks (execution_time);
create index scheduled_tasks_heartbeat on directory.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority on directory.scheduled_tasks (priority desc, execution_time asc);
