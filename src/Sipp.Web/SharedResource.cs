namespace Sipp.Web;

/// <summary>
/// Marker for the shared texts. Keys are the Indonesian texts themselves (id-ID needs no resource file);
/// Resources/SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
