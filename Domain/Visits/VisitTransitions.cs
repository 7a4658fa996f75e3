namespace ChatBot.Domain.Visits;

/// <summary>The moves an officer may make with a visit, following the SOP.</summary>
public static class VisitTransitions
{
    private static readonly Dictionary<VisitStatus, VisitStatus[]> Next = new()
    {
        [VisitStatus.Booked] = [VisitStatus.Called, VisitStatus.NoShow, VisitStatus.Cancelled],
        [VisitStatus.Called] = [VisitStatus.IdentityChecked, VisitStatus.NoShow, VisitStatus.Cancelled],
        [VisitStatus.IdentityChecked] = [VisitStatus.InCall, VisitStatus.Cancelled],
        [VisitStatus.InCall] = [VisitStatus.Finished],
    };

    /// <summary>Where a visit in <paramref name="from"/> may go next, the SOP's next step first.</summary>
    public static IReadOnlyList<VisitStatus> From(VisitStatus from) => Next.GetValueOrDefault(from) ?? [];

    public static bool Allowed(VisitStatus from, VisitStatus to) => From(from).Contains(to);
}
