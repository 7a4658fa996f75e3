using System.Text;

namespace ChatBot.Domain.Lookups;

/// <summary>
/// Registration numbers as people type them: spaces, slashes, dashes, dots and letter case do not
/// matter, so <c>lit 123/pku-2026</c> finds <c>LIT-123/PKU/2026</c>.
/// </summary>
public static class RegistrationNumbers
{
    /// <summary>Letters and digits only, upper case, at most <paramref name="maxLength"/>; empty when there are none.</summary>
    public static string Key(string? typed, int maxLength)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return "";
        }

        var key = new StringBuilder(Math.Min(typed.Length, maxLength));
        foreach (var c in typed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
                if (key.Length == maxLength)
                {
                    break;
                }
            }
        }

        return key.ToString();
    }
}
