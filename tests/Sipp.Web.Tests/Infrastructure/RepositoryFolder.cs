namespace Sipp.Web.Tests.Infrastructure;

public static class RepositoryFolder
{
    /// <summary>The checkout's root: the folder holding Sipp.slnx above the test's output.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sipp.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sipp.slnx not found above the test's folder.");
    }
}
