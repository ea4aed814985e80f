// Each class starts the real server with demo content and a chromium: run side by side on a 2-core machine
// they starve each other into timeouts, so the browser tests run one class at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
