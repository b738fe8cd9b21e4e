using NegociacionOptimizer.Analyst;
using Spectre.Console;

return await AnalystCli.Create(AnsiConsole.Console).Parse(args).InvokeAsync();
