using System.Diagnostics;

namespace Sipp.Benchmarks;

/// <summary>
/// Samples the process's working set and the managed heap every 20 ms; <see cref="TakePeak"/> returns the highest
/// working set since the last call, <see cref="TakeHeapPeak"/> the highest managed heap.
/// </summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;
    private long _heapPeak;

    public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 20);

    public long TakePeak()
    {
        Sample();
        return Interlocked.Exchange(ref _peak, 0);
    }

    public long TakeHeapPeak()
    {
        Sample();
        return Interlocked.Exchange(ref _heapPeak, 0);
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Raise(ref _peak, process.WorkingSet64);
        Raise(ref _heapPeak, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Raise(ref long peak, long current)
    {
        long seen;
        while (current > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, current, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
