using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NegociacionOptimizer.Benchmarks.PlanEvaluationBenchmarks).Assembly).Run(args);
