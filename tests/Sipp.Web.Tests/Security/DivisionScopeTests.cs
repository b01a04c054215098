using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NetArchTest.Rules;
using Sipp.Data;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// The one tenant scope (ADR 0015): every entity of a company division carries the division filter, a query through a
/// context no caller scoped is refused, and reading across divisions is done only by the readers listed here.
/// <see cref="Workers.TenantIsolationTests"/> walks every page and endpoint with another company's ids.
/// </summary>
public class DivisionScopeTests
{
    /// <summary>Who may read across divisions, and why. A new entry is a decision for review, not a formality.</summary>
    private static readonly Dictionary<string, string> CrossDivisionReaders = new(StringComparer.Ordinal)
    {
        ["Sipp.Web.Infrastructure.Security.CurrentCompany"] = "the user's own membership names the division to scope to",
        ["Sipp.Web.Features.Api.ApiCaller"] = "the calling API client's own grants name the divisions it may scope to",
        ["Sipp.Web.Features.Api.ClientAccess.IndexModel"] = "the other divisions granted to the clients this division may see, by name",
        ["Sipp.Web.Features.Api.Webhooks.WebhookEvents"] = "an event of a division reaches the subscriptions of the clients granted that division",
        ["Sipp.Web.Features.Accounts.ChooseCompany.IndexModel"] = "the user's own memberships",
        ["Sipp.Web.Infrastructure.Security.DivisionAccess"] = "the user's own memberships and their bureau's live grants: where they may act, before any division is scoped; the divisions an Admin administers",
        ["Sipp.Web.Features.Bureaus.Office.BureauOffice"] = "a bureau's waiting and active grants, over its clients' divisions, to the bureau's own staff",
        ["Sipp.Web.Features.Bureaus.Access.ClientGrants"] = "the grants of the divisions the Admin administers (checked by membership), and a bureau's live grants when granting again",
        ["Sipp.Web.Features.Contributions.MonitorDivisions.DivisionsQuery"] = "one month of the divisions the caller passes from the user's rights (DivisionAccess): a company's own, or a bureau's clients",
        ["Sipp.Web.Features.Accounts.ChooseCompany.DivisionChoice"] = "whether the user is an active member of the division chosen",
        ["Sipp.Web.Features.Accounts.Login.LoginAttempt"] = "the user's own memberships",
        ["Sipp.Web.Features.Accounts.Activate.AccountActivation"] = "the new user's own memberships, and whether their divisions have users",
        ["Sipp.Web.Features.Accounts.AddCompany.CompanyJoining"] = "whether the user works in the division they ask to join, and whether it has users",
        ["Sipp.Web.Features.Accounts.Register.RegistrationSteps"] = "before the account exists: the worker the registrant claims to be",
        ["Sipp.Web.Features.Accounts.Register.RegistrationWizard"] = "the registration in progress, by its own id",
        ["Sipp.Web.Features.BackOffice.VerifyWorkers.IndexModel"] = "an officer's queue holds every company's new workers",
        ["Sipp.Web.Features.BackOffice.VerifyWorkers.WorkerVerification"] = "an officer decides on a waiting worker of any company, then works in its division",
        ["Sipp.Web.Features.BackOffice.Participants.IndexModel"] = "an officer counts a person's employers",
        ["Sipp.Web.Features.Workers.SharedIdentity"] = "a person's identity is shared by all their employers (ADR 0011)",
        ["Sipp.Web.Features.Workers.AddWorker.WorkerEnrolment"] = "a person's first registration with any employer",
        ["Sipp.Web.Features.Workers.Uploads.ContinuingWorkersValidator"] = "a person's first registration with any employer, for the KPJs the file names",
        ["Sipp.Web.Features.Workers.Uploads.UploadQueue"] = "the check queue is every company's",
        ["Sipp.Web.Features.Workers.Uploads.UploadWorker"] = "gives a claim back by batch id at shutdown",
        ["Sipp.Web.Features.Workers.Uploads.UploadChecker"] = "finds the claimed batch's division, then scopes to it",
        ["Sipp.Web.Features.Contributions.FinalizePeriod.BillIssuing"] = "a new Kode Iuran is unique across all bills",
        ["Sipp.Web.Features.Contributions.RemindUnpaidBills.UnpaidBillNotices"] = "a daily job over every company's bills",
        ["Sipp.Web.Features.Payments.NotifyPayment.PaymentNotification"] = "a bank pays any company's Kode Iuran, then scopes to it",
        ["Sipp.Web.Features.Payments.VerifyReceipt.IndexModel"] = "anyone may check a receipt's code",
        ["Sipp.Web.Infrastructure.Data.DevelopmentSeed"] = "builds the demo companies",
        ["Sipp.Web.Infrastructure.Data.DemoApiClientSeed"] = "finds the demo HR user's Admin membership, then scopes to its division",
        ["Sipp.Web.Infrastructure.Data.Housekeeping"] = "the nightly clean-up of every company's expired registrations and finished uploads",
        ["Sipp.Data.WorkerListCopies"] = "a person's name and numbers are copied to all their employments",
    };

