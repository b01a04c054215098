using Microsoft.AspNetCore.Mvc.RazorPages;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Sipp.Web.Tests.Architecture;

/// <summary>
/// A page model binds, calls its use case's handler and renders; it never writes (issue 14): no <c>SaveChanges</c>,
/// no <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> in any of its methods, async state machines and lambdas included.
/// Read from the compiled IL (Mono.Cecil, under NetArchTest), so a write hidden anywhere in a page model's body counts.
/// </summary>
public class PageModelShapeTests
{
    private static readonly string[] Writes = ["SaveChanges", "SaveChangesAsync", "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync"];

    [Fact]
    public void NoPageModel_WritesToTheDatabaseItself()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var violations = module.Types.Where(t => pageModels.Contains(t.FullName))
            .SelectMany(t => WritesIn(t).Select(call => $"{t.FullName}: {call}"))
            .Distinct().ToList();

        Assert.True(pageModels.Count > 30, "page models found");
        Assert.True(violations.Count == 0, "Page models that write themselves instead of calling a handler:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheck_SeesAWriteInsideAnAsyncHandler()
    {
        using var module = ModuleDefinition.ReadModule(typeof(PageModelShapeTests).Assembly.Location);
        var planted = module.GetType(typeof(PlantedWritingPage).FullName!.Replace('+', '/'));
        Assert.Contains(WritesIn(planted), call => call.Contains("SaveChangesAsync", StringComparison.Ordinal));
    }

    /// <summary>Every call in the type's methods and in the compiler's nested types (async state machines, closures).</summary>
    private static IEnumerable<string> WritesIn(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt && i.Operand is MethodReference method && Writes.Contains(method.Name))
            .Select(i => ((MethodReference)i.Operand).FullName)
            .Concat(type.NestedTypes.SelectMany(WritesIn));

    private sealed class PlantedWritingPage(Sipp.Data.SippDbContext db) : PageModel
    {
        public async Task OnPostAsync() => await db.SaveChangesAsync();
    }
}
