using System.Globalization;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;

namespace ChatBot.Domain.Requests;

/// <summary>The sentences a request type answers status questions with, in one language.</summary>
/// <param name="NotFound">No such code here (also what anyone but the filer hears).</param>
/// <param name="Paused">Too many unknown codes from this person: try again after the time given.</param>
/// <param name="Busy">The office is paused for everyone it does not know: try again after the time given.</param>
public sealed record RequestStatusTexts(Func<string, string> NotFound, Func<string, string> Paused, Func<string, string> Busy);

/// <summary>Who asks about a code, and where.</summary>
public sealed record StatusAsker(Office Office, Conversation Conversation, string Language);

/// <summary>What a status question got: the request when it was found for the asker, what to say, and whether the asker is paused.</summary>
public sealed record StatusAnswer(IServiceRequest? Request, string Say, bool Paused = false);

/// <summary>
/// The status of any request by its code, the same way for every type: answered fully only to the
/// conversation that filed it; anyone else hears the same "not found" as for an unknown code, and
/// the try counts as a failed lookup for the guessing throttle, so codes can neither be guessed in
/// bulk nor read with a leaked code. The filer is never paused for their own code.
/// </summary>
public sealed class RequestStatusLookup(LookupThrottle throttle, IEnumerable<IRequestType> types)
{
    private readonly IReadOnlyList<IRequestType> _types = [.. types];

    public IReadOnlyList<IRequestType> Types => _types;

    /// <summary>The type whose prefix the code in <paramref name="text"/> carries ("status ADU-7K3P9Q"), or null.</summary>
    public (IRequestType Type, string Code)? Recognize(string text)
    {
        foreach (var type in _types)
        {
            if (TicketCode.Find(type.Prefix, text) is { } code && text.Contains(type.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (type, code);
            }
        }

        return null;
    }

    /// <summary>Looks <paramref name="typed"/> up as a code of <paramref name="type"/>, recording the try in the turn's work.</summary>
    public async Task<StatusAnswer> AskAsync(UnitOfWork work, IRequestType type, string typed, StatusAsker asker)
    {
        var texts = type.StatusTexts(asker.Office, asker.Language);
        var code = TicketCode.Find(type.Prefix, typed, bare: true);
        var shown = code ?? (typed.Trim() is { Length: > 0 } raw ? raw[..Math.Min(raw.Length, 40)] : "?");
        var request = code is null ? null : await type.FindByCodeAsync(work.Db, asker.Office.Id, code, work.CancellationToken);
        if (request is not null && request.OriginConversationId != asker.Conversation.Id)
        {
            request = null;
        }

        var sender = asker.Conversation.UserAddress;
        var channel = asker.Conversation.Channel;
        if (request is null
            && await throttle.CheckAsync(work, type.Kind, asker.Office.Id, channel, sender, code ?? typed) is { } pause)
        {
            var local = asker.Office.ToLocal(pause.UntilUtc);
            var until = $"{local.ToString("HH\\.mm", CultureInfo.InvariantCulture)} {OfficeTimeZones.Abbreviation(asker.Office.TimeZoneId)}";
            return new StatusAnswer(null, pause.OfficeWide ? texts.Busy(until) : texts.Paused(until), Paused: true);
        }

        throttle.Record(work, type.Kind, asker.Office.Id, channel, sender, code ?? typed, request is not null);
        return request is null
            ? new StatusAnswer(null, texts.NotFound(shown))
            : new StatusAnswer(request, type.StatusText(request, asker.Office, asker.Language));
    }
}
