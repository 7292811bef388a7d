-- Invitations into portals. A person invited by an email that has no profile yet is a membership without a person:
-- it carries the invited email until someone with that email accepts and the membership gets its person.
alter table directory.memberships alter column person_id drop not null;
alter table directory.memberships add column invited_email text;
alter table directory.memberships add constraint memberships_person_or_invited_email
    check (person_id is not null or (state = 'INVITED' and invited_email is not null));
create unique index memberships_portal_invited_email on directory.memberships (portal_id, invited_email)
    where person_id is null;

-- Mailed invitations: single-use links that expire; only the SHA-256 hash of each token is kept. A new link for
-- the same membership withdraws the old one.
create table directory.invitations (
    id bigint generated always as identity primary key,
    portal_id bigint not null references directory.portals (id),
    member_id bigint,
    email text not null,
    token_hash bytea not null,
    invited_by bigint,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    withdrawn_at timestamptz,
    constraint invitations_token_key unique (token_hash),
    constraint invitations_portal_invitation_key unique (portal_id, id),
    foreign key (portal_id, member_id) references directory.memberships (portal_id, id) on delete set null (member_id),
    foreign key (portal_id, invited_by) references directory.memberships (portal_id, id)
);
create index invitations_member on directory.invitations (portal_id, member_id);
create index invitations_email on directory.invitations (email) where accepted_at is null and withdrawn_at is null;

-- The portal-wide invite link. Administrators copy it from the portal, so its token is kept as it is. A new token
-- replaces the old one, and turning the link off stops it at once.
create table directory.invite_links (
    portal_id bigint primary key references directory.portals (id),
    token text not null,
    enabled boolean not null,
    needs_approval boolean not null,
    department_id bigint,
    updated_at timestamptz not null,
    constraint invite_links_token_key unique (token)
);
