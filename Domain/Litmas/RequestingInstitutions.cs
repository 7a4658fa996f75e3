namespace ChatBot.Domain.Litmas;

/// <summary>Reads the requesting institution from what a letter or a register says ("Polresta Pekanbaru" → police).</summary>
public static class RequestingInstitutions
{
    /// <summary>The institution the text starts with (lapas, rutan, lpka, polisi/polres/polsek/polda…, kejaksaan/kejari…, pengadilan/PN…), or null.</summary>
    public static RequestingInstitution? Parse(string? text)
    {
        var word = (text ?? "").Trim().ToLowerInvariant();
        if (word.StartsWith("lapas", StringComparison.Ordinal))
        {
            return RequestingInstitution.Lapas;
        }

        if (word.StartsWith("rutan", StringComparison.Ordinal))
        {
            return RequestingInstitution.Rutan;
        }

        if (word.StartsWith("lpka", StringComparison.Ordinal))
        {
            return RequestingInstitution.Lpka;
        }

        string[] police = ["polisi", "police", "kepolisian", "polres", "polsek", "polda", "polri", "polresta", "polrestabes"];
        string[] prosecutor = ["kejaksaan", "kejari", "kejati", "jaksa", "prosecutor"];
        string[] court = ["pengadilan", "pn ", "court", "mahkamah"];
        return police.Any(p => word.StartsWith(p, StringComparison.Ordinal)) ? RequestingInstitution.Polisi
            : prosecutor.Any(p => word.StartsWith(p, StringComparison.Ordinal)) ? RequestingInstitution.Kejaksaan
            : court.Any(p => word.StartsWith(p, StringComparison.Ordinal)) ? RequestingInstitution.Pengadilan
            : null;
    }

    /// <summary>Indonesian label.</summary>
    public static string Label(RequestingInstitution institution) => institution switch
    {
        RequestingInstitution.Lapas => "Lapas",
        RequestingInstitution.Rutan => "Rutan",
        RequestingInstitution.Lpka => "LPKA",
        RequestingInstitution.Kejaksaan => "Kejaksaan",
        RequestingInstitution.Pengadilan => "Pengadilan",
        _ => "Kepolisian",
    };
}
