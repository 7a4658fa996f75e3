using System.Security.Claims;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>
/// Which offices a signed-in officer may see: their own; an admin of a regional office (Kanwil)
/// the offices of its region (<see cref="OfficeAccess.MaySee"/>). Use it for every query and every live event a page shows.
/// </summary>
public sealed class OfficeScope(OfficeDirectory offices)
{
    /// <summary>The officer's own office (null only if it was removed from the store).</summary>
    public Office? OwnOffice(ClaimsPrincipal user) => offices.Find(user.OfficeId());

    /// <summary>True when the officer oversees a region rather than one office.</summary>
    public bool SeesAllOffices(ClaimsPrincipal user) => OfficeAccess.SeesAllOffices(user.Role(), OwnOffice(user));

    /// <summary>The offices the officer may see, in id order.</summary>
    public IReadOnlyList<Office> Visible(ClaimsPrincipal user) => OfficeAccess.Visible(user.Role(), OwnOffice(user), offices.All);

    public bool MaySee(ClaimsPrincipal user, int officeId) => OfficeAccess.MaySee(user.Role(), OwnOffice(user), offices.Find(officeId));
}
