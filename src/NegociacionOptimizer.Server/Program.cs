using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Hosting;

// Starts on http://127.0.0.1:5080 (HTTP/2 cleartext, the local admin) with the policies folder; `--help` lists every
// setting (appsettings.json, NEGOCIACION__… variables, command line) and docs/SECURITY.md the Security section. A
// refused configuration exits with 2 and one line.
if (ServerConfiguration.AsksForHelp(args))
{
    Console.Write(ServerConfiguration.Help());
    return 0;
}

if (ServerConfiguration.AsksForVersion(args))
{
    Console.WriteLine($"negociacion-server {ServerConfiguration.Version()}");
    return 0;
}

// CP-SAT's native allocations: glibc arenas capped and free memory given back (NativeHeap).
using var nativeHeap = NativeHeap.KeepSmall();
WebApplication app;
try
{
    var configuration = ServerConfiguration.Read(args, Environment.GetEnvironmentVariables(), Environment.CurrentDirectory);
    app = ServerHost.Build(ServerConfiguration.Bind(configuration, Environment.CurrentDirectory), configuration);
}
catch (StartupRefusedException e)
{
    Console.Error.WriteLine($"negociacion-server: {e.Message}");
    return 2;
}

await app.RunAsync();
return 0;
