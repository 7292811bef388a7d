-- Everything a portal owns lives in this schema. Each table leads its primary key with portal_id and has a forced
-- row-level security policy, so a transaction sees only the rows of the portal named in canopy.portal_id.

create schema portal;

create sequence portal.record_ids;

create table portal.departments (
    portal_id bigint not null references directory.portals (id),
    id bigint not null default nextval('portal.record_ids'),
    name text not null,
    parent_id bigint,
    head_member_id bigint,
    created_at timestamptz not null,
    primary key (portal_id, id),
    foreign key (portal_id, parent_id) references portal.departments (portal_id, id),
    foreign key (portal_id, head_member_id) references directory.memberships (portal_id, id)
);
create unique index departments_single_top on portal.departments (portal_id) where parent_id is null;

create table portal.department_members (
    portal_id bigint not null,
    department_id bigint not null,
    member_id bigint not null,
    primary key (portal_id, department_id, member_id),
    foreign key (portal_id, department_id) references portal.departments (portal_id, id) on delete cascade,
    foreign key (portal_id, member_id) references directory.memberships (portal_id, id)
);

-- Mail a portal would have sent, kept for its administrators when no SMTP server is configured.
create table portal.mail (
    portal_id bigint not null references directory.portals (id),
    id bigint not null default nextval('portal.record_ids'),
    recipient text not null,
    subject text not null,
    body text not null,
    created_at timestamptz not null,
    primary key (portal_id, id)
);

alter table portal.departments enable row level security;
alter table portal.departments force row level security;
create policy portal_isolation on portal.departments
    using (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint)
    with check (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint);

alter table portal.department_members enable row level security;
alter table portal.department_members force row level security;
create policy portal_isolation on portal.department_members
    using (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint)
    with check (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint);

alter table portal.mail enable row level security;
alter table portal.mail force row level security;
create policy portal_isolation on portal.mail
    using (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint)
    with check (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint);

grant usage on schema portal to ${app_role};
grant select, insert, update, delete on all tables in schema portal to ${app_role};
grant usage, select on all sequences in schema portal to ${app_role};
alter default privileges in schema portal grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema portal grant usage, select on sequences to ${app_role};
