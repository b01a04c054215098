using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Sipp.Web.Features.Accounts;
using Sipp.Web.Features.Api;
using Sipp.Web.Features.BackOffice.AuditTrailArchive;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Features.Accounts.Register;
using Sipp.Web.Features.Accounts.Session;
using Sipp.Web.Features.BackOffice;
using Sipp.Web.Features.Calculator;
using Sipp.Web.Features.Shared;
using Sipp.Web.Features.Workers;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Features.Contributions;
using Sipp.Web.Features.Bureaus;
using Sipp.Web.Features.Bureaus.Portfolio;
using Sipp.Web.Features.Payments.NotifyPayment;
using Sipp.Web.Features.Reports.DownloadReport;
using Sipp.Web.Features.Audit.ActivityHistory;
using Sipp.Web.Infrastructure.Jobs;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Observability;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // Windows-1252 CSV uploads

// Indonesian wherever no person chose a language (jobs, emails, reminders), whatever the machine's LANG; a request
// takes the person's choice (UseRequestLocalization below).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo(CultureApi.Supported[0]);

var builder = WebApplication.CreateBuilder(args);
builder.AddSippTransportSecurity();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSippDatabase();
builder.Services.AddSingleton<RuleTableProvider>();
builder.Services.AddScoped<DevelopmentSeed>();
builder.Services.AddScoped<PaidMonthSeed>();
builder.Services.AddScoped<DemoApiClientSeed>();
builder.Services.AddScoped<DemoBureauSeed>();

builder.Services.AddSippKeyRing(builder.Configuration);
builder.Services.AddSippAuthentication();
builder.Services.AddOptions<SecurityOptions>().Validate(IpAccessRules.AllValid, "Security:IpRules: setiap PathPrefix harus diawali / dan setiap jaringan harus CIDR yang valid.");
builder.Services.AddSingleton<IpAccessRules>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<AuditSentence>();
builder.Services.AddAccounts();
builder.Services.AddSippMessaging();
builder.Services.AddAntiforgery();
builder.Services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<IHostEnvironment>((options, environment) =>
{
    options.Cookie.Name = "Sipp.Af";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = AuthenticationSetup.SecurePolicy(environment);
    options.HeaderName = "RequestVerificationToken";
});

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ValidationProblemExceptionHandler>();
builder.Services.AddSippRateLimiting();
builder.Services.AddHealthChecks().AddDbContextCheck<Sipp.Data.SippDbContext>("database", tags: ["ready"])
    .AddCheck<DatabaseWriteHealthCheck>("database-write", tags: ["ready"]);
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features").AddMvcOptions(mvc => mvc.Filters.Add<UnknownHandlerFilter>());
builder.Services.AddCalculator();
builder.Services.AddWorkers();
builder.Services.AddBackOffice();
builder.Services.AddWorkerUploads();
builder.Services.AddContributions();
builder.Services.AddBureaus();
builder.Services.AddReports();
builder.Services.AddPayrollApi();
builder.Services.AddSippJobs(builder.Configuration);

builder.AddSippObservability();

var app = builder.Build();
TransportSecurity.EnsureTlsInProduction(app.Configuration, app.Environment);

// The seed command only writes data and exits: it does not join the scheduler's cluster (a started scheduler kept it running).
await app.PrepareDatabaseAsync(joinsScheduler: args is not ["seed", ..]);
if (args is ["seed", ..])
{
    return await LargeCompanySeed.RunAsync(app.Services, args);
}

app.UseSippTransportSecurity();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("id-ID"),
    SupportedCultures = CultureApi.Supported.Select(c => new CultureInfo(c)).ToList(),
    SupportedUICultures = CultureApi.Supported.Select(c => new CultureInfo(c)).ToList(),
    RequestCultureProviders = [new CookieRequestCultureProvider()],
});
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/galat/500"));
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/galat/{0}"));
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseIpAccessRules();
app.UseRouting();
app.UseReadRetry();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapSippMetrics();
app.MapCalculatorApi();
app.MapCompanyLookupApi();
app.MapSessionApi();
app.MapAllReportsDownload();
app.MapActivityHistoryDownload();
app.MapReportDownloads();
app.MapCultureSwitch();
app.MapUploadDownloads();
app.MapPaymentNotification();
app.MapAuditArchive();
app.MapPayrollApi();
app.MapPortfolioDownload();
if (app.Environment.IsDevelopment())
{
    app.MapDevOutbox();
}

app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
