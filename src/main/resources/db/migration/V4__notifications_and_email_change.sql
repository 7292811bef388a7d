-- Mailed links that confirm a new email address of an existing profile.
alter table directory.person_tokens drop constraint person_tokens_purpose_check;
alter table directory.person_tokens add constraint person_tokens_purpose_check
    check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'));

-- Notices for one member of a portal. The text is stored as a message key with its arguments, so it is rendered in
-- the reader's language when the list is shown.
create table portal.notifications (
    portal_id bigint not null references directory.portals (id),
    id bigint not null default nextval('portal.record_ids'),
    recipient_member_id bigint not null,
    message_key text not null,
    arguments text[] not null default '{}',
    link text,
    created_at timestamptz not null,
    read_at timestamptz,
    primary key (portal_id, id),
    foreign key (portal_id, recipient_member_id) references directory.memberships (portal_id, id)
);
create index notifications_unread on portal.notifications (portal_id, recipient_member_id) where read_at is null;
create index notifications_recipient on portal.notifications (portal_id, recipient_member_id, id desc);

alter table portal.notifications enable row level security;
alter table portal.notifications force row level security;
create policy portal_isolation on portal.notifications
    using (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint)
    with check (portal_id = nullif(current_setting('canopy.portal_id', true), '')::bigint);
