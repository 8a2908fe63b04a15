using Wgec.Engine;

namespace Wgec.Cli;

/// <summary>
/// A progress bar on standard error for long runs — only on an interactive terminal: nothing when standard
/// error is redirected or under CI (CI=true), so logs and captured output stay clean.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly int _total;
    private readonly Checker _checker;
    private int _done;
    private long _lastDraw;

    private Progress(int total, Checker checker)
    {
        _total = total;
        _checker = checker;
        checker.OnProposalChecked = Tick;
    }

    public static bool Enabled =>
        !Console.IsErrorRedirected && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static IDisposable Start(int total, Checker checker) => Enabled && total >= 50 ? new Progress(total, checker) : new Nothing();

    private void Tick()
    {
        var done = Interlocked.Increment(ref _done);
        var now = Environment.TickCount64;
        if (done != _total && now - Interlocked.Read(ref _lastDraw) < 100) return;
        Interlocked.Exchange(ref _lastDraw, now);
        lock (this)
        {
            const int width = 30;
            var filled = width * done / _total;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{_total} proposals");
        }
    }

    public void Dispose()
    {
        _checker.OnProposalChecked = null;
        Console.Error.Write("\r" + new string(' ', 60) + "\r");
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose() { }
    }
}
