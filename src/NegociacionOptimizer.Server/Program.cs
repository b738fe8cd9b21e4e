using NegociacionOptimizer.Server.Hosting;

// Starts on http://127.0.0.1:5080 (HTTP/2 cleartext) with the policies folder; see README for --port / --urls / --policies.
var options = ServerOptions.Parse(args, Environment.GetEnvironmentVariable);
var app = ServerHost.Build(options, args);
await app.RunAsync();
