using BenchmarkDotNet.Attributes;
using Sipp.Domain.Contributions;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Rules;

namespace Sipp.Benchmarks;

/// <summary>Computing one period for a 100,000-worker division from in-memory records (target: under 10 ms).</summary>
[MemoryDiagnoser]
public class ContributionEngineBenchmark
{
    private const int Workers = 100_000;

    private readonly WorkerFacts[] _workers = new WorkerFacts[Workers];
    private readonly ContributionResult[] _results = new ContributionResult[Workers];
    private RuleTable _table = null!;
    private PeriodRules _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _table = RuleDataFile.LoadTable();
        _rules = PeriodRules.For(_table, Period.Of(2026, 3), new CompanyFacts(2, TakesPartInJp: true, LabourIntensive: false));
        var random = new Random(20260301);
        for (var i = 0; i < Workers; i++)
        {
            // Wages from 2.5 to 25 million (many above the JP cap), ages 18 to 70, 3% foreign, most with a registration date.
            var birth = new DateOnly(1956, 1, 1).AddDays(random.Next(0, 52 * 365));
            _workers[i] = new WorkerFacts(
                random.NextInt64(2_500_000, 25_000_000),
                birth,
                random.Next(100) < 3 ? Citizenship.Wna : Citizenship.Wni,
                random.Next(10) == 0 ? null : birth.AddYears(random.Next(18, 50)));
        }
    }

    [Benchmark(Description = "Compute 100,000 workers (one period)")]
    public long ComputePeriod()
    {
        ContributionEngine.Compute(_rules, _workers, _results);
        return _results[^1].Total;
    }

    [Benchmark(Description = "Resolve the rules of one period")]
    public PeriodRules ResolvePeriodRules() =>
        PeriodRules.For(_table, Period.Of(2026, 3), new CompanyFacts(2, TakesPartInJp: true, LabourIntensive: false));
}
