using NegociacionOptimizer.Analyst;
using Spectre.Console;

return await AnalystCli.RunAsync(args, AnsiConsole.Console, Console.Error);
