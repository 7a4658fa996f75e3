using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Lookups;

namespace ChatBot.Bot.Flows.LitmasStatus;

/// <summary>What looking up a litmas number gave.</summary>
public abstract record LitmasLookupResult
{
    public sealed record Found(LitmasCase Case) : LitmasLookupResult;

    public sealed record NotFound : LitmasLookupResult;

    /// <summary>
    /// The person guessed too many unknown numbers, or (<paramref name="OfficeWide"/>) the office had too
    /// many from everyone and this person has not found this number before; they may try again at <paramref name="UntilUtc"/>.
    /// </summary>
    public sealed record Paused(DateTime UntilUtc, bool OfficeWide) : LitmasLookupResult;
}

/// <summary>
/// Finds a case of the person's office by its registration number, typed loosely, behind the
/// anti-enumeration throttle (per person and office-wide). Every attempt is recorded (with the turn) for the officers to see.
/// </summary>
public sealed class LitmasLookup(LookupThrottle throttle)
{
    public async Task<LitmasLookupResult> FindAsync(DialogContext dc, string typed)
    {
        var input = dc.Input;
        var officeId = dc.Office.Id;
        var key = LitmasNumber.Key(typed);
        var recorded = key.Length == 0 ? typed : key;
        if (await throttle.CheckAsync(dc.Work, LookupKinds.Litmas, officeId, input.Channel, input.From, recorded) is { } pause)
        {
            return new LitmasLookupResult.Paused(pause.UntilUtc, pause.OfficeWide);
        }

        var found = key.Length == 0
            ? null
            : await LitmasCases.FindByNumberAsync(dc.Work, officeId, key);
        throttle.Record(dc.Work, LookupKinds.Litmas, officeId, input.Channel, input.From, recorded, found is not null);
        return found is null ? new LitmasLookupResult.NotFound() : new LitmasLookupResult.Found(found);
    }

    /// <summary>What to tell the person about a result that is not a found case.</summary>
    public static string Explain(DialogContext dc, LitmasLookupResult result, string typed)
    {
        var texts = LitmasTexts.For(dc.Language);
        return result switch
        {
            LitmasLookupResult.Found found => texts.StatusOf(found.Case, dc.Office),
            LitmasLookupResult.Paused { OfficeWide: true } busy => DialogTexts.For(dc.Language).WithContact(texts.Busy(LitmasTexts.Time(dc.Office, busy.UntilUtc)), dc.Office),
            LitmasLookupResult.Paused paused => texts.Paused(LitmasTexts.Time(dc.Office, paused.UntilUtc)),
            _ => texts.NotFound(typed),
        };
    }
}
