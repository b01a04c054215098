using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sipp.Data.Audit;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Audit;

public partial class AuditSentenceTests
{
    public AuditSentenceTests() => System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID"); // a request's default

    private static readonly AuditSentence Sentence = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)));

    [Fact]
    public void EveryActionSippRecords_HasATitleInWords()
    {
        var prefixes = AuditSentence.Titles.Keys.Select(k => k.Split('.')[0]).ToHashSet();
        var sources = Directory.GetFiles(Path.Combine(RepositoryFolder.Root(), "src", "Sipp.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var actions = sources.SelectMany(f => ActionLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(a => (a.Contains('.', StringComparison.Ordinal) && prefixes.Contains(a.Split('.')[0])) || a == "logout")
            .Except(Sipp.Web.Features.Api.Webhooks.WebhookEvents.All.Select(e => e.Type)) // event names of the webhooks, not audit actions
            .ToHashSet();

        Assert.Contains("tenagaKerja.ubahUpah", actions);
        Assert.DoesNotContain(actions, a => !AuditSentence.Titles.ContainsKey(a));
    }

    [Fact]
    public void AWageChange_ReadsAsASentence() =>
        Assert.Equal("Upah diubah dari Rp 6.500.000 menjadi Rp 7.000.000 mulai April 2026", Sentence.Describe(new AuditEvent
        {
            Action = "tenagaKerja.ubahUpah", Before = "{\"periode\":\"2026-04\",\"upah\":6500000}", After = "{\"periode\":\"2026-04\",\"upah\":7000000}",
        }));

    [Fact]
    public void OtherChanges_ListWhatChanged_WithMoneyMonthsDatesAndEscapesReadable() =>
        Assert.Equal("Tenaga kerja dinonaktifkan — Status: Aktif → Non Aktif; Tanggal: 20/03/2026; Handphone: +6281234567890", Sentence.Describe(new AuditEvent
        {
            Action = "tenagaKerja.nonAktif", Before = "{\"status\":\"Aktif\"}", After = "{\"status\":\"Non Aktif\",\"tanggal\":\"2026-03-20\",\"handphone\":\"\\u002B6281234567890\"}",
        }));

    [Fact]
    public void LateCharges_ListTheirMonths() =>
        Assert.Equal("Iuran susulan dicatat — Bulan: Januari 2026 Rp 185.000, Februari 2026 Rp 185.000", Sentence.Describe(new AuditEvent
        {
            Action = "iuran.susulan", After = "{\"bulan\":[{\"periode\":\"2026-01\",\"total\":185000},{\"periode\":\"2026-02\",\"total\":185000}]}",
        }));

    [GeneratedRegex("\"([a-z][a-zA-Z]*(?:\\.[a-z][a-zA-Z]*)?)\"")]
    private static partial Regex ActionLiteral();
}
