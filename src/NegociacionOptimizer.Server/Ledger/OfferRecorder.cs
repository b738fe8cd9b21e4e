using System.Globalization;
using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>
/// Records every answer that issued offers or judged a proposal before it is sent (SPEC §8): the request's fingerprint,
/// the keyed account reference, the policy version, and each signed offer. A ledger that cannot write makes the call
/// UNAVAILABLE: no offer leaves the server unrecorded. Only references, categories and amounts are kept (no names,
/// no raw account id, no free text).
/// </summary>
/// <param name="ledger">The ledger.</param>
/// <param name="accountRefs">Keys account ids.</param>
public sealed class OfferRecorder(SqlLedger ledger, AccountRefs accountRefs)
{
    /// <summary>Records a GenerateOffers answer (<paramref name="source"/> "generate", or "stream" for a stream item).</summary>
    public Task RecordAsync(GenerateOffersRequest request, GenerateOffersResponse response, string source, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var set = Set(source, request, request.Account, request.Inquiry, response.Policy, null, caller, response.Offers);
        return WriteAsync(set, cancellationToken);
    }

    /// <summary>Records an EvaluateProposal answer: its verdict, and its accepted offer or counter-offers (all acceptable later).</summary>
    public Task RecordAsync(EvaluateProposalRequest request, EvaluateProposalResponse response, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var offers = response.AcceptedOffer is { } accepted ? [accepted] : response.CounterOffers.Select(c => c.Offer).ToList();
        var verdict = ProtoEnums.NameOf(ProtoEnums.Verdict, (int)response.Verdict);
        var set = Set("evaluate", request, request.Account, request.Inquiry, response.Policy, verdict, caller, offers);
        return WriteAsync(set, cancellationToken);
    }

    private async Task WriteAsync(IssuedOfferSet set, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.RecordOffersAsync(set, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerUnavailableException)
        {
            throw Unavailable();
        }
    }

    /// <summary>The status of a call whose answer could not be recorded.</summary>
    public static RpcException Unavailable() => new(new Status(StatusCode.Unavailable,
        "The ledger could not record this answer, so it was not sent; retry the call."));

    private IssuedOfferSet Set<T>(
        string source, T request, Account account, Inquiry inquiry, PolicyRef? policy, string? verdict, ClaimsPrincipal caller, IEnumerable<Offer> offers)
        where T : IMessage<T>
    {
        var reference = policy ?? new PolicyRef();
        return new IssuedOfferSet(
            source,
            Fingerprints.Of(request, reference.PolicyId, reference.Version),
            accountRefs.Of(account.AccountId),
            reference.PolicyId,
            reference.Version,
            reference.Arm,
            reference.Tightened,
            ProtoEnums.NameOf(ProtoEnums.Reason, (int)inquiry.Reason),
            DateOnly.ParseExact(account.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            account.Currency,
            verdict,
            caller.Identity?.Name ?? string.Empty,
            [.. offers.Select(Issued)]);
    }

    /// <summary>One signed offer as the ledger keeps it: its terms without the presentation texts (script, explanations).</summary>
    private static IssuedOffer Issued(Offer offer)
    {
        var terms = offer.Clone();
        terms.Script = string.Empty;
        terms.BindingConstraints.Clear();
        return new IssuedOffer(
            offer.OfferId,
            ProtoEnums.NameOf(ProtoEnums.OfferKind, (int)offer.Kind),
            ProtoEnums.NameOf(ProtoEnums.Frequency, (int)offer.Frequency),
            offer.Installments,
            offer.GracePeriods,
            offer.DownPaymentMinor,
            offer.Discount?.TotalMinor ?? 0,
            offer.InstallmentMinor,
            offer.TotalToPayMinor,
            offer.Burden,
            DateOnly.ParseExact(offer.ExpiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            offer.Signature,
            offer.SignatureKeyId,
            [.. offer.Schedule.Select(p => new DueInstallment(
                p.Number, DateOnly.ParseExact(p.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), p.AmountMinor))],
            JsonFormatter.Default.Format(terms));
    }
}
