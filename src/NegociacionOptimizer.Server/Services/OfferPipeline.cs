using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// GenerateOffers for one request: validate → map → wait for a solve slot → engine → map. Shared by the unary and the
/// streaming RPC.
/// </summary>
/// <param name="router">Named policies and the champion/challenger split.</param>
/// <param name="engine">The offer engine.</param>
/// <param name="time">Clock for deadlines.</param>
/// <param name="gate">Bounds the solves running and waiting.</param>
/// <param name="calendars">Business calendars with the operator's overrides.</param>
/// <param name="metrics">Records each search's time (none outside a server).</param>
public sealed class OfferPipeline(
    PolicyRouter router, IOfferEngine engine, TimeProvider time, SolveGate gate, ICalendarSource calendars, ServerMetrics? metrics = null)
{
    private readonly RequestValidator _validator = new(router.Policies);

    /// <summary>Name of the engine, reported in every response.</summary>
    public string EngineName { get; } = ToProto.DefaultEngineName;

    /// <summary>The validator of every request.</summary>
    public RequestValidator Validator => _validator;

    /// <summary>The named policies.</summary>
    public IPolicyStore Policies => router.Policies;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The solve gate.</summary>
    public SolveGate Gate => gate;

    /// <summary>
    /// The answer to a request already validated with <see cref="Validator"/>; disputes and fraud claims get the review
    /// outcome without a search. A search cut by the deadline keeps the best offers found (not proven optimal); one cut
    /// before it found any is DEADLINE_EXCEEDED rather than a false "no feasible plan".
    /// </summary>
    public async Task<GenerateOffersResponse> GenerateAsync(GenerateOffersRequest request, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var negotiation = Negotiation.From(router, calendars, request.Account, request.Inquiry, request.Policy, request.PolicyId, request.Tightening);
        var language = Languages.FromTag(request.Language);
        var context = negotiation.Context;
        if (context.Inquiry.Reason.RequiresReview())
        {
            return ToProto.ReviewResponse(context, request.RequestId, negotiation.PolicyRef, language, EngineName);
        }

        var slot = await gate.EnterAsync(Negotiation.LatestStart(deadlineUtc), time, cancellationToken).ConfigureAwait(false);
        OfferSet set;
        TimeSpan limit;
        try
        {
            var count = request.HasOfferCount ? request.OfferCount : context.Policy.OfferCount;
            var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
            (limit, var byDeadline) = negotiation.TimeLimit(deadlineUtc, time);
            set = await SearchAsync(context, new OfferOptions(count, limit, fingerprint), deadlineUtc, ref slot, cancellationToken).ConfigureAwait(false);
            metrics?.Solve(set.Stats.Elapsed, set.Stats.OptimalProven);
            if (byDeadline && set.Outcome == OfferOutcome.NoFeasiblePlan && !set.Stats.OptimalProven)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                    $"The call's deadline ended the search after {limit.TotalMilliseconds:0} ms, before any offer was found."));
            }
        }
        finally
        {
            slot?.Dispose();
        }

        return ToProto.Response(set, context, request.RequestId, negotiation.PolicyRef, language, EngineName);
    }

    /// <summary>
    /// Runs the engine off the request thread, holding the solve slot until the engine returns, even after the call
    /// gave up, so the slots bound the CPU in use. An engine that overruns its time limit by
    /// <see cref="SolveGate.OverrunGrace"/> gets its slot taken back (counted in <see cref="SolveGate.Abandoned"/>), so a
    /// search that does not stop cannot block the server. The engine stops at the time limit or when the call is
    /// cancelled; if it has not answered shortly before the deadline the call gets DEADLINE_EXCEEDED on time. On return
    /// <paramref name="slot"/> is null: the search owns it.
    /// </summary>
    private Task<OfferSet> SearchAsync(
        Domain.Plans.NegotiationContext context, OfferOptions options, DateTime deadlineUtc, ref IDisposable? slot, CancellationToken cancellationToken)
    {
        // The time limit runs on the server's clock (a TimeProvider), like the deadline watchdog below.
        var limit = new CancellationTokenSource(options.TimeLimit, time);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var held = slot!;
        slot = null;
        var released = 0;
        void Release(bool abandoned)
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                held.Dispose();
                if (abandoned)
                {
                    gate.CountAbandoned();
                }
            }
        }

        // A search holds its thread for up to seconds: a dedicated thread keeps it off the thread pool, whose threads
        // answer the other calls and run the deadline watchdog (pool starvation had delayed answers by a second).
        var search = Task.Factory.StartNew(
            () => engine.Generate(context, options, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _ = search.ContinueWith(_ => { Release(false); stop.Dispose(); limit.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _ = Task.Delay(options.TimeLimit + SolveGate.OverrunGrace, time, CancellationToken.None).ContinueWith(
            _ => Release(!search.IsCompleted), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return AwaitAsync(search, stop, deadlineUtc, cancellationToken);
    }

    private async Task<OfferSet> AwaitAsync(Task<OfferSet> search, CancellationTokenSource stop, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        try
        {
            return await WithinDeadlineAsync(search, stop, deadlineUtc, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The engine gave up at its own time limit instead of returning what it had.
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The search ran out of time before it found an answer."));
        }
    }

    private async Task<OfferSet> WithinDeadlineAsync(Task<OfferSet> search, CancellationTokenSource stop, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        if (deadlineUtc == DateTime.MaxValue)
        {
            return await search.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var answerBy = deadlineUtc - time.GetUtcNow().UtcDateTime - (Negotiation.DeadlineMargin / 2);
        try
        {
            return await search.WaitAsync(answerBy > TimeSpan.Zero ? answerBy : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CancelQuietly(stop);
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The search did not finish within the call's deadline."));
        }
    }

    private static void CancelQuietly(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The engine returned (and the source was disposed) between the timeout and here: nothing to stop.
        }
    }

    /// <summary>Validates, then answers; INVALID_ARGUMENT with every violation for bad input.</summary>
    public Task<GenerateOffersResponse> ValidateAndGenerateAsync(GenerateOffersRequest request, ServerCallContext call)
    {
        var violations = _validator.Validate(request);
        if (violations.Count > 0)
        {
            throw Errors.BadRequestErrors.ToRpcException(violations);
        }

        return GenerateAsync(request, call.Deadline, call.CancellationToken);
    }
}
