-- The ledger's first schema. One text for SQLite and PostgreSQL: TEXT, INTEGER, BIGINT and DOUBLE PRECISION only,
-- booleans as 0/1, instants as Unix milliseconds (UTC), dates as ISO text. Rows of offer_sets, offers,
-- policy_versions and plan_events are only ever added (retention deletes old unaccepted offer sets); plans,
-- plan_installments and active_policies are the current state those rows lead to.

-- Every offer set issued (GenerateOffers, StreamOffers item, EvaluateProposal), with the verdict of a proposal.
CREATE TABLE offer_sets (
    set_id TEXT PRIMARY KEY,
    issued_at BIGINT NOT NULL,
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    account_ref TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    policy_version INTEGER NOT NULL,
    policy_arm TEXT NOT NULL,
    tightened INTEGER NOT NULL,
    reason TEXT NOT NULL,
    as_of TEXT NOT NULL,
    currency TEXT NOT NULL,
    verdict TEXT NULL,
    caller TEXT NOT NULL
);
CREATE INDEX offer_sets_account ON offer_sets (account_ref, issued_at);
CREATE INDEX offer_sets_issued ON offer_sets (issued_at);

-- Each offer of a set: its id, terms, signature and expiry. `terms` is the signed offer as issued (protobuf JSON,
-- presentation texts left out); `schedule` its installments as JSON [{"n":1,"due":"2026-12-10","amount":4500000}].
CREATE TABLE offers (
    set_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    offer_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    frequency TEXT NOT NULL,
    installments INTEGER NOT NULL,
    grace_periods INTEGER NOT NULL,
    down_payment_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL,
    installment_minor BIGINT NOT NULL,
    total_to_pay_minor BIGINT NOT NULL,
    burden DOUBLE PRECISION NOT NULL,
    expires_on TEXT NOT NULL,
    signature TEXT NOT NULL,
    signature_key_id TEXT NOT NULL,
    schedule TEXT NOT NULL,
    terms TEXT NOT NULL,
    PRIMARY KEY (set_id, position)
);
CREATE INDEX offers_offer_id ON offers (offer_id);

-- Every named policy version published: its normalized JSON, the hash of that JSON, and who published it.
CREATE TABLE policy_versions (
    policy_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (policy_id, version)
);

-- The last good version of each named policy (served after a restart whatever its file became).
CREATE TABLE active_policies (
    policy_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    since BIGINT NOT NULL
);

-- Accepted plans: one per offer at most.
CREATE TABLE plans (
    plan_id TEXT PRIMARY KEY,
    offer_id TEXT NOT NULL UNIQUE,
    set_id TEXT NOT NULL,
    account_ref TEXT NOT NULL,
    accepted_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    closed_on TEXT NULL,
    currency TEXT NOT NULL,
    kind TEXT NOT NULL,
    frequency TEXT NOT NULL,
    installments INTEGER NOT NULL,
    grace_periods INTEGER NOT NULL,
    burden DOUBLE PRECISION NOT NULL,
    reason TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    policy_version INTEGER NOT NULL,
    total_to_pay_minor BIGINT NOT NULL,
    expires_on TEXT NOT NULL
);
CREATE INDEX plans_account ON plans (account_ref, accepted_at);

-- A plan's payments due: number 0 is the down payment (due on as_of), 1..n the installments.
CREATE TABLE plan_installments (
    plan_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    paid_minor BIGINT NOT NULL,
    last_paid_on TEXT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (plan_id, number)
);

-- What happened to a plan, in order: accepted, paid, missed, broken, completed.
CREATE TABLE plan_events (
    plan_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    recorded_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    installment INTEGER NULL,
    on_date TEXT NULL,
    amount_minor BIGINT NULL,
    idempotency_key TEXT NOT NULL,
    caller TEXT NOT NULL,
    PRIMARY KEY (plan_id, seq)
);

-- Caller-supplied keys of lifecycle calls: a retry with the same key and request gets the first answer.
CREATE TABLE idempotency_keys (
    idempotency_key TEXT PRIMARY KEY,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
