using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Ledger.Storage;

namespace NegociacionOptimizer.Ledger;

/// <summary>
/// The ledger of SPEC §8 on SQLite or PostgreSQL: offer sets issued, proposal verdicts, policy versions published, and
/// accepted plans with their payments and breaks. Writes are durable when their task completes (group commit, see
/// <see cref="BatchWriter"/>); a database that cannot write makes them throw <see cref="LedgerUnavailableException"/>.
/// Thread-safe. The server holds one instance (its writes share one queue); other instances (the analyst's reads, a
/// second server on PostgreSQL) may open the same database.
/// </summary>
public sealed class SqlLedger : IAsyncDisposable
{
    private readonly Database _database;
    private readonly BatchWriter _writer;
    private readonly TimeProvider _time;

    private SqlLedger(Database database, int maxBatch, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writer = new BatchWriter(database, maxBatch);
    }

    /// <summary>Most writes committed in one transaction unless the caller of <see cref="Open"/> says otherwise.</summary>
    public const int DefaultMaxBatch = 64;

    /// <summary>The database this ledger lives in.</summary>
    public LedgerConnection Connection => _database.Connection;

    /// <summary>Schema version of the database (after the migrations at open).</summary>
    public int SchemaVersion { get; private init; }

    /// <summary>Migrations applied when this instance opened the database (empty when it was up to date).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; private init; } = [];

