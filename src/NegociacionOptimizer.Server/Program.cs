using NegociacionOptimizer.Server.Hosting;

// Starts on http://127.0.0.1:5080 (HTTP/2 cleartext, the local admin) with the policies folder; see README for --port /
// --urls / --policies and docs/SECURITY.md for credentials and TLS. A refused configuration exits with 2 and one line.
_ = NativeHeap.LimitArenas();
using var trimmer = new Timer(_ => NativeHeap.Trim(), null, NativeHeap.TrimPeriod, NativeHeap.TrimPeriod);
WebApplication app;
try
{
    var options = ServerOptions.Parse(args, Environment.GetEnvironmentVariable);
    app = ServerHost.Build(options, args);
}
catch (Exception e) when (e is StartupRefusedException or ArgumentException)
{
    Console.Error.WriteLine($"negociacion-server: {e.Message}");
    return 2;
}

await app.RunAsync();
return 0;
