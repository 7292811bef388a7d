-- A portal's plan. During a trial the plan is Professional and the plan it had before is kept to return to.
alter table directory.portals
    add column plan text not null default 'FREE'
        check (plan in ('FREE', 'BASIC', 'STANDARD', 'PROFESSIONAL', 'ENTERPRISE')),
    add column paid_until timestamptz,
    add column enterprise_limit int not null default 250
        check (enterprise_limit in (250, 500, 1000, 2000, 5000, 10000)),
    add column trial_ends_at timestamptz,
    add column plan_before_trial text
        check (plan_before_trial in ('FREE', 'BASIC', 'STANDARD', 'PROFESSIONAL', 'ENTERPRISE')),
    add column paid_until_before_trial timestamptz,
    add column own_trial_used boolean not null default false,
    add constraint portals_plan_period check ((plan = 'FREE') = (paid_until is null and trial_ends_at is null));