    /// <summary>Opens (creating the SQLite file or the schema when missing) and migrates the ledger.</summary>
    /// <exception cref="LedgerUnavailableException">The database cannot be reached or migrated.</exception>
    public static SqlLedger Open(LedgerConnection connection, TimeProvider time, int maxBatch = DefaultMaxBatch)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var database = new Database(connection);
        try
        {
            using var open = database.Open();
            var applied = Migrator.Apply(open, connection.Backend);
            return new SqlLedger(database, maxBatch, time) { SchemaVersion = Migrator.Current(open), AppliedMigrations = applied };
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new LedgerUnavailableException($"The ledger ({connection.Describe()}) cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>Records an answer's offer set (and a proposal's verdict); returns its set id once durable.</summary>
    public Task<string> RecordOffersAsync(IssuedOfferSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var setId = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Serialized here, on the caller's thread: the one writer's batch only binds and inserts.
        var schedules = set.Offers.Select(o => ScheduleJson.Write(o.Schedule)).ToArray();
        return _writer.WriteAsync((c, t) =>
        {
            Sql.Execute(c, t, """
                INSERT INTO offer_sets (set_id, issued_at, source, fingerprint, account_ref, policy_id, policy_version, policy_arm,
                    tightened, reason, as_of, currency, verdict, caller)
                VALUES (@set, @at, @source, @fingerprint, @account, @policy, @version, @arm, @tightened, @reason, @asof, @currency, @verdict, @caller)
                """,
                ("set", setId), ("at", at), ("source", set.Source), ("fingerprint", set.Fingerprint), ("account", set.AccountRef),
                ("policy", set.PolicyId), ("version", set.PolicyVersion), ("arm", set.PolicyArm), ("tightened", set.Tightened ? 1 : 0),
                ("reason", set.Reason), ("asof", Sql.Iso(set.AsOf)), ("currency", set.Currency), ("verdict", set.Verdict), ("caller", set.Caller));
            for (var i = 0; i < set.Offers.Count; i++)
            {
                var o = set.Offers[i];
                Sql.Execute(c, t, """
                    INSERT INTO offers (set_id, position, offer_id, kind, frequency, installments, grace_periods, down_payment_minor,
                        discount_minor, installment_minor, total_to_pay_minor, burden, expires_on, signature, signature_key_id, schedule, terms)
                    VALUES (@set, @position, @offer, @kind, @frequency, @n, @g, @down, @discount, @installment, @total, @burden, @expires,
                        @signature, @key, @schedule, @terms)
                    """,
                    ("set", setId), ("position", i + 1), ("offer", o.OfferId), ("kind", o.Kind), ("frequency", o.Frequency), ("n", o.Installments),
                    ("g", o.GracePeriods), ("down", o.DownPaymentMinor), ("discount", o.DiscountMinor), ("installment", o.InstallmentMinor),
                    ("total", o.TotalToPayMinor), ("burden", o.Burden), ("expires", Sql.Iso(o.ExpiresOn)), ("signature", o.Signature),
                    ("key", o.SignatureKeyId), ("schedule", schedules[i]), ("terms", o.Terms));
            }

            return setId;
        }, cancellationToken);
    }

    /// <summary>
    /// Records a policy version (synchronously: the policy loader waits for it). A version published before with other
    /// content is refused and nothing is written.
    /// </summary>
    public PolicyPublication PublishPolicy(PolicyVersion policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _writer.WriteAsync((c, t) =>
        {
            var known = Sql.Query(c, t, "SELECT content_hash FROM policy_versions WHERE policy_id = @id AND version = @v",
                r => Sql.Text(r, "content_hash"), ("id", policy.PolicyId), ("v", policy.Version));
            if (known.Count > 0 && known[0] != policy.ContentHash)
            {
                return PolicyPublication.VersionReused;
            }

            if (known.Count == 0)
            {
                Sql.Execute(c, t, """
                    INSERT INTO policy_versions (policy_id, version, content_hash, document, published_at, published_by)
                    VALUES (@id, @v, @hash, @doc, @at, @by)
                    """,
                    ("id", policy.PolicyId), ("v", policy.Version), ("hash", policy.ContentHash), ("doc", policy.Document), ("at", at),
                    ("by", policy.PublishedBy));
            }

            var active = Sql.Count(c, t, "SELECT COUNT(*) FROM active_policies WHERE policy_id = @id AND version = @v",
                ("id", policy.PolicyId), ("v", policy.Version)) > 0;
            if (!active)
            {
                Sql.Execute(c, t, "DELETE FROM active_policies WHERE policy_id = @id", ("id", policy.PolicyId));
                Sql.Execute(c, t, "INSERT INTO active_policies (policy_id, version, since) VALUES (@id, @v, @at)",
                    ("id", policy.PolicyId), ("v", policy.Version), ("at", at));
            }

            return known.Count == 0 ? PolicyPublication.Published : PolicyPublication.AlreadyPublished;
        }, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The last good version of every named policy published here, by id.</summary>
    public IReadOnlyList<PolicyVersion> ActivePolicies() => Read(c => Sql.Query(c, null, """
        SELECT p.policy_id, p.version, p.content_hash, p.document, p.published_by
        FROM active_policies a JOIN policy_versions p ON p.policy_id = a.policy_id AND p.version = a.version
        ORDER BY p.policy_id
        """,
        r => new PolicyVersion(Sql.Text(r, "policy_id"), Sql.Int(r, "version"), Sql.Text(r, "content_hash"), Sql.Text(r, "document"),
            Sql.Text(r, "published_by"))));

    /// <summary>The highest version of <paramref name="policyId"/> ever published (0 when none).</summary>
    public int HighestVersion(string policyId) =>
        Read(c => (int)Sql.Count(c, null, "SELECT COALESCE(MAX(version), 0) FROM policy_versions WHERE policy_id = @id", ("id", policyId)));

    /// <summary>
    /// Accepts a recorded offer (its signature and expiry checked by the caller): the plan with its schedule, or why not.
    /// </summary>
    public Task<LedgerAnswer> AcceptAsync(Acceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = RequestHash("accept", acceptance.OfferId, acceptance.Signature);
        return _writer.WriteAsync((c, t) => Idempotent(c, t, acceptance.IdempotencyKey, "accept", hash, at, () => Plans.Accept(c, t, acceptance, at)),
            cancellationToken);
    }

    /// <summary>Records a payment made or missed towards one payment of a plan.</summary>
    public Task<LedgerAnswer> RecordPaymentAsync(PaymentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = RequestHash("payment", report.PlanId, report.Installment.ToString(System.Globalization.CultureInfo.InvariantCulture),
            report.Outcome.ToString(), Sql.Iso(report.On), report.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return _writer.WriteAsync((c, t) => Idempotent(c, t, report.IdempotencyKey, "payment", hash, at, () => Plans.Pay(c, t, report, at)),
            cancellationToken);
    }

    /// <summary>Records that a plan broke.</summary>
    public Task<LedgerAnswer> RecordBreakAsync(BreakReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = RequestHash("break", report.PlanId, Sql.Iso(report.On));
        return _writer.WriteAsync((c, t) => Idempotent(c, t, report.IdempotencyKey, "break", hash, at, () => Plans.Break(c, t, report, at)),
            cancellationToken);
    }

    /// <summary>A plan, or null when there is none with this id.</summary>
    public PlanRecord? GetPlan(string planId) => Read(c => Plans.Load(c, null, planId));

    /// <summary>Every plan of an account reference, oldest first.</summary>
    public IReadOnlyList<PlanRecord> ListPlans(string accountRef) => Read(c =>
        Sql.Query(c, null, "SELECT plan_id FROM plans WHERE account_ref = @account ORDER BY accepted_at, plan_id",
                r => Sql.Text(r, "plan_id"), ("account", accountRef))
            .Select(id => Plans.Load(c, null, id)!)
            .ToList());

    /// <summary>Every closed plan with installments (completed or broken), for the behaviour fit.</summary>
    public IReadOnlyList<PlanOutcome> Outcomes() => Read(c => Sql.Query(c, null, """
        SELECT p.burden, p.reason, p.frequency, p.grace_periods, p.installments, p.status,
            (SELECT COUNT(*) FROM plan_installments i WHERE i.plan_id = p.plan_id AND i.number >= 1 AND i.state = 'paid') AS paid
        FROM plans p
        WHERE p.status IN ('completed', 'broken') AND p.installments >= 1
        ORDER BY p.accepted_at, p.plan_id
        """,
        r =>
        {
            var completed = Sql.Text(r, "status") == "completed";
            var paid = Sql.Int(r, "paid");
            var grace = Sql.Int(r, "grace_periods");
            return new PlanOutcome(Sql.Double(r, "burden"), Sql.Text(r, "reason"), Sql.Text(r, "frequency"), grace, Sql.Int(r, "installments"),
                paid, completed, !completed && paid == 0 && grace == 0 ? 1 : null);
        }));

    /// <summary>
    /// Deletes the offer sets issued before <paramref name="cutoff"/> that no plan came from (verdicts included);
    /// returns how many sets were deleted.
    /// </summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var before = cutoff.ToUnixTimeMilliseconds();
        return _writer.WriteAsync((c, t) =>
        {
            const string Old = "SELECT s.set_id FROM offer_sets s WHERE s.issued_at < @before AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.set_id = s.set_id)";
            Sql.Execute(c, t, $"DELETE FROM offers WHERE set_id IN ({Old})", ("before", before));
            return Sql.Execute(c, t, $"DELETE FROM offer_sets WHERE set_id IN ({Old})", ("before", before));
        }, cancellationToken);
    }

    /// <summary>Offer sets and offers held (the retention reports what it kept).</summary>
    public (long Sets, long Offers) Counts() => Read(c =>
        (Sql.Count(c, null, "SELECT COUNT(*) FROM offer_sets"), Sql.Count(c, null, "SELECT COUNT(*) FROM offers")));

    /// <summary>Whether an offer with this id has been recorded.</summary>
    public bool HasOffer(string offerId) => Read(c => Sql.Count(c, null, "SELECT COUNT(*) FROM offers WHERE offer_id = @id", ("id", offerId)) > 0);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }

    private T Read<T>(Func<DbConnection, T> query)
    {
        try
        {
            using var connection = _database.Open();
            return query(connection);
        }
        catch (DbException e)
        {
            throw new LedgerUnavailableException("The ledger could not be read.", e);
        }
    }

    /// <summary>
    /// The first answer again when <paramref name="key"/> was used for this same call; a refusal when it was used for
    /// another; else runs <paramref name="record"/> and, when it recorded something, keeps the key with its plan.
    /// </summary>
    private static LedgerAnswer Idempotent(
        DbConnection c, DbTransaction t, string key, string operation, string hash, long at, Func<LedgerAnswer> record)
    {
        var prior = Sql.Query(c, t, "SELECT operation, request_hash, plan_id FROM idempotency_keys WHERE idempotency_key = @key",
            r => (Operation: Sql.Text(r, "operation"), Hash: Sql.Text(r, "request_hash"), PlanId: Sql.Text(r, "plan_id")), ("key", key));
        if (prior.Count > 0)
        {
            return prior[0].Operation == operation && prior[0].Hash == hash
                ? new LedgerAnswer(Plans.Load(c, t, prior[0].PlanId), LedgerRefusal.None, Replayed: true)
                : new LedgerAnswer(null, LedgerRefusal.KeyReused);
        }

        var answer = record();
        if (answer.Refusal == LedgerRefusal.None)
        {
            Sql.Execute(c, t, """
                INSERT INTO idempotency_keys (idempotency_key, operation, request_hash, plan_id, recorded_at)
                VALUES (@key, @op, @hash, @plan, @at)
                """,
                ("key", key), ("op", operation), ("hash", hash), ("plan", answer.Plan!.PlanId), ("at", at));
        }

        return answer;
    }

    private static string RequestHash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
