using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Lookups;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>What looking up a litmas number gave.</summary>
public abstract record LitmasLookupResult
{
    public sealed record Found(LitmasCase Case) : LitmasLookupResult;

    public sealed record NotFound : LitmasLookupResult;

    /// <summary>The person guessed too many unknown numbers; they may try again at <paramref name="UntilUtc"/>.</summary>
    public sealed record Paused(DateTime UntilUtc) : LitmasLookupResult;
}

/// <summary>
/// Finds a case of the person's office by its registration number, typed loosely, behind the
/// anti-enumeration throttle. Every attempt is recorded (with the turn) for the officers to see.
/// </summary>
public sealed class LitmasLookup(LookupThrottle throttle)
{
    public async Task<LitmasLookupResult> FindAsync(DialogContext dc, string typed)
    {
        var input = dc.Input;
        var officeId = dc.Office.Id;
        if (await throttle.PausedUntilAsync(dc.Db, LookupKinds.Litmas, officeId, input.Channel, input.From, dc.UtcNow, dc.CancellationToken) is { } until)
        {
            return new LitmasLookupResult.Paused(until);
        }

        var key = LitmasNumber.Key(typed);
        var found = key.Length == 0
            ? null
            : await dc.Db.LitmasCases.AsNoTracking().SingleOrDefaultAsync(c => c.OfficeId == officeId && c.NumberKey == key, dc.CancellationToken);
        throttle.Record(dc.Db, LookupKinds.Litmas, officeId, input.Channel, input.From, key.Length == 0 ? typed : key, found is not null, dc.UtcNow);
        return found is null ? new LitmasLookupResult.NotFound() : new LitmasLookupResult.Found(found);
    }

    /// <summary>What to tell the person about a result that is not a found case.</summary>
    public static string Explain(DialogContext dc, LitmasLookupResult result, string typed)
    {
        var texts = LitmasTexts.For(dc.Language);
        return result switch
        {
            LitmasLookupResult.Found found => texts.StatusOf(found.Case, dc.Office),
            LitmasLookupResult.Paused paused => texts.Paused(LitmasTexts.Time(dc.Office, paused.UntilUtc)),
            _ => texts.NotFound(typed),
        };
    }
}
