using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Sipp.Web.Tests.Architecture;

/// <summary>
/// A use case's page model is its own: no code of another use case (another folder of Features) may call into it, so
/// that rules shared by pages, uploads, jobs and the coming payroll API live in module files or the domain (issue 14).
/// Read from the compiled IL (NetArchTest), so a call hidden in a method body counts; a constant is copied into its
/// users by the compiler and cannot be seen this way, so shared constants live in module files too (WorkerAudit).
/// </summary>
public class UseCaseBoundaryTests
{
    private static readonly System.Reflection.Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void NoUseCase_ReachesIntoAnotherUseCasesPageModel()
    {
        var pageModels = Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace is not null).ToList();
        Assert.True(pageModels.Count > 30, "page models found");

        var violations = new List<string>();
        foreach (var page in pageModels)
        {
            var result = Types.InAssembly(Web)
                .That().DoNotResideInNamespace(page.Namespace!)
                .And().DoNotHaveNameStartingWith("<") // compiler-generated closures sit with their own type
                .Should().NotHaveDependencyOnAny(page.FullName!)
                .GetResult();
            // A page's own Razor view (compiled as AspNetCoreGeneratedDocument.Features_<Module>_<UseCase>_<Page>) is its own.
            var ownViews = "AspNetCoreGeneratedDocument.Features_" + page.Namespace!["Sipp.Web.Features.".Length..].Replace('.', '_') + "_";
            violations.AddRange((result.FailingTypes ?? []).Where(t => !t.FullName.StartsWith(ownViews, StringComparison.Ordinal)).Select(t => $"{t.FullName} → {page.FullName}"));
        }

        Assert.True(violations.Count == 0, "Reaching into another use case's page model: " + string.Join("; ", violations));
    }
}
