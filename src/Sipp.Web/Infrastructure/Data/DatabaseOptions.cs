using System.ComponentModel.DataAnnotations;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Create the development seed (product.md §12) at start-up; defaults to on in Development.</summary>
    public bool? Seed { get; set; }

    /// <summary>With the seed: last month of PT Maju Bersama's head office computed, finalised and paid (product.md §12).</summary>
    public bool SeedPaidMonth { get; set; } = true;

    /// <summary>In Development, an API client with published credentials and its webhook, for the payroll sample.</summary>
    public bool SeedDemoApiClient { get; set; }

    /// <summary>In Development, a payroll bureau with published credentials, granted two of the demo companies.</summary>
    public bool SeedDemoBureau { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
