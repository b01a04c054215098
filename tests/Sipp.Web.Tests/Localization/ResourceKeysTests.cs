using System.Text.RegularExpressions;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Localization;

/// <summary>
/// Issue 16: "English" translated only the header. Every text a page or message shows goes through the localizer with
/// its Indonesian wording as the key (the Indonesian text is the key itself); this fails when a key has no English in
/// <c>SharedResource.en.resx</c>, when the English drops or adds a placeholder, or when an English entry is no longer used.
/// </summary>
public partial class ResourceKeysTests
{
    [Fact]
    public void EveryTextThroughTheLocalizer_HasItsEnglish_AndEveryEnglishEntryIsUsed()
    {
        var root = RepositoryFolder.Root();
        var used = Directory.GetFiles(Path.Combine(root, "src", "Sipp.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Concat(FieldHelp().Matches(File.ReadAllText(f))).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Concat(ShownByValue())
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 50, $"only {used.Count} texts found");
        EnglishCatalogue.AssertCovers(Path.Combine(root, "src", "Sipp.Web", "Resources", "SharedResource.en.resx"), used);
    }

    /// <summary>Texts the localizer receives as values, not literals: audit titles, worker form labels, choices and help.</summary>
    private static IEnumerable<string> ShownByValue() =>
        Sipp.Web.Infrastructure.Audit.AuditSentence.Titles.Values
            .Concat(typeof(Sipp.Domain.Workers.WorkerFields).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .Concat(typeof(Sipp.Web.Features.Workers.WorkerForms).GetFields().Where(f => f.IsStatic && f.FieldType == typeof(IReadOnlyList<(string, string)>))
                .SelectMany(f => ((IReadOnlyList<(string, string)>)f.GetValue(null)!).Select(o => o.Item2)))
            .Concat(Enum.GetValues<Sipp.Domain.Contributions.PeriodDisplayStatus>().Select(Sipp.Domain.Contributions.PeriodLifecycle.Label))
            .Concat(Sipp.Web.Features.Contributions.ViewPeriod.PeriodLineFilters.All.Select(f => f.Label))
            .Concat(Enum.GetValues<Sipp.Domain.Workers.EmploymentStatus>().Select(Sipp.Web.Features.Workers.WorkerTexts.Status))
            .Concat(Sipp.Web.Features.Workers.Uploads.UploadDefinition.All.Select(d => d.Title))
            .Concat(Enum.GetValues<Sipp.Data.Uploads.UploadState>().Select(Sipp.Web.Features.Workers.Uploads.UploadTexts.State))
            .Concat(Sipp.Web.Features.Reports.ReportCatalog.All.SelectMany(r => new[] { r.Title, r.Description }))
            .Concat(Enum.GetValues<Sipp.Domain.Contributions.LateChargeKind>().Select(Sipp.Domain.Contributions.LateCharges.Label))
            .Concat(new[] { Sipp.Domain.Contributions.JpStatus.CompanyNotParticipating, Sipp.Domain.Contributions.JpStatus.ForeignWorker, Sipp.Domain.Contributions.JpStatus.RetirementAgeReached }
                .Select(Sipp.Web.Features.Contributions.PeriodTexts.JpNotDue))
            .Concat(Enum.GetValues<Sipp.Domain.People.Sex>().Select(Sipp.Web.Features.Workers.WorkerTexts.Sex))
            .Concat(Sipp.Web.Features.Api.ApiScopes.All.Select(s => s.Label))
            .Concat(Sipp.Web.Features.Api.ClientAccess.ClientRow.States)
            .Concat(Sipp.Web.Features.Api.Webhooks.WebhookEvents.All.Select(e => e.Label))
            .Concat(Sipp.Web.Features.Api.Webhooks.WebhookDelivery.States)
            .Concat(Sipp.Web.Infrastructure.Security.CompanyRoles.Capabilities.Select(c => c.Label))
            .Concat(Sipp.Web.Features.Bureaus.Access.GrantRow.States)
            .Concat(Sipp.Web.Features.Bureaus.Portfolio.PortfolioView.Filters.Concat(Sipp.Web.Features.Bureaus.Portfolio.PortfolioView.Orders).Select(f => f.Label))
            .Concat(Sipp.Web.Features.Contributions.ApproveFinalization.FinalizationApproval.StatusLabels)
            .Concat(Enum.GetValues<Sipp.Data.Contributions.FinalizationRequestKind>().Select(Sipp.Web.Features.Contributions.ApproveFinalization.FinalizationApproval.KindLabel))
            .Concat(Sipp.Web.Features.Contributions.ApproveFinalization.WaitingRequest.Labels)
            .Append(Sipp.Web.Features.Workers.WorkerForms.EmployeeNumberHelp)
            .Append(Sipp.Web.Features.Contributions.PeriodTexts.WageHelp)
            .Append(Sipp.Web.Features.Contributions.PeriodTexts.WholeMonth);

    [GeneratedRegex(@"\b(?:L|localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedText();

    [GeneratedRegex(@"\bhelp: ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex FieldHelp();
}
