using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Features.Calculator;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSippDatabase();
builder.Services.AddSingleton<RuleTableProvider>();
builder.Services.AddScoped<DevelopmentSeed>();
builder.Services.AddIdentityCore<AppUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 10;
    })
    .AddRoles<IdentityRole<Guid>>()
    .AddEntityFrameworkStores<SippDbContext>();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ValidationProblemExceptionHandler>();
builder.Services.AddSippRateLimiting();
builder.Services.AddHealthChecks().AddDbContextCheck<SippDbContext>("database", tags: ["ready"]);
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
builder.Services.AddCalculator();

var app = builder.Build();

await app.PrepareDatabaseAsync();

var indonesian = new CultureInfo("id-ID");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(indonesian),
    SupportedCultures = [indonesian, new CultureInfo("en-US")],
    SupportedUICultures = [indonesian, new CultureInfo("en-US")],
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapCalculatorApi();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
