using Hoop.Gateway.Identity;

namespace Hoop.Gateway.Tests.Identity;

public sealed class RoleMappingTests
{
    private static readonly StaticSessionRoleSource Roles = new(
    [
        new SessionRole("agent", ["developers", "contractors"], ["demo", "staging"], TimeSpan.FromHours(1)),
        new SessionRole("ops", ["sre-leads"], ["prod"], TimeSpan.FromMinutes(30)),
    ]);

    private static SignedInPerson Person(params string[] groups) => new("iss#s", "iss", "s", groups, DateTimeOffset.UnixEpoch, "oidc");

    [Fact]
    public void Resolve_GroupMapsAndConnectionListed_GrantsWithOnlyTheMappedGroups()
    {
        var (grant, refusal) = RoleMapping.Resolve(Person("developers", "all-staff", "contractors"), Roles, "agent", "staging");

        Assert.Null(refusal);
        Assert.NotNull(grant);
        Assert.Equal(["developers", "contractors"], grant.Groups);
        Assert.Equal(TimeSpan.FromHours(1), grant.MaxSession);
    }

    [Theory]
    [InlineData("agent", "prod")]
    [InlineData("ops", "prod")]
    [InlineData("missing", "demo")]
    public void Resolve_NotGranted_Refuses(string role, string connection)
    {
        var (grant, refusal) = RoleMapping.Resolve(Person("developers"), Roles, role, connection);

        Assert.Null(grant);
        Assert.NotNull(refusal);
    }

    [Fact]
    public void Resolve_GroupMatchIsExact_CaseAndWhitespaceMatter()
    {
        Assert.Null(RoleMapping.Resolve(Person("Developers"), Roles, "agent", "demo").Grant);
        Assert.Null(RoleMapping.Resolve(Person("developers "), Roles, "agent", "demo").Grant);
    }

    [Fact]
    public void For_Person_ListsTheirRoles()
    {
        Assert.Equal(["ops"], RoleMapping.For(Person("sre-leads"), Roles).Select(r => r.Name));
    }
}
