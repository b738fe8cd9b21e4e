using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>
/// Every check a named policy document must pass, shared by the folder loader and <c>ValidatePolicy</c> so both give
/// the same verdict field by field: protobuf JSON syntax, the ranges of policy.proto, the file name, the version
/// against the active one, and the champion/challenger links against the other policies.
/// </summary>
public static class PolicyChecks
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>The policy message of protobuf JSON <paramref name="json"/>; null (with a problem) when it does not parse.</summary>
    public static Api.V1.Policy? Parse(string json, Problems problems, string field = "policy_json")
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return Parser.Parse<Api.V1.Policy>(json);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            problems.Add(field, $"is not a valid protobuf JSON Policy: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The complete policy of a document, or null with its problems: the ranges of policy.proto; the id against the
    /// file name (<c>&lt;id&gt;.json</c>) when there is one; and the version against the active policy of the same id,
    /// which may not go down, nor stay the same when anything changed (offers would then report a version that does
    /// not say what produced them).
    /// </summary>
    public static Policy? Document(
        Api.V1.Policy message, string? fileName, IReadOnlyDictionary<string, StoredPolicy> active, Problems problems)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Items.Count;
        PolicyValidator.Validate(problems, message, string.Empty, inline: false);
        if (fileName is not null && !string.Equals(fileName, message.Id + ".json", StringComparison.Ordinal))
        {
            problems.Add("id", $"must match the file name: \"{fileName}\" holds id \"{message.Id}\"; name the file \"{message.Id}.json\" or fix the id");
        }

        if (problems.Items.Count > before)
        {
            return null;
        }

        var policy = ToDomain.Policy(message, Currency.FromCode(message.Currency));
        if (active.TryGetValue(policy.Id, out var current))
        {
            if (policy.Version < current.Policy.Version)
            {
                problems.Add("version", $"must not go down: version {current.Policy.Version} is active; got {policy.Version}");
            }
            else if (policy.Version == current.Policy.Version && !PolicyToProto.Map(policy).Equals(PolicyToProto.Map(current.Policy)))
            {
                problems.Add("version", $"the policy differs from active version {current.Policy.Version} with the same version; raise it to {current.Policy.Version + 1} or more");
            }
        }

        return problems.Items.Count > before ? null : policy;
    }

    /// <summary>
    /// Champion/challenger links of <paramref name="policy"/> within <paramref name="policies"/> (the set it would join):
    /// its challenger exists, is another policy, has no challenger of its own (no chains, hence no cycles) and shares
    /// its currency; and when another policy names this one as its challenger, the same rules from that side. Champions
    /// in <paramref name="changing"/> (saved in the same reload) answer for such a link themselves, so a pair saved
    /// together is judged once, on the champion's side.
    /// </summary>
    public static void Links(
        Policy policy, IReadOnlyDictionary<string, StoredPolicy> policies, Problems problems, IReadOnlySet<string>? changing = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(problems);
        if (policy.Challenger is { } challenger)
        {
            const string Field = "challenger.policy_id";
            if (challenger.PolicyId == policy.Id)
            {
                problems.Add(Field, "must name another policy, not this one");
            }
            else if (!policies.TryGetValue(challenger.PolicyId, out var other))
            {
                var known = string.Join(", ", policies.Keys.Where(k => k != policy.Id).Order(StringComparer.Ordinal));
                problems.Add(Field, $"no policy \"{challenger.PolicyId}\" is loaded; known: {known}");
            }
            else
            {
                if (other.Policy.Challenger is { } next)
                {
                    problems.Add(Field, $"policy \"{other.Policy.Id}\" has its own challenger \"{next.PolicyId}\"; a challenger cannot have one (no chains)");
                }

                if (other.Policy.Currency != policy.Currency)
                {
                    problems.Add(Field, $"policy \"{other.Policy.Id}\" is in {other.Policy.Currency.Code}; a challenger must be in {policy.Currency.Code} like its champion");
                }
            }
        }

        var champions = policies.Values.Where(p =>
            p.Policy.Id != policy.Id && p.Policy.Challenger?.PolicyId == policy.Id && changing?.Contains(p.Policy.Id) != true);
        foreach (var champion in champions)
        {
            if (policy.Challenger is { } own)
            {
                problems.Add("challenger.policy_id", $"policy \"{champion.Policy.Id}\" uses this policy as its challenger, so it cannot name one (\"{own.PolicyId}\"): no chains");
            }

            if (champion.Policy.Currency != policy.Currency)
            {
                problems.Add("currency", $"policy \"{champion.Policy.Id}\" uses this policy as its challenger and is in {champion.Policy.Currency.Code}; got {policy.Currency.Code}");
            }
        }
    }

    /// <summary>
    /// Every problem of a document as the server would judge it now (what <c>ValidatePolicy</c> answers): the document
    /// checks against <paramref name="active"/>, then the links within the active set with this policy in it.
    /// </summary>
    public static Policy? All(
        Api.V1.Policy message, string? fileName, IReadOnlyDictionary<string, StoredPolicy> active, Problems problems)
    {
        var policy = Document(message, fileName, active, problems);
        if (policy is null)
        {
            return null;
        }

        var joined = new Dictionary<string, StoredPolicy>(active, StringComparer.Ordinal)
        {
            [policy.Id] = new StoredPolicy(policy, fileName ?? policy.Id + ".json"),
        };
        var before = problems.Items.Count;
        Links(policy, joined, problems);
        return problems.Items.Count > before ? null : policy;
    }
}
