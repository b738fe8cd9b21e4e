using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Services;

/// <summary>The PolicyService RPCs: list, get and dry-run validation of named policies (analyst role and above).</summary>
/// <param name="policies">Named policies.</param>
[Authorize(Policy = Roles.AnalystPolicy)]
public sealed class PolicyGrpcService(IPolicyStore policies) : PolicyService.PolicyServiceBase
{
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
        ArgumentNullException.ThrowIfNull(request);
        if (!PolicyIds.IsWellFormed(request.PolicyId))
        {
            throw BadRequestErrors.ToRpcException([new FieldViolation("policy_id", PolicyIds.Rule)]);
        }

        if (!policies.TryGet(request.PolicyId, out var stored))
        {
            var known = string.Join(", ", policies.All().Select(p => p.Policy.Id));
            throw new RpcException(new Status(StatusCode.NotFound, $"No policy \"{request.PolicyId}\"; known: {known}."));
        }

        return Task.FromResult(new GetPolicyResponse { Policy = PolicyToProto.Map(stored.Policy), Source = stored.Source });
    }

    /// <inheritdoc/>
    public override Task<ValidatePolicyResponse> ValidatePolicy(ValidatePolicyRequest request, ServerCallContext context) =>
        Task.FromResult(Validate(request, policies));

    /// <summary>
    /// Every problem of a policy document (a message or protobuf JSON text) as the folder loader would judge it if it
    /// were saved now as <c>&lt;id&gt;.json</c> (<see cref="PolicyChecks.All"/>), and its normalized form when valid.
    /// </summary>
    public static ValidatePolicyResponse Validate(ValidatePolicyRequest request, IPolicyStore policies)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        var problems = new Problems();
        var message = request.DocumentCase switch
        {
            ValidatePolicyRequest.DocumentOneofCase.Policy => request.Policy,
            ValidatePolicyRequest.DocumentOneofCase.PolicyJson => PolicyChecks.Parse(request.PolicyJson, problems),
            _ => null,
        };
        if (request.DocumentCase == ValidatePolicyRequest.DocumentOneofCase.None)
        {
            problems.Add("document", "give policy or policy_json");
        }

        var active = policies.All().ToDictionary(p => p.Policy.Id, StringComparer.Ordinal);
        var policy = message is null ? null : PolicyChecks.All(message, fileName: null, active, problems);
        var response = new ValidatePolicyResponse { Valid = problems.IsEmpty };
        response.Problems.AddRange(problems.Items.Select(p => new FieldProblem { Field = p.Field, Description = p.Description }));
        if (policy is not null && problems.IsEmpty)
        {
            response.Normalized = PolicyToProto.Map(policy);
        }

        return response;
    }
}