    [Fact]
    public async Task EveryEntityOfADivision_DirectlyOrThroughItsParent_CarriesTheDivisionFilter()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, nameof(EveryEntityOfADivision_DirectlyOrThroughItsParent_CarriesTheDivisionFilter));
        await using var db = database.NewProductContext();
        var model = db.Model;

        var owned = model.GetEntityTypes().Where(BelongsToADivision).Select(t => t.ClrType.Name).ToHashSet();
        var filtered = model.GetEntityTypes().Where(t => t.GetDeclaredQueryFilters().Any(f => f.Key == DivisionScope.Filter)).Select(t => t.ClrType.Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "Employment", "WageChange", "ContributionPeriod", "ContributionLine", "Bill", "Payment", "Fine", "LateCharge", "UploadBatch", "UploadRowError", "Membership" }, owned);
        Assert.Empty(owned.Except(filtered));
    }

    [Fact]
    public async Task AQueryOverDivisionData_ThroughAContextNobodyScoped_IsRefused_AndAScopedOne_NamesItsDivision()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, nameof(AQueryOverDivisionData_ThroughAContextNobodyScoped_IsRefused_AndAScopedOne_NamesItsDivision));
        await using var unscoped = database.NewProductContext();
        await using var scoped = database.NewProductContext();
        var division = Guid.NewGuid();
        scoped.ScopeTo(division);

        foreach (var type in unscoped.Model.GetEntityTypes().Where(BelongsToADivision))
        {
            await Assert.ThrowsAsync<DivisionScopeMissingException>(() => CountAsync(unscoped, type.ClrType));
            Assert.Equal(0, await CountAsync(scoped, type.ClrType));
            Assert.Contains(division.ToString(), QueryString(scoped, type.ClrType), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Throws<InvalidOperationException>(void () => scoped.ScopeTo(Guid.NewGuid()));
    }

    [Fact]
    public void OnlyTheListedReaders_ReadAcrossDivisions()
    {
        var readers = new[] { typeof(Program).Assembly, typeof(SippDbContext).Assembly }.SelectMany(assembly =>
                Types.InAssembly(assembly).That().HaveDependencyOnAny(typeof(CrossDivision).FullName!).GetTypes())
            .Select(t => t.FullName!.Split('+')[0]) // an async method's state machine or a closure belongs to its type
            .Where(name => name != typeof(CrossDivision).FullName)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(readers.Count > 10, "readers found");
        Assert.Empty(readers.Except(CrossDivisionReaders.Keys));
    }

    private static bool BelongsToADivision(IEntityType type) =>
        type.FindProperty("DivisionId") is not null
        || type.GetForeignKeys().Any(k => k.IsRequired && k.PrincipalEntityType != type && BelongsToADivision(k.PrincipalEntityType));

    private static Task<int> CountAsync(SippDbContext db, Type type) =>
        Generic<Func<SippDbContext, Task<int>>>(nameof(CountOfAsync), type)(db);

    private static Task<int> CountOfAsync<T>(SippDbContext db)
        where T : class => db.Set<T>().CountAsync(TestContext.Current.CancellationToken);

    private static string QueryString(SippDbContext db, Type type) =>
        Generic<Func<SippDbContext, string>>(nameof(QueryStringOf), type)(db);

    private static TDelegate Generic<TDelegate>(string method, Type type)
        where TDelegate : Delegate =>
        typeof(DivisionScopeTests).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<TDelegate>();

    private static string QueryStringOf<T>(SippDbContext db)
        where T : class => db.Set<T>().ToQueryString();
}
