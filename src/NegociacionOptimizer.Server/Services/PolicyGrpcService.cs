using Google.Protobuf;
using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Server.Services;

/// <summary>The PolicyService RPCs: list, get and dry-run validation of named policies.</summary>
/// <param name="policies">Named policies.</param>
public sealed class PolicyGrpcService(IPolicyStore policies) : PolicyService.PolicyServiceBase
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <inheritdoc/>
    public override Task<ListPoliciesResponse> ListPolicies(ListPoliciesRequest request, ServerCallContext context)
    {
        var response = new ListPoliciesResponse();
        response.Policies.AddRange(policies.All().Select(p => new PolicySummary
        {
            Id = p.Policy.Id,
            Version = p.Policy.Version,
            Description = p.Policy.Description,
            Currency = p.Policy.Currency.Code,
            Country = p.Policy.Country,
            Source = p.Source,
        }));
        return Task.FromResult(response);
    }

    /// <inheritdoc/>
    public override Task<GetPolicyResponse> GetPolicy(GetPolicyRequest request, ServerCallContext context)
    {
        if (!policies.TryGet(request.PolicyId, out var stored))
        {
            var known = string.Join(", ", policies.All().Select(p => p.Policy.Id));
            throw new RpcException(new Status(StatusCode.NotFound, $"No policy \"{request.PolicyId}\"; known: {known}."));
        }

        return Task.FromResult(new GetPolicyResponse { Policy = PolicyToProto.Map(stored.Policy), Source = stored.Source });
    }

    /// <inheritdoc/>
    public override Task<ValidatePolicyResponse> ValidatePolicy(ValidatePolicyRequest request, ServerCallContext context) =>
        Task.FromResult(Validate(request));

    /// <summary>Every problem of a policy document (a message or protobuf JSON text), and its normalized form when valid.</summary>
    public static ValidatePolicyResponse Validate(ValidatePolicyRequest request)
    {
        var problems = new Problems();
        Api.V1.Policy? policy = null;
        switch (request.DocumentCase)
        {
            case ValidatePolicyRequest.DocumentOneofCase.Policy:
                policy = request.Policy;
                break;
            case ValidatePolicyRequest.DocumentOneofCase.PolicyJson:
                try
                {
                    policy = Parser.Parse<Api.V1.Policy>(request.PolicyJson);
                }
                catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
                {
                    problems.Add("policy_json", $"is not a valid protobuf JSON Policy: {e.Message}");
                }

                break;
            default:
                problems.Add("document", "give policy or policy_json");
                break;
        }

        if (policy is not null)
        {
            PolicyValidator.Validate(problems, policy, string.Empty, inline: false);
        }

        var response = new ValidatePolicyResponse { Valid = problems.IsEmpty };
        response.Problems.AddRange(problems.Items.Select(p => new FieldProblem { Field = p.Field, Description = p.Description }));
        if (problems.IsEmpty && policy is not null)
        {
            response.Normalized = PolicyToProto.Map(ToDomain.Policy(policy, Currency.FromCode(policy.Currency)));
        }

        return response;
    }
}
