using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Accounts;

/// <summary>Set-password links: one use, 72 hours, only a hash stored, the newest only; tampered, reused and expired ones refused.</summary>
public sealed class PasswordLinkTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const string GoodPassword = "ทะเลกระบี่สวยมาก 2569";

    private async Task<(AccountTestServices Services, AccountCreated Created)> NewAccountAsync(AccountOptions? options = null)
    {
        var services = new AccountTestServices(database, database.Clock, options);
        var created = await services.Admin.CreateAsync(await database.SignInAsync("admin"),
            new NewAccount($"link-{Guid.NewGuid():N}"[..20], "ผู้ทดสอบลิงก์", null, [new("810116", PortalRoles.MunicipalitySubmitter)]));
        return (services, created);
    }

    [Fact]
    public async Task A_link_sets_the_password_once_and_only_its_hash_is_stored()
    {
        var (services, created) = await NewAccountAsync();
        var url = created.Link!.Url!;
        Assert.StartsWith(AccountTestServices.BaseUrl + "/account/set-password?token=", url, StringComparison.Ordinal);
        var token = AccountTestServices.TokenOf(url);

        await using (var db = database.CreateContext())
        {
            var stored = await db.PasswordLinks.SingleAsync(l => l.UserId == created.Id);
            Assert.Equal(PasswordLinkService.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromHours(72), stored.ExpiresUtc - stored.CreatedUtc);
        }

        var info = await services.Passwords.InspectAsync(token);
        Assert.Equal(created.UserName, info.UserName);
        Assert.Equal(created.UserName, await services.Passwords.SetPasswordAsync(token, GoodPassword));

        var reused = await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync(token, GoodPassword + "x"));
        Assert.Equal(AccountMessages.LinkUsed, reused.PortalMessage);

        await using var check = database.CreateContext();
        var user = await check.Users.SingleAsync(u => u.Id == created.Id);
        var hasher = new PasswordHasher<PortalUser>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, GoodPassword));
        Assert.True(await check.AdminEvents.AnyAsync(e => e.TargetUserId == created.Id && e.Action == SmartCity.Portal.Audit.AdminActions.PasswordSet));
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var (services, created) = await NewAccountAsync();
        var token = AccountTestServices.TokenOf(created.Link!.Url!);
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Assert.Equal(AccountMessages.LinkInvalid, (await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.InspectAsync(tampered))).PortalMessage);
        Assert.Equal(AccountMessages.LinkInvalid, (await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync(tampered, GoodPassword))).PortalMessage);
        Assert.Equal(AccountMessages.LinkInvalid, (await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync("", GoodPassword))).PortalMessage);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_the_lifetime_is_a_setting()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(database.Clock.GetUtcNow());
        var services = new AccountTestServices(database, clock, new AccountOptions { LinkLifetimeHours = 24 });
        var created = await services.Admin.CreateAsync(await database.SignInAsync("admin"),
            new NewAccount($"exp-{Guid.NewGuid():N}"[..20], "ผู้ทดสอบ", null, [new("810116", PortalRoles.MunicipalitySubmitter)]));
        var token = AccountTestServices.TokenOf(created.Link!.Url!);

        clock.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(created.UserName, (await services.Passwords.InspectAsync(token)).UserName);
        clock.Advance(TimeSpan.FromHours(0.2));
        var expired = await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync(token, GoodPassword));
        Assert.Equal(AccountMessages.LinkExpired, expired.PortalMessage);
    }

    [Fact]
    public async Task A_newer_link_revokes_the_older_one()
    {
        var (services, created) = await NewAccountAsync();
        var first = AccountTestServices.TokenOf(created.Link!.Url!);
        var second = await services.Admin.IssueSetPasswordLinkAsync(await database.SignInAsync("admin"), created.Id);

        Assert.Equal(AccountMessages.LinkRevoked, (await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync(first, GoodPassword))).PortalMessage);
        Assert.Equal(created.UserName, await services.Passwords.SetPasswordAsync(AccountTestServices.TokenOf(second.Url!), GoodPassword));
    }

    [Fact]
    public async Task Disabling_an_account_revokes_its_link()
    {
        var (services, created) = await NewAccountAsync();
        await services.Admin.DisableAsync(await database.SignInAsync("admin"), created.Id, "ทดสอบ");
        await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.SetPasswordAsync(AccountTestServices.TokenOf(created.Link!.Url!), GoodPassword));
    }

    [Fact]
    public async Task Two_tabs_submitting_the_same_link_set_the_password_once()
    {
        var (services, created) = await NewAccountAsync();
        var token = AccountTestServices.TokenOf(created.Link!.Url!);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await services.Passwords.SetPasswordAsync(token, GoodPassword + i);
                return true;
            }
            catch (PortalValidationException)
            {
                return false;
            }
        }));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData("short1", "password-too-short")]
    [InlineData("P@ssw0rd", "password-common")]
    [InlineData("12345678", "password-common")]
    [InlineData("aaaaaaaaaaaa", "password-repetitive")]
    [InlineData("SmartCity@2569", "password-has-portal-name")]
    [InlineData("smart city rocks", "password-has-portal-name")]
    public void The_policy_refuses_what_attackers_try_first(string password, string code)
    {
        var problems = PasswordPolicy.Check(password, "somchai", isAdministrator: false, new AccountOptions());
        Assert.Contains(problems, p => p.Code == code);
    }

    [Fact]
    public void The_policy_prefers_length_to_composition_and_asks_administrators_for_twelve()
    {
        var options = new AccountOptions();
        Assert.Empty(PasswordPolicy.Check("ทะเลสวยมาก", "somchai", false, options));
        Assert.Empty(PasswordPolicy.Check("correct horse battery", "somchai", true, options));
        Assert.Contains(PasswordPolicy.Check("Xy7#kq2Lm", "somchai", true, options), p => p.Code == "password-too-short");
        Assert.Contains(PasswordPolicy.Check("somchai-2569!", "somchai", false, options), p => p.Code == "password-has-user-name");
        Assert.Contains(PasswordPolicy.Check("SOMCHAI rocks 99", "somchai", false, options), p => p.Code == "password-has-user-name");
        // Thai messages, naming the minimum.
        Assert.Contains("12", PasswordPolicy.Check("short", null, true, options).Single(p => p.Code == "password-too-short").Th, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one_and_the_policy()
    {
        var (services, created) = await NewAccountAsync();
        await services.Passwords.SetPasswordAsync(AccountTestServices.TokenOf(created.Link!.Url!), GoodPassword);
        var me = await database.SignInAsync(created.UserName);

        Assert.Equal(AccountMessages.CurrentPasswordWrong,
            (await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.ChangePasswordAsync(me, "wrong password", "another good phrase"))).PortalMessage);
        await Assert.ThrowsAsync<PortalValidationException>(() => services.Passwords.ChangePasswordAsync(me, GoodPassword, "12345678"));
        await services.Passwords.ChangePasswordAsync(me, GoodPassword, "อีกวลีหนึ่งที่ยาวพอ");
        await using var db = database.CreateContext();
        Assert.True(await db.AdminEvents.AnyAsync(e => e.TargetUserId == created.Id && e.Action == SmartCity.Portal.Audit.AdminActions.PasswordChange && e.ActorUserName == created.UserName));
    }

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_only_to_an_existing_active_account_and_throttles()
    {
        var services = new AccountTestServices(database, database.Clock, new AccountOptions { ResetRequestsPerHour = 2 }, mail: true);
        var name = $"fp-{Guid.NewGuid():N}"[..20];
        var created = await services.Admin.CreateAsync(await database.SignInAsync("admin"),
            new NewAccount(name, "ผู้ลืมรหัส", $"{name}@example.go.th", [new("810116", PortalRoles.MunicipalitySubmitter)]));
        Assert.Null(created.Link!.Url);
        Assert.Equal($"{name}@example.go.th", created.Link.EmailedTo);
        services.Mailer.Sent.Clear();

        await services.Passwords.ProcessResetRequestAsync("nobody-" + Guid.NewGuid().ToString("N"));
        Assert.Empty(services.Mailer.Sent);

        await services.Passwords.ProcessResetRequestAsync($"{name.ToUpperInvariant()}@EXAMPLE.GO.TH");
        var mail = Assert.Single(services.Mailer.Sent);
        Assert.Contains(name, mail.Body, StringComparison.Ordinal);
        var url = mail.Body.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(AccountTestServices.BaseUrl, StringComparison.Ordinal));
        Assert.Equal(name, await services.Passwords.SetPasswordAsync(AccountTestServices.TokenOf(url), GoodPassword));

        await services.Passwords.ProcessResetRequestAsync(name);
        await services.Passwords.ProcessResetRequestAsync(name);
        Assert.Equal(2, services.Mailer.Sent.Count);
    }
}
