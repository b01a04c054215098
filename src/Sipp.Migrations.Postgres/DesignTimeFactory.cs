using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sipp.Data;

namespace Sipp.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SippDbContext>
{
    public SippDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SippDbContext>().UseNpgsql("Host=localhost;Database=sipp_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
