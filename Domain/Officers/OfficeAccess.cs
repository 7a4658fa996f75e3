using ChatBot.Domain.Offices;

namespace ChatBot.Domain.Officers;

/// <summary>Which offices' people and records an officer may see and act on.</summary>
public static class OfficeAccess
{
    /// <summary>An administrator of a regional office (Kanwil) oversees every office; everyone else only their own.</summary>
    public static bool SeesAllOffices(OfficerRole role, Office? ownOffice) =>
        role == OfficerRole.Admin && ownOffice?.Type == OfficeType.Kanwil;

    public static bool MaySee(OfficerRole role, Office? ownOffice, int officeId) =>
        SeesAllOffices(role, ownOffice) || ownOffice?.Id == officeId;
}
