-- Runs as the owner role. The application role gets data rights only and owns nothing.

create table directory.persons (
    id bigint generated always as identity primary key,
    email text not null,
    password_hash text not null,
    name text not null,
    email_verified_at timestamptz,
    operator boolean not null default false,
    created_at timestamptz not null
);
create unique index persons_email_key on directory.persons (email);
create unique index persons_single_operator on directory.persons (operator) where operator;

create table directory.portals (
    id bigint generated always as identity primary key,
    title text not null,
    name text not null,
    zone text not null,
    created_by bigint not null references directory.persons (id),
    created_at timestamptz not null,
    constraint portals_address_key unique (zone, name)
);

-- A member is a person inside one portal; portal records refer to members by this id, never by person id.
create table directory.memberships (
    id bigint generated always as identity primary key,
    portal_id bigint not null references directory.portals (id),
    person_id bigint not null references directory.persons (id),
    role text not null check (role in ('ADMINISTRATOR', 'EMPLOYEE')),
    state text not null check (state in ('INVITED', 'AWAITING_APPROVAL', 'ACTIVE', 'DISMISSED')),
    position text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint memberships_portal_member_key unique (portal_id, id),
    constraint memberships_portal_person_key unique (portal_id, person_id)
);
create index memberships_person on directory.memberships (person_id);

-- One-time sign-in codes handed from the hub to a portal host; only a hash of each code is kept.
create table directory.sign_in_codes (
    code_hash bytea primary key,
    portal_id bigint not null references directory.portals (id) on delete cascade,
    person_id bigint not null references directory.persons (id) on delete cascade,
    state_hash bytea not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index sign_in_codes_expiry on directory.sign_in_codes (expires_at);

-- Mailed links (email verification, password reset); only a hash of each token is kept.
create table directory.person_tokens (
    token_hash bytea primary key,
    person_id bigint not null references directory.persons (id) on delete cascade,
    purpose text not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    email text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index person_tokens_person on directory.person_tokens (person_id, purpose);

create table directory.sign_in_failures (
    email text not null,
    failed_at timestamptz not null
);
create index sign_in_failures_email on directory.sign_in_failures (email, failed_at);

-- Mail the hub would have sent, kept for the operator when no SMTP server is configured.
create table directory.hub_mail (
    id bigint generated always as identity primary key,
    recipient text not null,
    subject text not null,
    body text not null,
    created_at timestamptz not null
);

-- Spring Session JDBC tables. The principal name is the person id, so one query finds all of a person's sessions.
create table directory.spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on directory.spring_session (session_id);
create index spring_session_ix2 on directory.spring_session (expiry_time);
create index spring_session_ix3 on directory.spring_session (principal_name);

create table directory.spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references directory.spring_session (primary_id) on delete cascade
);

grant usage on schema directory to ${app_role};
grant select, insert, update, delete on all tables in schema directory to ${app_role};
grant usage, select on all sequences in schema directory to ${app_role};
alter default privileges in schema directory grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema directory grant usage, select on sequences to ${app_role};
