using System.Collections;
using Microsoft.Extensions.Configuration;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Server.Hosting;
using YamlDotNet.Serialization;

namespace NegociacionOptimizer.Operations.Tests.Deploy;

/// <summary>
/// deploy/kubernetes parsed and checked against the server's real settings: the container's environment binds to valid
/// options whose ports, folders and timings are the ones the probes, mounts, Services and grace period name.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(Programs.RepositoryRoot, "deploy", "kubernetes");

    private static readonly List<Node> Documents = [.. Directory.GetFiles(Folder, "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml")
        .SelectMany(f => File.ReadAllText(f).Split("\n---", StringSplitOptions.RemoveEmptyEntries))
        .Select(text => new Node(new DeserializerBuilder().Build().Deserialize<object>(text)))];

    private static Node Kind(string kind, string? name = null) =>
        Documents.Single(d => d["kind"].Text == kind && (name is null || d["metadata"]["name"].Text == name));

    private static Node Container => Kind("Deployment")["spec"]["template"]["spec"]["containers"][0];

    private static int Port(string name) => Container["ports"].Items.Single(p => p["name"].Text == name)["containerPort"].Int;

    private static Dictionary<string, string> Environment() =>
        Container["env"].Items.ToDictionary(e => e["name"].Text, e => e["value"].Text);

    /// <summary>The options the container's environment gives (its --config file lives in the Secret, so it is left out).</summary>
    private static ServerOptions Options()
    {
        var environment = new Hashtable();
        foreach (var (name, value) in Environment().Where(e => e.Key != "NEGOCIACION__CONFIG"))
        {
            environment[name] = value;
        }

        return ServerConfiguration.Bind(ServerConfiguration.Read([], environment, Folder), Folder);
    }

    private static string MountOf(string volume) => Container["volumeMounts"].Items.Single(m => m["name"].Text == volume)["mountPath"].Text;

    [Fact]
    public void Kustomize_lists_every_manifest() =>
        Assert.Equal(
            Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(),
            new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Folder, "kustomization.yaml")))["resources"]
                switch { List<object> list => list.Select(r => (string)r).Order(), var other => throw new InvalidDataException($"resources: {other}") });

    [Fact]
    public void The_container_environment_is_a_valid_configuration_whose_ports_are_the_container_ports()
    {
        var options = Options();
        Assert.Equal(ServerOptions.DefaultPort, Port("grpc"));
        Assert.Equal(ServerOptions.DefaultHttpPort, Port("http"));
        Assert.Equal($"https://0.0.0.0:{Port("grpc")}", options.Urls);
        Assert.Equal($"https://0.0.0.0:{Port("http")}", options.HttpUrls);
        Assert.Equal(Port("health"), options.HealthPort);
        Assert.True(options.HttpEnabled);
    }

    [Fact]
    public void Probes_ask_grpc_health_on_the_health_port_and_readiness_names_the_offer_service()
    {
        var options = Options();
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal(options.HealthPort, Container[probe]["grpc"]["port"].Int);
        }

        Assert.Equal(OfferService.Descriptor.FullName, Container["readinessProbe"]["grpc"]["service"].Text);
    }

    [Fact]
    public void The_drain_delay_outlasts_readiness_and_the_grace_period_outlasts_the_shutdown()
    {
        var options = Options();
        var readiness = Container["readinessProbe"];
        Assert.True(options.DrainDelayMs >= 1000 * readiness["periodSeconds"].Int * readiness["failureThreshold"].Int,
            "the endpoints must drop the pod before it refuses calls");
        Assert.True(options.ShutdownTimeoutMs > options.DrainDelayMs);
        Assert.True(1000 * Kind("Deployment")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"].Int > options.ShutdownTimeoutMs,
            "the kubelet must not kill the pod while calls may still finish");
    }

    [Fact]
    public void Policies_data_and_secrets_are_volumes_on_a_read_only_root_as_a_non_root_user()
    {
        var options = Options();
        var pod = Kind("Deployment")["spec"]["template"]["spec"];
        var volumes = pod["volumes"].Items.ToDictionary(v => v["name"].Text);
        Assert.Equal(options.PoliciesFolder, MountOf("policies"));
        Assert.Equal("negociacion-policies", volumes["policies"]["configMap"]["name"].Text);
        Assert.Equal(options.DataFolder, MountOf("data"));
        Assert.True(volumes["data"].Has("emptyDir"));
        Assert.StartsWith(MountOf("secrets") + "/", Environment()["NEGOCIACION__CONFIG"], StringComparison.Ordinal);
        Assert.Equal("negociacion-security", volumes["secrets"]["secret"]["secretName"].Text);
        Assert.True(pod["securityContext"]["runAsNonRoot"].Bool);
        Assert.True(Container["securityContext"]["readOnlyRootFilesystem"].Bool);
        Assert.False(Container["securityContext"]["allowPrivilegeEscalation"].Bool);
        Assert.Equal(options.MaxConcurrentSolves, int.Parse(Container["resources"]["requests"]["cpu"].Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_secret_holds_what_the_config_file_names_and_no_real_secret()
    {
        var secret = Kind("Secret")["stringData"];
        Assert.True(secret.Has(Path.GetFileName(Environment()["NEGOCIACION__CONFIG"])));
        Assert.True(secret.Has("tls.crt") && secret.Has("tls.key"));
        Assert.All(secret.Keys, key => Assert.Contains("REPLACE", secret[key].Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_replica_shares_one_postgresql_ledger_named_by_the_config_file_in_the_secret()
    {
        var configFile = Kind("Secret")["stringData"][Path.GetFileName(Environment()["NEGOCIACION__CONFIG"])].Text;
        var settings = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(configFile))).Build();
        var ledger = settings[$"{ServerOptions.Section}:Ledger"];
        Assert.NotNull(ledger);
        Assert.Equal(LedgerBackend.Postgres, LedgerConnection.Parse(ledger).Backend);
        Assert.True(Kind("Deployment")["spec"]["replicas"].Int > 1);
    }

    [Fact]
    public void The_headless_service_exposes_grpc_and_the_normal_one_the_http_port_of_the_same_pods()
    {
        var labels = Kind("Deployment")["spec"]["template"]["metadata"]["labels"];
        var grpc = Kind("Service", "negociacion-server-grpc")["spec"];
        Assert.Equal("None", grpc["clusterIP"].Text);
        Assert.Equal(Port("grpc"), grpc["ports"][0]["port"].Int);
        Assert.Equal("grpc", grpc["ports"][0]["targetPort"].Text);
        var http = Kind("Service", "negociacion-server-http")["spec"];
        Assert.False(http.Has("clusterIP"));
        Assert.Equal(Port("http"), http["ports"][0]["port"].Int);
        Assert.Equal("http", http["ports"][0]["targetPort"].Text);
        foreach (var selector in new[] { grpc["selector"], http["selector"], Kind("PodDisruptionBudget")["spec"]["selector"]["matchLabels"] })
        {
            Assert.All(selector.Keys, key => Assert.Equal(labels[key].Text, selector[key].Text));
        }

        Assert.Equal(Kind("Deployment")["metadata"]["name"].Text, Kind("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]["name"].Text);
    }

    [Fact]
    public void The_policies_configmap_holds_the_repository_example_policies()
    {
        var data = Kind("ConfigMap", "negociacion-policies")["data"];
        var files = Directory.GetFiles(Path.Combine(Programs.RepositoryRoot, "policies"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Select(Path.GetFileName).Order(), data.Keys.Order());
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(file).TrimEnd('\n'), data[Path.GetFileName(file)].Text.TrimEnd('\n'));
        }
    }

    /// <summary>A parsed YAML value, navigated by key or index.</summary>
    private sealed class Node(object? value)
    {
        public Node this[string key] => new(((IDictionary<object, object>)value!)[key]);

        public Node this[int index] => new(((IList<object>)value!)[index]);

        public IEnumerable<Node> Items => ((IList<object>)value!).Select(v => new Node(v));

        public IEnumerable<string> Keys => ((IDictionary<object, object>)value!).Keys.Select(k => (string)k);

        public string Text => (string)value!;

        public int Int => int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);

        public bool Bool => bool.Parse(Text);

        public bool Has(string key) => ((IDictionary<object, object>)value!).ContainsKey(key);
    }
}
