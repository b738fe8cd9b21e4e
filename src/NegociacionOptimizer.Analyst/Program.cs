using NegociacionOptimizer.Analyst;
using NegociacionOptimizer.Optimization.Running;
using Spectre.Console;

// The in-process portfolio runs solve with CP-SAT on several threads: the C heap kept small as in the server.
using var nativeHeap = NativeHeap.KeepSmall();

return await AnalystCli.RunAsync(args, AnsiConsole.Console, Console.Error);
