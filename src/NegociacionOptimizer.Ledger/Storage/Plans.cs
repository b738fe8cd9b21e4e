using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.Ledger.Records;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>The lifecycle statements, each run inside a batch's transaction; a refusal writes nothing.</summary>
internal static class Plans
{
    public static LedgerAnswer Accept(DbConnection c, DbTransaction t, Acceptance acceptance, long at)
    {
        var offers = Sql.Query(c, t, """
            SELECT o.set_id, o.offer_id, o.kind, o.frequency, o.installments, o.grace_periods, o.down_payment_minor, o.total_to_pay_minor,
                o.burden, o.expires_on, o.schedule, s.issued_at, s.account_ref, s.reason, s.policy_id, s.policy_version, s.as_of, s.currency
            FROM offers o JOIN offer_sets s ON s.set_id = o.set_id
            WHERE o.offer_id = @offer AND o.signature = @signature
            ORDER BY s.issued_at DESC
            LIMIT 1
            """,
            r => new
            {
                SetId = Sql.Text(r, "set_id"),
                Kind = Sql.Text(r, "kind"),
                Frequency = Sql.Text(r, "frequency"),
                Installments = Sql.Int(r, "installments"),
                Grace = Sql.Int(r, "grace_periods"),
                Down = Sql.Long(r, "down_payment_minor"),
                Total = Sql.Long(r, "total_to_pay_minor"),
                Burden = Sql.Double(r, "burden"),
                Expires = Sql.Text(r, "expires_on"),
                Schedule = Sql.Text(r, "schedule"),
                IssuedAt = Sql.Long(r, "issued_at"),
                Account = Sql.Text(r, "account_ref"),
                Reason = Sql.Text(r, "reason"),
                Policy = Sql.Text(r, "policy_id"),
                Version = Sql.Int(r, "policy_version"),
                AsOf = Sql.Text(r, "as_of"),
                Currency = Sql.Text(r, "currency"),
            },
            ("offer", acceptance.OfferId), ("signature", acceptance.Signature));
        if (offers.Count == 0)
        {
            return new LedgerAnswer(null, LedgerRefusal.OfferNotRecorded);
        }

        var offer = offers[0];
        if (Sql.Count(c, t, "SELECT COUNT(*) FROM plans WHERE offer_id = @offer", ("offer", acceptance.OfferId)) > 0)
        {
            return new LedgerAnswer(null, LedgerRefusal.AlreadyAccepted);
        }

        if (Superseded(c, t, acceptance.OfferId, offer.SetId, offer.Account, offer.IssuedAt))
        {
            return new LedgerAnswer(null, LedgerRefusal.Superseded);
        }

        var planId = IdOf(acceptance.OfferId);
        Sql.Execute(c, t, """
            INSERT INTO plans (plan_id, offer_id, set_id, account_ref, accepted_at, status, closed_on, currency, kind, frequency, installments,
                grace_periods, burden, reason, policy_id, policy_version, total_to_pay_minor, expires_on)
            VALUES (@plan, @offer, @set, @account, @at, 'active', NULL, @currency, @kind, @frequency, @n, @g, @burden, @reason, @policy, @version,
                @total, @expires)
            """,
            ("plan", planId), ("offer", acceptance.OfferId), ("set", offer.SetId), ("account", offer.Account), ("at", at),
            ("currency", offer.Currency), ("kind", offer.Kind), ("frequency", offer.Frequency), ("n", offer.Installments), ("g", offer.Grace),
            ("burden", offer.Burden), ("reason", offer.Reason), ("policy", offer.Policy), ("version", offer.Version), ("total", offer.Total),
            ("expires", offer.Expires));
        var due = new List<DueInstallment>();
        if (offer.Down > 0)
        {
            due.Add(new DueInstallment(0, Sql.ParseDate(offer.AsOf), offer.Down));
        }

        due.AddRange(ScheduleJson.Read(offer.Schedule));
        foreach (var installment in due)
        {
            Sql.Execute(c, t, """
                INSERT INTO plan_installments (plan_id, number, due_date, amount_minor, paid_minor, last_paid_on, state)
                VALUES (@plan, @number, @due, @amount, 0, NULL, 'due')
                """,
                ("plan", planId), ("number", installment.Number), ("due", Sql.Iso(installment.DueDate)), ("amount", installment.AmountMinor));
        }

        Event(c, t, planId, at, "accepted", null, null, null, acceptance.IdempotencyKey, acceptance.Caller);
        return new LedgerAnswer(Load(c, t, planId), LedgerRefusal.None);
    }

    public static LedgerAnswer Pay(DbConnection c, DbTransaction t, PaymentReport report, long at)
    {
        if (Load(c, t, report.PlanId) is not { } plan)
        {
            return new LedgerAnswer(null, LedgerRefusal.PlanNotFound);
        }

        if (plan.Status != PlanStatus.Active)
        {
            return new LedgerAnswer(null, LedgerRefusal.PlanClosed);
        }

        if (plan.Schedule.FirstOrDefault(i => i.Number == report.Installment) is not { } installment)
        {
            return new LedgerAnswer(null, LedgerRefusal.NoSuchInstallment);
        }

        if (installment.State == InstallmentState.Paid)
        {
            return new LedgerAnswer(null, LedgerRefusal.AlreadyPaid);
        }

        var on = Sql.Iso(report.On);
        if (report.Outcome == PaymentOutcome.Paid)
        {
            var paid = installment.PaidMinor + report.AmountMinor;
            Sql.Execute(c, t, "UPDATE plan_installments SET paid_minor = @paid, last_paid_on = @on, state = @state WHERE plan_id = @plan AND number = @number",
                ("paid", paid), ("on", on), ("state", paid >= installment.AmountMinor ? "paid" : "partial"), ("plan", plan.PlanId),
                ("number", installment.Number));
            Event(c, t, plan.PlanId, at, "paid", installment.Number, on, report.AmountMinor, report.IdempotencyKey, report.Caller);
        }
        else
        {
            Sql.Execute(c, t, "UPDATE plan_installments SET state = 'missed' WHERE plan_id = @plan AND number = @number",
                ("plan", plan.PlanId), ("number", installment.Number));
            Event(c, t, plan.PlanId, at, "missed", installment.Number, on, null, report.IdempotencyKey, report.Caller);
        }

        if (Sql.Count(c, t, "SELECT COUNT(*) FROM plan_installments WHERE plan_id = @plan AND state <> 'paid'", ("plan", plan.PlanId)) == 0)
        {
            Sql.Execute(c, t, "UPDATE plans SET status = 'completed', closed_on = @on WHERE plan_id = @plan", ("on", on), ("plan", plan.PlanId));
            Event(c, t, plan.PlanId, at, "completed", null, on, null, report.IdempotencyKey, report.Caller);
        }

        return new LedgerAnswer(Load(c, t, plan.PlanId), LedgerRefusal.None);
    }

