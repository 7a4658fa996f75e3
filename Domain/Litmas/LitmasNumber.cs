using ChatBot.Domain.Lookups;

namespace ChatBot.Domain.Litmas;

/// <summary>
/// Registration numbers as people type them: spaces, slashes, dashes, dots and letter case do not
/// matter, so <c>lit 123/pku-2026</c> finds <c>LIT-123/PKU/2026</c>.
/// </summary>
public static class LitmasNumber
{
    /// <summary>Letters and digits only, upper case; empty when there are none.</summary>
    public static string Key(string? typed) => RegistrationNumbers.Key(typed, LitmasCase.NumberLength);
}
