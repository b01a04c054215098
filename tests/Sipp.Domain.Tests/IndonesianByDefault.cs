using System.Globalization;
using System.Runtime.CompilerServices;

namespace Sipp.Domain.Tests;

/// <summary>The portal runs in Indonesian unless a person chooses English (Program); these tests read amounts that way too.</summary>
internal static class IndonesianByDefault
{
    [ModuleInitializer]
    internal static void Set() => CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
}
