using NegociacionOptimizer.Analyst;
using Spectre.Console;

return AnalystCli.Create(AnsiConsole.Console).Parse(args).Invoke();
