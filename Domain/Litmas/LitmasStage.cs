namespace ChatBot.Domain.Litmas;

/// <summary>
/// Where a litmas (social inquiry report) is, in the order it moves. Stored as its code (see
/// <see cref="LitmasStages"/>), so never rename the codes.
/// </summary>
public enum LitmasStage
{
    /// <summary><c>diterima</c>: the request letter was received.</summary>
    Diterima,

    /// <summary><c>pk_ditunjuk</c>: a PK was assigned.</summary>
    PkDitunjuk,

    /// <summary><c>penelitian</c>: interviews and home visits.</summary>
    Penelitian,

    /// <summary><c>penyusunan_laporan</c>: the report is being written.</summary>
    PenyusunanLaporan,

    /// <summary><c>sidang_tpp</c>: the TPP board deliberates.</summary>
    SidangTpp,

    /// <summary><c>selesai</c>: finished and sent to the requesting institution.</summary>
    Selesai,
}

/// <summary>The stable codes of <see cref="LitmasStage"/> (CSV files, the database, the console).</summary>
public static class LitmasStages
{
    public static readonly IReadOnlyList<LitmasStage> InOrder = Enum.GetValues<LitmasStage>();

    public static string Code(LitmasStage stage) => stage switch
    {
        LitmasStage.Diterima => "diterima",
        LitmasStage.PkDitunjuk => "pk_ditunjuk",
        LitmasStage.Penelitian => "penelitian",
        LitmasStage.PenyusunanLaporan => "penyusunan_laporan",
        LitmasStage.SidangTpp => "sidang_tpp",
        LitmasStage.Selesai => "selesai",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The stage of a code (case and surrounding spaces forgiven), or null.</summary>
    public static LitmasStage? Parse(string? code)
    {
        var wanted = code?.Trim().ToLowerInvariant();
        foreach (var stage in InOrder)
        {
            if (Code(stage) == wanted)
            {
                return stage;
            }
        }

        return null;
    }
}
