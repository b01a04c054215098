using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sipp.Data;

namespace Sipp.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SippDbContext>
{
    public SippDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SippDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
