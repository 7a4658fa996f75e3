namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Counts attempts per key in fixed windows (the first attempt opens a window of
/// <c>length</c>), at most <c>limit</c> a window; a counted attempt can be given back while its
/// window lasts. Time is the service's <see cref="TimeProvider"/>. Used by
/// <see cref="SignInThrottle"/>, which counts an attempt before the password is checked and gives
/// it back when the officer signs in.
/// </summary>
/// <remarks>
/// Windows that have ended are dropped when the table has doubled since it was last swept, so
/// memory follows the keys tried within one window.
/// </remarks>
internal sealed class AttemptWindows(int limit, TimeSpan length, TimeProvider time)
{
    private const int FirstSweep = 1024;

    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    private int _sweepAt = FirstSweep;

    /// <summary>
    /// Counts one attempt for <paramref name="key"/>; null when the window's limit is already reached,
    /// with <paramref name="retryAfter"/> set to when the window ends.
    /// </summary>
    public Count? TryCount(string key, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || window.Ends <= now)
            {
                SweepIfDue(now);
                window = new Window(now + length);
                _windows[key] = window;
            }

            if (window.Used >= limit)
            {
                retryAfter = window.Ends - now;
                return null;
            }

            window.Used++;
            retryAfter = TimeSpan.Zero;
            return new Count(this, window);
        }
    }

    private void GiveBack(Window window)
    {
        lock (_gate)
        {
            // A window that has ended (or been dropped) is not touched: its successor starts at zero anyway.
            if (window.Used > 0 && window.Ends > time.GetUtcNow())
            {
                window.Used--;
            }
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (_windows.Count < _sweepAt)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (window.Ends <= now)
            {
                _windows.Remove(key);
            }
        }

        _sweepAt = Math.Max(FirstSweep, _windows.Count * 2);
    }

    /// <summary>One counted attempt; <see cref="GiveBack"/> uncounts it (once) while its window lasts.</summary>
    public sealed class Count
    {
        private readonly AttemptWindows _owner;

        private readonly Window _window;

        private int _givenBack;

        internal Count(AttemptWindows owner, Window window)
        {
            _owner = owner;
            _window = window;
        }

        public void GiveBack()
        {
            if (Interlocked.Exchange(ref _givenBack, 1) == 0)
            {
                _owner.GiveBack(_window);
            }
        }
    }

    internal sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends { get; } = ends;

        public int Used { get; set; }
    }
}