    public static LedgerAnswer Break(DbConnection c, DbTransaction t, BreakReport report, long at)
    {
        if (Load(c, t, report.PlanId) is not { } plan)
        {
            return new LedgerAnswer(null, LedgerRefusal.PlanNotFound);
        }

        if (plan.Status != PlanStatus.Active)
        {
            return new LedgerAnswer(null, LedgerRefusal.PlanClosed);
        }

        var on = Sql.Iso(report.On);
        Sql.Execute(c, t, "UPDATE plans SET status = 'broken', closed_on = @on WHERE plan_id = @plan", ("on", on), ("plan", plan.PlanId));
        Event(c, t, plan.PlanId, at, "broken", null, on, null, report.IdempotencyKey, report.Caller);
        return new LedgerAnswer(Load(c, t, plan.PlanId), LedgerRefusal.None);
    }

    public static PlanRecord? Load(DbConnection c, DbTransaction? t, string planId)
    {
        var schedule = Sql.Query(c, t, """
            SELECT number, due_date, amount_minor, paid_minor, last_paid_on, state FROM plan_installments WHERE plan_id = @plan ORDER BY number
            """,
            r => new PlanInstallment(Sql.Int(r, "number"), Sql.Date(r, "due_date"), Sql.Long(r, "amount_minor"), Sql.Long(r, "paid_minor"),
                Sql.OptionalDate(r, "last_paid_on"), Enum.Parse<InstallmentState>(Sql.Text(r, "state"), ignoreCase: true)),
            ("plan", planId));
        var plans = Sql.Query(c, t, "SELECT * FROM plans WHERE plan_id = @plan",
            r => new PlanRecord(
                Sql.Text(r, "plan_id"), Sql.Text(r, "offer_id"), Sql.Text(r, "account_ref"),
                DateTimeOffset.FromUnixTimeMilliseconds(Sql.Long(r, "accepted_at")),
                Enum.Parse<PlanStatus>(Sql.Text(r, "status"), ignoreCase: true), Sql.OptionalDate(r, "closed_on"), Sql.Text(r, "currency"),
                Sql.Text(r, "kind"), Sql.Text(r, "frequency"), Sql.Int(r, "installments"), Sql.Int(r, "grace_periods"), Sql.Double(r, "burden"),
                Sql.Text(r, "reason"), Sql.Text(r, "policy_id"), Sql.Int(r, "policy_version"), Sql.Long(r, "total_to_pay_minor"),
                Sql.Date(r, "expires_on"), schedule),
            ("plan", planId));
        return plans.Count == 0 ? null : plans[0];
    }

    /// <summary>The plan id of an offer: one plan per offer, so the id is the offer's, hashed.</summary>
    public static string IdOf(string offerId) =>
        "plan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(offerId)))[..20];

    /// <summary>
    /// Another offer of the same set was accepted, the account has an active plan, or offers were generated for the
    /// account after this one's set without it.
    /// </summary>
    private static bool Superseded(DbConnection c, DbTransaction t, string offerId, string setId, string account, long issuedAt)
    {
        if (Sql.Count(c, t, "SELECT COUNT(*) FROM plans WHERE set_id = @set", ("set", setId)) > 0)
        {
            return true;
        }

        if (account.Length == 0)
        {
            return false;
        }

        return Sql.Count(c, t, "SELECT COUNT(*) FROM plans WHERE account_ref = @account AND status = 'active'", ("account", account)) > 0
            || Sql.Count(c, t, """
                SELECT COUNT(*) FROM offer_sets s
                WHERE s.account_ref = @account AND s.issued_at > @issued AND s.source IN ('generate', 'stream')
                    AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.set_id = s.set_id AND o.offer_id = @offer)
                """,
                ("account", account), ("issued", issuedAt), ("offer", offerId)) > 0;
    }

    private static void Event(
        DbConnection c, DbTransaction t, string planId, long at, string kind, int? installment, string? on, long? amount, string key, string caller)
    {
        var seq = Sql.Count(c, t, "SELECT COALESCE(MAX(seq), 0) + 1 FROM plan_events WHERE plan_id = @plan", ("plan", planId));
        Sql.Execute(c, t, """
            INSERT INTO plan_events (plan_id, seq, recorded_at, kind, installment, on_date, amount_minor, idempotency_key, caller)
            VALUES (@plan, @seq, @at, @kind, @installment, @on, @amount, @key, @caller)
            """,
            ("plan", planId), ("seq", seq), ("at", at), ("kind", kind), ("installment", installment), ("on", on), ("amount", amount),
            ("key", key), ("caller", caller));
    }
}
