namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Lock-out bookkeeping, in memory, for user names no active account has, so that such a name
/// answers as an account would: "wrong" until <see cref="ConsoleOptions.LockoutThreshold"/>
/// failures, then "locked until …" for <see cref="ConsoleOptions.LockoutDuration"/>. A name that
/// never locked would tell an attacker that it belongs to nobody.
/// </summary>
/// <remarks>
/// At most <see cref="MaxNames"/> names are remembered (the least recently tried is forgotten
/// first), each for a day after its last attempt; a restart forgets them all. An account's count
/// lives in the store and does not fade, so the two could only be told apart by someone who first
/// floods the table with thousands of names, which the sign-in throttle makes slow.
/// </remarks>
internal sealed class UnknownNameLockouts(ConsoleOptions options)
{
    public const int MaxNames = 10_000;

    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    private readonly Dictionary<string, Entry> _names = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    /// <summary>
    /// Records a failed attempt for <paramref name="userName"/> (normalised) at <paramref name="now"/>;
    /// returns when the lock-out ends if the name is locked (already, or by this attempt).
    /// </summary>
    public DateTime? Fail(string userName, DateTime now)
    {
        lock (_gate)
        {
            if (!_names.TryGetValue(userName, out var entry))
            {
                MakeRoom(now);
                entry = new Entry();
                _names[userName] = entry;
            }

            entry.LastAttempt = now;
            if (entry.LockedUntil is { } until && until > now)
            {
                return until;
            }

            entry.Failures++;
            if (entry.Failures < options.LockoutThreshold)
            {
                return null;
            }

            entry.Failures = 0;
            entry.LockedUntil = now + options.LockoutDuration;
            return entry.LockedUntil;
        }
    }

    private void MakeRoom(DateTime now)
    {
        if (_names.Count < MaxNames)
        {
            return;
        }

        foreach (var (name, entry) in _names)
        {
            if (entry.LastAttempt + Forget < now && !(entry.LockedUntil > now))
            {
                _names.Remove(name);
            }
        }

        if (_names.Count >= MaxNames)
        {
            _names.Remove(_names.MinBy(pair => pair.Value.LastAttempt).Key);
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTime? LockedUntil { get; set; }

        public DateTime LastAttempt { get; set; }
    }
}
