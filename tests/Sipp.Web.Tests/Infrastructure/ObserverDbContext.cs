using Microsoft.EntityFrameworkCore;
using Sipp.Data;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// The tests' own view of the database: every division, as an inspector checking the product sees it. The product's
/// context reads one division at a time (<see cref="DivisionScope"/>); a test that acts as a user goes through the pages
/// or scopes the product's context, one that checks what was stored reads through this.
/// </summary>
public sealed class ObserverDbContext(DbContextOptions<SippDbContext> options) : SippDbContext(options)
{
    protected override bool ScopesDivisions => false;
}
