using System.Diagnostics;
using System.Globalization;
using CaseManagement.Documents.Benchmark;
using CaseManagement.Documents.HelpPlans;
using PdfSharp.Pdf.IO;

var iterations = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;
var plan = TypicalPlan.Create();

var bytes = HelpPlanPdf.Render(plan);
using (var stream = new MemoryStream(bytes))
using (var pdf = PdfReader.Open(stream, PdfDocumentOpenMode.Import))
{
    Print($"Plan: {plan.Goals.Count} goals, {plan.Goals.Sum(g => g.Steps.Count)} steps, {pdf.PageCount} pages, {bytes.Length / 1024.0:F0} KiB");
}

// Warm-up: long enough for tiered compilation to reach its optimised code (at least 2 s and 100 runs).
var warmUp = 0;
var warmUpClock = Stopwatch.StartNew();
while (warmUp < 100 || warmUpClock.Elapsed < TimeSpan.FromSeconds(2))
{
    HelpPlanPdf.Render(plan);
    warmUp++;
}

var timings = new double[iterations];
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var userBefore = Process.GetCurrentProcess().UserProcessorTime;
int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
var allocatedBefore = GC.GetTotalAllocatedBytes();
var total = Stopwatch.StartNew();
for (var i = 0; i < iterations; i++)
{
    var start = Stopwatch.GetTimestamp();
    HelpPlanPdf.Render(plan);
    timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

total.Stop();
var cpuPerPlan = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
var userPerPlan = (Process.GetCurrentProcess().UserProcessorTime - userBefore).TotalMilliseconds / iterations;
var allocatedPerPlan = (GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)iterations / 1024 / 1024;
var gcs = $"{GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]}";
Array.Sort(timings);
var median = Percentile(timings, 0.50);
var p95 = Percentile(timings, 0.95);
var perSecond = iterations / total.Elapsed.TotalSeconds;
Print($"Runs: {iterations} (after {warmUp} warm-up), one thread");
Print($"Median: {median:F2} ms   p95: {p95:F2} ms   min: {timings[0]:F2} ms   max: {timings[^1]:F2} ms");
Print($"Throughput: {perSecond:F0} plans/s");
// Wall-clock figures include waiting for a core when other processes run; CPU time does not.
Print($"Process CPU time: {cpuPerPlan:F2} ms per plan (user {userPerPlan:F2} ms; all threads, incl. JIT and GC)");
Print($"Allocated: {allocatedPerPlan:F2} MiB per plan; GCs gen0/1/2: {gcs}; load average now {LoadAverage()}");
Print($"Target (median <= 20 ms, >= 100 plans/s): {(median <= 20 && perSecond >= 100 ? "met" : "NOT met")}");
return 0;

static double Percentile(double[] sorted, double p)
{
    var rank = p * (sorted.Length - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
