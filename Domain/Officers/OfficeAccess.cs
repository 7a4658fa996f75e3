using ChatBot.Domain.Offices;

namespace ChatBot.Domain.Officers;

/// <summary>Which offices' people and records an officer may see and act on.</summary>
public static class OfficeAccess
{
    /// <summary>An administrator of a regional office (Kanwil) oversees the offices of its region; everyone else only their own.</summary>
    public static bool SeesAllOffices(OfficerRole role, Office? ownOffice) =>
        role == OfficerRole.Admin && ownOffice?.Type == OfficeType.Kanwil;

    /// <summary>
    /// Whether an officer of <paramref name="ownOffice"/> may see <paramref name="office"/>: their own
    /// office, and for a Kanwil admin every office of its region. An office no region claims
    /// (<see cref="Office.RegionOfficeId"/> unset) belongs to every Kanwil, so a deployment with one
    /// Kanwil needs no set-up; another Kanwil is never in a region.
    /// </summary>
    public static bool MaySee(OfficerRole role, Office? ownOffice, Office? office) =>
        office is not null && ownOffice is not null
        && (office.Id == ownOffice.Id
            || (SeesAllOffices(role, ownOffice) && office.Type != OfficeType.Kanwil && (office.RegionOfficeId ?? ownOffice.Id) == ownOffice.Id));

    /// <summary>The offices of <paramref name="all"/> an officer may see, in their order.</summary>
    public static IReadOnlyList<Office> Visible(OfficerRole role, Office? ownOffice, IReadOnlyList<Office> all) =>
        SeesAllOffices(role, ownOffice) ? all.Where(o => MaySee(role, ownOffice, o)).ToList() : ownOffice is null ? [] : [ownOffice];
}
