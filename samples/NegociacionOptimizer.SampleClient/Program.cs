using NegociacionOptimizer.SampleClient;

// Usage: SampleClient [evaluate] <request.json> [--accept RANK] [--address URL] [--api-key KEY] [--cert FILE [--key FILE]] [--ca FILE];
// --help shows every option.
return await SampleClientCli.RunAsync(args, Console.Out, Console.Error);
