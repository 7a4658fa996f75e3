using ChatBot.Bot.Cli;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Cli;

public sealed class OfficerCommandTests
{
    [Theory]
    [InlineData("admin", OfficerRole.Admin)]
    [InlineData("Kepala", OfficerRole.Kepala)]
    [InlineData("pk", OfficerRole.Pk)]
    [InlineData("petugas-kunjungan", OfficerRole.VisitOfficer)]
    [InlineData("visit_officer", OfficerRole.VisitOfficer)]
    [InlineData("VisitOfficer", OfficerRole.VisitOfficer)]
    [InlineData("petugas-layanan", OfficerRole.ServiceOfficer)]
    [InlineData("pengaduan", OfficerRole.ServiceOfficer)]
    [InlineData("service-officer", OfficerRole.ServiceOfficer)]
    public void Roles_are_read_the_way_people_write_them(string text, OfficerRole expected) =>
        Assert.Equal(expected, OfficerCommand.ParseRole(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("superuser")]
    public void Unknown_roles_are_refused(string? text) => Assert.Null(OfficerCommand.ParseRole(text));
}
