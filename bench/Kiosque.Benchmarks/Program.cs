// Micro-benchmarks of two hot code paths: slugs from headlines and the HTML sanitizer on a ~600-word body.
// bench/bench-dotnet.sh runs them as a short job in process and appends the summary to bench/RESULTS.md.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

var artifacts = Environment.GetEnvironmentVariable("BENCH_ARTIFACTS") ?? Path.Combine("bench", "out", "benchmarkdotnet");
// In process: no generated project to build, which keeps the job short and clear of the repository's build rules.
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(artifacts);
BenchmarkSwitcher.FromAssembly(typeof(Kiosque.Benchmarks.SlugBenchmarks).Assembly).Run(args, config);
