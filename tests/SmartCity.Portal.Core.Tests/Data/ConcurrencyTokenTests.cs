using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Core.Tests.Data;

public sealed class ConcurrencyTokenTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private async Task<int> AddUnitAsync()
    {
        var code = $"T{Guid.NewGuid():N}"[..12];
        var unit = new OrgUnit { Code = code, NameTh = "หน่วยทดสอบ", Kind = OrgUnitKind.Department, Path = $"/{code}/" };
        await using var db = database.CreateContext();
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    [Fact]
    public async Task A_new_row_gets_a_token()
    {
        var id = await AddUnitAsync();

        await using var db = database.CreateContext();
        Assert.NotEqual(Guid.Empty, (await db.OrgUnits.SingleAsync(o => o.Id == id)).ConcurrencyToken);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_fails_and_the_first_is_kept()
    {
        var id = await AddUnitAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.OrgUnits.SingleAsync(o => o.Id == id);
        var theirs = await second.OrgUnits.SingleAsync(o => o.Id == id);
        var readToken = mine.ConcurrencyToken;
        Assert.Equal(readToken, theirs.ConcurrencyToken);

        mine.NameEn = "First edit";
        await first.SaveChangesAsync();
        Assert.NotEqual(readToken, mine.ConcurrencyToken);

        theirs.NameEn = "Second edit";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.CreateContext();
        var stored = await check.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal("First edit", stored.NameEn);
        Assert.Equal(mine.ConcurrencyToken, stored.ConcurrencyToken);
    }

    [Fact]
    public async Task Each_save_rotates_the_token_so_a_stale_copy_cannot_win_later()
    {
        var id = await AddUnitAsync();
        await using var stale = database.CreateContext();
        var staleCopy = await stale.OrgUnits.SingleAsync(o => o.Id == id);

        var tokens = new HashSet<Guid> { staleCopy.ConcurrencyToken };
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.CreateContext();
            var unit = await db.OrgUnits.SingleAsync(o => o.Id == id);
            unit.NameEn = $"Edit {i}";
            await db.SaveChangesAsync();
            Assert.True(tokens.Add(unit.ConcurrencyToken));
        }

        staleCopy.NameEn = "Stale edit";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }
}
