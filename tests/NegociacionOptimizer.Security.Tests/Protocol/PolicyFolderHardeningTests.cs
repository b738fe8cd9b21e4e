using System.Diagnostics;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Protocol;

/// <summary>
/// What reaches the policies folder and policy ids cannot stop the service: a FIFO, a socket or a file that cannot be
/// read is skipped with a warning (start-up and hot reload go on), a file name with a line break is logged escaped, and
/// an id with spaces or a line break is refused.
/// </summary>
public class PolicyFolderHardeningTests
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_fifo_a_socket_or_a_dangling_link_in_the_folder_is_skipped_with_a_warning_and_hot_reload_goes_on(Transport transport)
    {
        var policies = Directory.CreateTempSubdirectory("negociacion-hostile-").FullName;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using (var mkfifo = Process.Start("mkfifo", [Path.Combine(policies, "fifo.json")]))
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(policies, "socket.json")));
            File.CreateSymbolicLink(Path.Combine(policies, "gone.json"), Path.Combine(policies, "missing-target"));
            File.WriteAllText(Path.Combine(policies, "bad\nFORGED.json"), Json("bad"));

            await using var server = await SecureServer.StartAsync(transport, level: LogLevel.Information, options: o => o with { PoliciesFolder = policies });
            using var analyst = server.Client(Credentials.AnalystKey);
            Assert.Equal(["default"], (await analyst.Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies.Select(p => p.Id));

            File.WriteAllText(Path.Combine(policies, "later.json"), Json("later"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!(await analyst.Policies.ListPoliciesAsync(new ListPoliciesRequest(), cancellationToken: timeout.Token)).Policies.Any(p => p.Id == "later"))
            {
                await Task.Delay(50, timeout.Token);
            }

            var warnings = server.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
            Assert.Contains(warnings, l => l.Contains("fifo.json skipped", StringComparison.Ordinal));
            Assert.Contains(warnings, l => l.Contains("socket.json skipped", StringComparison.Ordinal));
            Assert.Contains(warnings, l => l.Contains("gone.json not readable", StringComparison.Ordinal));
            Assert.Contains(warnings, l => l.Contains(@"bad\u000aFORGED.json rejected", StringComparison.Ordinal));
            Assert.DoesNotContain(server.Logs.Lines, l => l.Contains("\nFORGED", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(policies, recursive: true);
        }
    }

    [Theory]
    [InlineData(Transport.H2c, " default")]
    [InlineData(Transport.H2c, "default\n")]
    [InlineData(Transport.Tls, "default ")]
    [InlineData(Transport.Tls, "default\r\nFORGED")]
    public async Task A_policy_id_with_surrounding_whitespace_or_a_line_break_is_invalid_everywhere(Transport transport, string id)
    {
        await using var server = await SecureServer.StartAsync(transport);
        using var analyst = server.Client(Credentials.AnalystKey);
        var request = Requests.Generate();
        request.PolicyId = id;
        var offers = (await analyst.GenerateAsync(request)).Failure!;
        Assert.Equal(StatusCode.InvalidArgument, offers.Code);
        Assert.Contains(offers.Violations, v => v.Field == "policy_id");

        var proposal = Requests.Proposal();
        proposal.PolicyId = id;
        Assert.Contains((await analyst.EvaluateAsync(proposal)).Failure!.Violations, v => v.Field == "policy_id");

        var get = await Assert.ThrowsAsync<RpcException>(() => analyst.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = id }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, get.StatusCode);

        var document = PolicyToProto.Map(PolicyDefaults.BuiltIn);
        document.Id = id;
        var validation = await analyst.Policies.ValidatePolicyAsync(new ValidatePolicyRequest { Policy = document });
        Assert.False(validation.Valid);
        Assert.Contains(validation.Problems, p => p.Field == "id");
    }

    private static string Json(string id)
    {
        var policy = PolicyToProto.Map(PolicyDefaults.BuiltIn);
        policy.Id = id;
        policy.Version = 1;
        return JsonFormatter.Default.Format(policy);
    }
}
